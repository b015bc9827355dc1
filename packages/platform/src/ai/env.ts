import { z } from 'zod';
import { jsonEnv } from '../config/json-env.js';
import { type TextTaskName, textTaskNames } from './tasks.js';

/** Language-model providers the router knows; `local` is the in-process `@app/nlp` engine. */
export const providerNames = ['openai', 'anthropic', 'local'] as const;
export type ProviderName = (typeof providerNames)[number];

const bool = z.stringbool({ truthy: ['true', '1', 'yes', 'on'], falsy: ['false', '0', 'no', 'off'] });
const url = z.url({ protocol: /^https?$/ });
const positiveInt = z.coerce.number().int().positive();
const nonNegativeInt = z.coerce.number().int().min(0);

/** `task=model,task=model` (per-task model overrides of one provider). */
const taskModels = z
  .string()
  .transform((value, ctx) => {
    const out: Partial<Record<TextTaskName, string>> = {};
    for (const part of value
      .split(',')
      .map((p) => p.trim())
      .filter(Boolean)) {
      const [task, ...model] = part.split('=');
      if (!task || !textTaskNames.includes(task.trim() as TextTaskName) || model.join('=').trim() === '') {
        ctx.addIssue({ code: 'custom', message: `"${part}" is not task=model with a known task` });
        return z.NEVER;
      }
      out[task.trim() as TextTaskName] = model.join('=').trim();
    }
    return out;
  })
  .describe('comma-separated task=model pairs, e.g. summarize=gpt-4o-mini,chat=gpt-4o');

/** `input,output` credits per 1000 tokens. */
const creditRates = z
  .string()
  .regex(/^\s*\d+(\.\d+)?\s*,\s*\d+(\.\d+)?\s*$/, 'expected "input,output", e.g. 1,3')
  .transform((value) => {
    const [input = 0, output = 0] = value.split(',').map((v) => Number(v.trim()));
    return { input, output };
  });

/** A route step: a provider, optionally pinned to a model (`openai:gpt-4o`, `openai:llama3:8b`). */
const routeStep = z
  .string()
  .regex(/^(openai|anthropic|local)(:.+)?$/, 'a route step is openai|anthropic|local, optionally :model');
const route = z.array(routeStep).min(1);
const arm = z
  .object({
    name: z.string().regex(/^[A-Za-z0-9._-]{1,64}$/),
    weight: z.number().positive(),
    route: route.optional(),
    promptVersion: z.number().int().positive().optional(),
  })
  .strict();
const taskRoute = z.union([
  route,
  z
    .object({
      experiment: z.string().regex(/^[A-Za-z0-9._-]{1,64}$/),
      arms: z.array(arm).min(2),
    })
    .strict()
    .refine((e) => new Set(e.arms.map((a) => a.name)).size === e.arms.length, 'arm names must be unique'),
]);
export const routingSchema = z
  .object({
    default: route.optional(),
    tasks: z.partialRecord(z.enum(textTaskNames), taskRoute).optional(),
  })
  .strict();
export type RoutingConfig = z.output<typeof routingSchema>;
export type TaskRoute = z.output<typeof taskRoute>;

const routing = jsonEnv(routingSchema).describe('JSON, see docs/ai.md');

/**
 * Environment variables of the AI gateway and speech to text, to be merged into the platform's
 * env schema. All optional: with none set, the local engine answers what it can.
 */
export const aiEnvShape = {
  AI_OPENAI_BASE_URL: url.optional(),
  AI_OPENAI_API_KEY: z.string().min(1).optional(),
  AI_OPENAI_MODEL: z.string().min(1).default('gpt-4o-mini'),
  AI_OPENAI_TASK_MODELS: taskModels.optional(),
  AI_OPENAI_STRUCTURED_OUTPUTS: bool.default(false),
  AI_OPENAI_CREDITS_PER_1K_TOKENS: creditRates.default({ input: 1, output: 4 }),
  AI_ANTHROPIC_API_KEY: z.string().min(1).optional(),
  AI_ANTHROPIC_BASE_URL: url.optional(),
  AI_ANTHROPIC_MODEL: z.string().min(1).default('claude-haiku-4-5'),
  AI_ANTHROPIC_TASK_MODELS: taskModels.optional(),
  AI_ANTHROPIC_CREDITS_PER_1K_TOKENS: creditRates.default({ input: 1, output: 5 }),
  AI_ROUTING: routing.optional(),
  AI_CACHE_TTL_S: nonNegativeInt.default(86_400),
  AI_TIMEOUT_MS: positiveInt.default(30_000),
  AI_RETRIES: nonNegativeInt.max(10).default(2),
  AI_RETRY_BASE_DELAY_MS: positiveInt.default(250),
  AI_BREAKER_THRESHOLD: positiveInt.default(5),
  AI_BREAKER_HALF_OPEN_MS: positiveInt.default(30_000),
  AI_MAX_OUTPUT_TOKENS: positiveInt.max(200_000).default(2_048),
  STT_OPENAI_BASE_URL: url.optional(),
  STT_OPENAI_API_KEY: z.string().min(1).optional(),
  STT_OPENAI_MODEL: z.string().min(1).default('whisper-1'),
  STT_CREDITS_PER_MINUTE: z.coerce.number().min(0).default(1),
  WHISPER_MODEL_PATH: z.string().min(1).optional(),
  POCKETSPHINX_BIN: z.string().min(1).default('pocketsphinx_continuous'),
  POCKETSPHINX_HMM: z.string().min(1).default('/usr/share/pocketsphinx/model/en-us/en-us'),
  POCKETSPHINX_DICT: z.string().min(1).default('/usr/share/pocketsphinx/model/en-us/cmudict-en-us.dict'),
};

export type AiEnv = z.output<z.ZodObject<typeof aiEnvShape>>;

export interface CreditRates {
  readonly input: number;
  readonly output: number;
}

/** One configured language-model provider. */
export interface ProviderConfig {
  readonly baseUrl: string;
  readonly apiKey: string | undefined;
  readonly model: string;
  readonly taskModels: Readonly<Partial<Record<TextTaskName, string>>>;
  readonly credits: CreditRates;
}

/** The gateway's configuration: nested, typed and frozen. */
export interface AiConfig {
  readonly openai: (ProviderConfig & { readonly structuredOutputs: boolean }) | undefined;
  readonly anthropic: ProviderConfig | undefined;
  readonly routing: RoutingConfig;
  readonly cacheTtlS: number;
  readonly maxOutputTokens: number;
  readonly resilience: {
    readonly timeoutMs: number;
    readonly retries: number;
    readonly retryBaseDelayMs: number;
    readonly breakerThreshold: number;
    readonly breakerHalfOpenMs: number;
  };
  readonly stt: {
    readonly openai:
      | { readonly baseUrl: string; readonly apiKey: string | undefined; readonly model: string }
      | undefined;
    readonly creditsPerMinute: number;
    readonly whisperModelPath: string | undefined;
    readonly pocketsphinx: { readonly bin: string; readonly hmm: string; readonly dict: string };
  };
}

/**
 * Maps parsed variables to the gateway config. OpenAI-compatible is configured by a base URL or
 * by a key alone (then it is OpenAI itself); Anthropic by its key.
 */
export function toAiConfig(env: AiEnv): AiConfig {
  const openaiUrl =
    env.AI_OPENAI_BASE_URL ?? (env.AI_OPENAI_API_KEY ? 'https://api.openai.com/v1' : undefined);
  return deepFreeze({
    openai: openaiUrl
      ? {
          baseUrl: trimSlash(openaiUrl),
          apiKey: env.AI_OPENAI_API_KEY,
          model: env.AI_OPENAI_MODEL,
          taskModels: env.AI_OPENAI_TASK_MODELS ?? {},
          credits: env.AI_OPENAI_CREDITS_PER_1K_TOKENS,
          structuredOutputs: env.AI_OPENAI_STRUCTURED_OUTPUTS,
        }
      : undefined,
    anthropic: env.AI_ANTHROPIC_API_KEY
      ? {
          baseUrl: trimSlash(env.AI_ANTHROPIC_BASE_URL ?? 'https://api.anthropic.com/v1'),
          apiKey: env.AI_ANTHROPIC_API_KEY,
          model: env.AI_ANTHROPIC_MODEL,
          taskModels: env.AI_ANTHROPIC_TASK_MODELS ?? {},
          credits: env.AI_ANTHROPIC_CREDITS_PER_1K_TOKENS,
        }
      : undefined,
    routing: env.AI_ROUTING ?? {},
    cacheTtlS: env.AI_CACHE_TTL_S,
    maxOutputTokens: env.AI_MAX_OUTPUT_TOKENS,
    resilience: {
      timeoutMs: env.AI_TIMEOUT_MS,
      retries: env.AI_RETRIES,
      retryBaseDelayMs: env.AI_RETRY_BASE_DELAY_MS,
      breakerThreshold: env.AI_BREAKER_THRESHOLD,
      breakerHalfOpenMs: env.AI_BREAKER_HALF_OPEN_MS,
    },
    stt: {
      openai: env.STT_OPENAI_BASE_URL
        ? {
            baseUrl: trimSlash(env.STT_OPENAI_BASE_URL),
            apiKey: env.STT_OPENAI_API_KEY,
            model: env.STT_OPENAI_MODEL,
          }
        : undefined,
      creditsPerMinute: env.STT_CREDITS_PER_MINUTE,
      whisperModelPath: env.WHISPER_MODEL_PATH,
      pocketsphinx: { bin: env.POCKETSPHINX_BIN, hmm: env.POCKETSPHINX_HMM, dict: env.POCKETSPHINX_DICT },
    },
  });
}

/**
 * Parses only the AI variables (empty values count as unset) and maps them; for tests and tools.
 * The platform parses them with the rest of its environment at boot.
 */
export function loadAiConfig(raw: Record<string, string | undefined>): AiConfig {
  const cleaned: Record<string, string> = {};
  for (const key of Object.keys(aiEnvShape)) {
    const value = raw[key]?.trim();
    if (value) cleaned[key] = value;
  }
  const result = z.object(aiEnvShape).safeParse(cleaned);
  if (!result.success) {
    const problems = result.error.issues.map((i) => `${String(i.path[0])}: ${i.message}`);
    throw new Error(`Invalid AI configuration:\n  ${problems.join('\n  ')}`);
  }
  return toAiConfig(result.data);
}

function trimSlash(value: string): string {
  return value.replace(/\/+$/, '');
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
