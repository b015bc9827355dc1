import { generateText, type LanguageModelUsage, NoObjectGeneratedError, Output } from 'ai';
import { z } from 'zod';
import type { RenderedPrompt } from './prompts.js';
import type { RemoteProvider } from './providers.js';
import { InvalidOutputError } from './resilience.js';

export interface TokenCount {
  input: number;
  output: number;
}

export interface ModelAnswer<T> {
  value: T;
  tokens: TokenCount;
  /** True when the first answer failed validation and the repair attempt succeeded. */
  repaired: boolean;
}

interface CallOptions {
  provider: RemoteProvider;
  modelId: string;
  prompt: RenderedPrompt;
  maxOutputTokens: number;
}

/**
 * Asks a model for a JSON object matching `schema`. The schema goes into the system prompt too,
 * because OpenAI-compatible servers in JSON mode (the portable default) do not receive it
 * otherwise. When the answer does not parse or validate, the model gets exactly one chance to
 * repair it, shown its own answer and the validation error; a second failure is an
 * `InvalidOutputError` and the router moves on. Each request goes through the provider's
 * retry/breaker/timeout policy; schema failures never count against the provider's health.
 */
export async function generateStructured<S extends z.ZodType>(
  options: CallOptions & { schema: S },
): Promise<ModelAnswer<z.output<S>>> {
  const { provider, modelId, prompt, schema, maxOutputTokens } = options;
  const system = `${prompt.system}\n\nReply with a single JSON object and nothing else. It must match this JSON Schema:\n${JSON.stringify(z.toJSONSchema(schema, { io: 'output', unrepresentable: 'any' }))}`;
  const call = (messages: RenderedPrompt['messages']) =>
    provider.resilience.execute((signal) =>
      generateText({
        model: provider.languageModel(modelId),
        system,
        messages,
        output: Output.object({ schema }),
        maxOutputTokens,
        maxRetries: 0,
        abortSignal: signal,
        providerOptions: provider.callOptions,
      }),
    );

  let first: NoObjectGeneratedError;
  try {
    const result = await call(prompt.messages);
    return { value: result.output as z.output<S>, tokens: tokensOf(result.totalUsage), repaired: false };
  } catch (error) {
    if (!NoObjectGeneratedError.isInstance(error)) throw error;
    first = error;
  }
  const spent = tokensOf(first.usage);
  const repairMessages: RenderedPrompt['messages'] = [
    ...prompt.messages,
    { role: 'assistant', content: first.text ?? '' },
    {
      role: 'user',
      content:
        `Your answer was rejected: ${describeProblem(first)}\n` +
        'Reply again with only the corrected JSON object, matching the schema exactly.',
    },
  ];
  try {
    const result = await call(repairMessages);
    return {
      value: result.output as z.output<S>,
      tokens: add(spent, tokensOf(result.totalUsage)),
      repaired: true,
    };
  } catch (error) {
    if (!NoObjectGeneratedError.isInstance(error)) throw error;
    throw new InvalidOutputError(
      `The model's answer did not match the schema after one repair: ${describeProblem(error)}`,
      add(spent, tokensOf(error.usage)),
    );
  }
}

/** Asks a model for free text (chat). */
export async function generatePlainText(options: CallOptions): Promise<ModelAnswer<string>> {
  const { provider, modelId, prompt, maxOutputTokens } = options;
  const result = await provider.resilience.execute((signal) =>
    generateText({
      model: provider.languageModel(modelId),
      system: prompt.system,
      messages: prompt.messages,
      maxOutputTokens,
      maxRetries: 0,
      abortSignal: signal,
      providerOptions: provider.callOptions,
    }),
  );
  return { value: result.text, tokens: tokensOf(result.totalUsage), repaired: false };
}

function describeProblem(error: NoObjectGeneratedError): string {
  const cause = error.cause;
  // The SDK wraps the zod error; its issues say which field is wrong, which is what the model needs.
  const issues = findZodIssues(cause);
  if (issues) return issues;
  return cause instanceof Error ? cause.message.slice(0, 1_000) : error.message;
}

function findZodIssues(error: unknown, depth = 0): string | undefined {
  if (depth > 3 || !(error instanceof Error)) return undefined;
  if (error instanceof z.ZodError) {
    return error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
  }
  return findZodIssues(error.cause, depth + 1);
}

function tokensOf(usage: LanguageModelUsage | undefined): TokenCount {
  return { input: usage?.inputTokens ?? 0, output: usage?.outputTokens ?? 0 };
}

function add(a: TokenCount, b: TokenCount): TokenCount {
  return { input: a.input + b.input, output: a.output + b.output };
}
