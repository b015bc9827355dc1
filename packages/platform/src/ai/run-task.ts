import { AppError } from '../http/app-error.js';
import { type CachedAnswer, type CacheKeyParts, cacheKey, readCache, writeCache } from './cache.js';
import {
  type AiContext,
  type AiResult,
  checkContext,
  type GatewayDeps,
  meter,
  parseOrThrow,
} from './context.js';
import { LOCAL_MODEL, runLocal } from './local.js';
import { renderPrompt } from './prompts.js';
import { creditsFor } from './providers.js';
import { failureKind, InvalidOutputError } from './resilience.js';
import { type Plan, type PlannedStep, resolvePlan } from './routing.js';
import { generatePlainText, generateStructured, type ModelAnswer } from './structured.js';
import {
  isCacheableTask,
  isTextModeTask,
  type ParsedTaskInput,
  type TaskInput,
  type TaskOutput,
  type TextTaskName,
  taskInputSchemas,
  taskOutputSchemas,
} from './tasks.js';

type Candidate = { step: PlannedStep; parts?: CacheKeyParts; key?: string };

/**
 * Runs one language task: validate the input, resolve the route (experiment arm included), serve
 * a cached answer if any provider of the route has one, else try each provider in order (each
 * behind its retry/breaker/timeout policy, with one schema repair), ending with the local engine
 * when it can do the task. Every answer and every failed attempt is metered.
 */
export async function runTask<T extends TextTaskName>(
  deps: GatewayDeps,
  task: T,
  rawInput: TaskInput<T>,
  ctx: AiContext,
): Promise<AiResult<TaskOutput<T>>> {
  checkContext(ctx);
  const input = parseOrThrow(taskInputSchemas[task], rawInput, 'input') as ParsedTaskInput<T>;
  const plan = await resolvePlan(deps, task, ctx.userId);
  if (plan.steps.length === 0) throw notConfigured(deps, task);

  const cacheable = isCacheableTask(task) && deps.config.cacheTtlS > 0;
  const candidates: Candidate[] = plan.steps.map((step) => {
    if (step.kind !== 'remote' || !cacheable) return { step };
    const parts = {
      task,
      promptVersion: plan.promptVersion,
      provider: step.provider.name,
      model: step.model,
      input,
    };
    return { step, parts, key: cacheKey(parts) };
  });
  const base = {
    userId: ctx.userId,
    app: ctx.app,
    task,
    experiment: plan.experiment?.name,
    arm: plan.experiment?.arm,
  };
  const started = performance.now();

  const hit = await firstCacheHit(deps, task, candidates);
  if (hit) {
    const { candidate, value } = hit;
    const requestId = await meter(deps, {
      ...base,
      ...stepNames(candidate.step),
      promptVersion: plan.promptVersion,
      status: 'ok',
      cached: true,
      tokensIn: 0,
      tokensOut: 0,
      credits: 0,
      latencyMs: performance.now() - started,
      error: undefined,
    });
    return {
      value,
      requestId,
      ...stepNames(candidate.step),
      promptVersion: plan.promptVersion,
      cached: true,
      credits: 0,
      experiment: plan.experiment,
    };
  }

  // Paid work is reserved before the first provider call and settled at its real cost (or released
  // when no provider answered): an account without the credits is refused before any call.
  const reservation = await reserveCredits(deps, task, input, ctx, candidates);
  let result: AiResult<TaskOutput<T>>;
  try {
    result = await tryCandidates();
  } catch (error) {
    if (reservation) await deps.credits?.release(reservation);
    throw error;
  }
  if (reservation) await deps.credits?.settle(reservation, result.credits);
  return result;

  async function tryCandidates(): Promise<AiResult<TaskOutput<T>>> {
    const attempts: { provider: string; model: string; reason: string }[] = [];
    for (const candidate of candidates) {
      const { step } = candidate;
      const names = stepNames(step);
      const promptVersion = step.kind === 'remote' ? plan.promptVersion : undefined;
      const attemptStarted = performance.now();
      try {
        const answer =
          step.kind === 'local'
            ? { value: localAnswer(task, input), tokens: undefined }
            : await askModel(deps, task, input, step, plan);
        const credits =
          step.kind === 'remote' && answer.tokens ? creditsFor(step.provider.credits, answer.tokens) : 0;
        if (candidate.key && candidate.parts && answer.tokens) {
          await writeCache(deps.db, {
            key: candidate.key,
            parts: candidate.parts,
            value: answer.value,
            tokens: answer.tokens,
            ttlS: deps.config.cacheTtlS,
          }).catch((error: unknown) => deps.logger.warn({ err: error, task }, 'AI cache write failed'));
        }
        const requestId = await meter(deps, {
          ...base,
          ...names,
          promptVersion,
          status: 'ok',
          cached: false,
          tokensIn: answer.tokens?.input ?? 0,
          tokensOut: answer.tokens?.output ?? 0,
          credits,
          latencyMs: performance.now() - attemptStarted,
          error: undefined,
        });
        return {
          value: answer.value,
          requestId,
          ...names,
          promptVersion,
          cached: false,
          tokens: answer.tokens,
          credits,
          experiment: plan.experiment,
        };
      } catch (error) {
        const reason = failureKind(error);
        attempts.push({ ...names, reason });
        // A local failure is a bug of ours; a provider failure is weather.
        const level = step.kind === 'local' ? 'error' : 'warn';
        deps.logger[level](
          { err: error, task, ...names, reason },
          'AI attempt failed; trying the next provider',
        );
        // Failed attempts record what they cost us (tokens) but charge the user nothing.
        const spent = error instanceof InvalidOutputError ? error.tokens : { input: 0, output: 0 };
        await meter(deps, {
          ...base,
          ...names,
          promptVersion,
          status: 'error',
          cached: false,
          tokensIn: spent.input,
          tokensOut: spent.output,
          credits: 0,
          latencyMs: performance.now() - attemptStarted,
          error: reason,
        });
      }
    }
    throw new AppError(
      'SERVICE_UNAVAILABLE',
      `No AI provider could answer ${task} right now. Try again later.`,
      {
        task,
        attempts,
      },
    );
  }
}

async function firstCacheHit<T extends TextTaskName>(
  deps: GatewayDeps,
  task: T,
  candidates: Candidate[],
): Promise<{ candidate: Candidate; value: TaskOutput<T> } | undefined> {
  const keys = candidates.flatMap((c) => (c.key ? [c.key] : []));
  if (keys.length === 0) return undefined;
  let hits: Map<string, CachedAnswer>;
  try {
    hits = await readCache(deps.db, keys);
  } catch (error) {
    // A cache outage costs money, not correctness: carry on to the providers.
    deps.logger.warn({ err: error, task }, 'AI cache read failed');
    return undefined;
  }
  for (const candidate of candidates) {
    const cached = candidate.key ? hits.get(candidate.key) : undefined;
    if (!cached) continue;
    // Revalidate: an answer cached under an older schema must not reach callers.
    const parsed = taskOutputSchemas[task].safeParse(cached.value);
    if (parsed.success) return { candidate, value: parsed.data as TaskOutput<T> };
  }
  return undefined;
}

async function askModel<T extends TextTaskName>(
  deps: GatewayDeps,
  task: T,
  input: ParsedTaskInput<T>,
  step: Extract<PlannedStep, { kind: 'remote' }>,
  plan: Plan,
): Promise<ModelAnswer<TaskOutput<T>>> {
  const options = {
    provider: step.provider,
    modelId: step.model,
    prompt: renderPrompt(task, plan.promptVersion, input),
    maxOutputTokens: deps.config.maxOutputTokens,
  };
  if (isTextModeTask(task)) {
    const answer = await generatePlainText(options);
    return { ...answer, value: { text: answer.value } as TaskOutput<T> };
  }
  const schema = taskOutputSchemas[task];
  return (await generateStructured({ ...options, schema })) as ModelAnswer<TaskOutput<T>>;
}

function localAnswer<T extends TextTaskName>(task: T, input: ParsedTaskInput<T>): TaskOutput<T> {
  const value = runLocal(task, input);
  const parsed = taskOutputSchemas[task].safeParse(value);
  if (!parsed.success)
    throw new Error(`Local engine answer for ${task} does not match its schema: ${parsed.error.message}`);
  return parsed.data as TaskOutput<T>;
}

function stepNames(step: PlannedStep): { provider: 'openai' | 'anthropic' | 'local'; model: string } {
  return step.kind === 'remote'
    ? { provider: step.provider.name, model: step.model }
    : { provider: 'local', model: LOCAL_MODEL };
}

function notConfigured(deps: GatewayDeps, task: TextTaskName): AppError {
  if (deps.providers.size === 0) {
    return new AppError(
      'SERVICE_UNAVAILABLE',
      `${task} needs a language-model provider, and none is configured: set AI_OPENAI_BASE_URL (any OpenAI-compatible endpoint, with AI_OPENAI_API_KEY if it needs one) or AI_ANTHROPIC_API_KEY.`,
      { task, missing: ['AI_OPENAI_BASE_URL', 'AI_ANTHROPIC_API_KEY'] },
    );
  }
  return new AppError(
    'SERVICE_UNAVAILABLE',
    `${task} has no usable provider: AI_ROUTING routes it only to providers that are not configured.`,
    { task, missing: ['AI_ROUTING'] },
  );
}

/**
 * Reserves the credits a call may cost when its app charges for AI (it declared plans) and a user
 * is known: the most expensive remote provider of the route at the input's size (about two
 * characters a token, plus the prompt) and the full output allowance. Returns the reservation.
 */
async function reserveCredits(
  deps: GatewayDeps,
  task: string,
  input: unknown,
  ctx: AiContext,
  candidates: readonly Candidate[],
): Promise<string | undefined> {
  if (!ctx.userId || !deps.credits?.charges(ctx.app)) return undefined;
  const tokens = {
    input: Math.ceil(JSON.stringify(input).length / 2) + 500,
    output: deps.config.maxOutputTokens,
  };
  let estimate = 0;
  for (const { step } of candidates)
    if (step.kind === 'remote') estimate = Math.max(estimate, creditsFor(step.provider.credits, tokens));
  if (estimate === 0) return undefined;
  return deps.credits.reserve(ctx.userId, ctx.app, estimate, `${ctx.app}.${task}`);
}
