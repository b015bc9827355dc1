import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { aiEnvShape, loadAiConfig } from './env.js';

describe('AI configuration', () => {
  it('configures nothing remote by default, with working defaults', () => {
    const config = loadAiConfig({});
    expect(config.openai).toBeUndefined();
    expect(config.anthropic).toBeUndefined();
    expect(config.stt.openai).toBeUndefined();
    expect(config.cacheTtlS).toBe(86_400);
    expect(config.routing).toEqual({});
    expect(Object.isFrozen(config.resilience)).toBe(true);
  });

  it('treats an API key alone as OpenAI itself, and empty strings as unset', () => {
    const config = loadAiConfig({
      AI_OPENAI_API_KEY: 'sk-x',
      AI_ANTHROPIC_API_KEY: '  ',
      AI_CACHE_TTL_S: '',
    });
    expect(config.openai).toMatchObject({ baseUrl: 'https://api.openai.com/v1', model: 'gpt-4o-mini' });
    expect(config.anthropic).toBeUndefined();
    expect(config.cacheTtlS).toBe(86_400);
  });

  it('parses per-task models, credit rates and routing', () => {
    const config = loadAiConfig({
      AI_OPENAI_BASE_URL: 'http://localhost:11434/v1/',
      AI_OPENAI_TASK_MODELS: 'summarize=llama3.1:8b, chat=qwen2.5',
      AI_OPENAI_CREDITS_PER_1K_TOKENS: '0.5, 2',
      AI_ROUTING: JSON.stringify({
        default: ['openai', 'local'],
        tasks: {
          draftReply: {
            experiment: 'reply-v2',
            arms: [
              { name: 'a', weight: 1 },
              { name: 'b', weight: 1, route: ['anthropic:claude-sonnet-4-5'], promptVersion: 1 },
            ],
          },
        },
      }),
    });
    expect(config.openai?.baseUrl).toBe('http://localhost:11434/v1');
    expect(config.openai?.taskModels).toEqual({ summarize: 'llama3.1:8b', chat: 'qwen2.5' });
    expect(config.openai?.credits).toEqual({ input: 0.5, output: 2 });
    expect(config.routing.default).toEqual(['openai', 'local']);
  });

  it('names the bad variable', () => {
    expect(() => loadAiConfig({ AI_ROUTING: '{not json' })).toThrow(/AI_ROUTING: must be valid JSON/);
    expect(() => loadAiConfig({ AI_ROUTING: '{"tasks":{"dance":["openai"]}}' })).toThrow(/AI_ROUTING/);
    expect(() => loadAiConfig({ AI_OPENAI_TASK_MODELS: 'fly=gpt' })).toThrow(/AI_OPENAI_TASK_MODELS/);
    expect(() => loadAiConfig({ AI_TIMEOUT_MS: '-1' })).toThrow(/AI_TIMEOUT_MS/);
  });

  it('is a plain shape the platform can merge into its env schema', () => {
    const merged = z.object({ PORT: z.string().optional(), ...aiEnvShape });
    expect(merged.safeParse({ AI_RETRIES: '3' }).data?.AI_RETRIES).toBe(3);
  });
});
