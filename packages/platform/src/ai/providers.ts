import { createAnthropic } from '@ai-sdk/anthropic';
import { createOpenAICompatible } from '@ai-sdk/openai-compatible';
import type { LanguageModel } from 'ai';
import type { AiConfig, CreditRates, ProviderConfig } from './env.js';
import { createResilience, type Resilience } from './resilience.js';
import type { TextTaskName } from './tasks.js';

export type RemoteProviderName = 'openai' | 'anthropic';

/** A configured remote provider: its models, its resilience policy and its prices. */
export interface RemoteProvider {
  readonly name: RemoteProviderName;
  readonly resilience: Resilience;
  readonly credits: CreditRates;
  /** The model for a task: the route's pin, else the per-task override, else the default. */
  modelFor(task: TextTaskName, pinned: string | undefined): string;
  languageModel(modelId: string): LanguageModel;
  /** Provider options passed with every call (JSON-schema strictness and the like). */
  readonly callOptions: Record<string, Record<string, string | boolean>> | undefined;
}

/** Builds the providers the configuration enables, each with its own breaker. */
export function createProviders(config: AiConfig): Map<RemoteProviderName, RemoteProvider> {
  const providers = new Map<RemoteProviderName, RemoteProvider>();
  if (config.openai) {
    const openai = createOpenAICompatible({
      name: 'openai',
      baseURL: config.openai.baseUrl,
      apiKey: config.openai.apiKey,
      supportsStructuredOutputs: config.openai.structuredOutputs,
      includeUsage: true,
    });
    providers.set(
      'openai',
      remote('openai', config.openai, config, (id) => openai.chatModel(id), {
        // OpenAI's strict mode rejects optional fields; our schemas have them, and we validate anyway.
        openaiCompatible: { strictJsonSchema: false },
      }),
    );
  }
  if (config.anthropic) {
    const anthropic = createAnthropic({ baseURL: config.anthropic.baseUrl, apiKey: config.anthropic.apiKey });
    providers.set(
      'anthropic',
      remote('anthropic', config.anthropic, config, (id) => anthropic.languageModel(id), undefined),
    );
  }
  return providers;
}

function remote(
  name: RemoteProviderName,
  provider: ProviderConfig,
  config: AiConfig,
  create: (modelId: string) => LanguageModel,
  callOptions: RemoteProvider['callOptions'],
): RemoteProvider {
  const models = new Map<string, LanguageModel>();
  return {
    name,
    resilience: createResilience(config.resilience),
    credits: provider.credits,
    callOptions,
    modelFor: (task, pinned) => pinned ?? provider.taskModels[task] ?? provider.model,
    languageModel(modelId) {
      let model = models.get(modelId);
      if (!model) {
        model = create(modelId);
        models.set(modelId, model);
      }
      return model;
    },
  };
}

/** Credits of a call: per 1000 tokens in and out, rounded up so any paid call costs at least 1. */
export function creditsFor(rates: CreditRates, tokens: { input: number; output: number }): number {
  const raw = (tokens.input * rates.input + tokens.output * rates.output) / 1000;
  return raw > 0 ? Math.ceil(raw) : 0;
}
