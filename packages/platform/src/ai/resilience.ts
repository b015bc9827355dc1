import { APICallError } from 'ai';
import {
  BrokenCircuitError,
  CircuitState,
  ConsecutiveBreaker,
  circuitBreaker,
  ExponentialBackoff,
  handleWhen,
  retry,
  TaskCancelledError,
  TimeoutStrategy,
  timeout,
  wrap,
} from 'cockatiel';
import type { AiConfig } from './env.js';

/** A provider failure worth retrying: the service or the network, not our request. */
export class TransientError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'TransientError';
  }
}

export type BreakerState = 'closed' | 'open' | 'half-open' | 'isolated';

/** Retry with backoff, a circuit breaker and a timeout around every call to one provider. */
export interface Resilience {
  execute<T>(fn: (signal: AbortSignal) => Promise<T>): Promise<T>;
  state(): BreakerState;
}

/** 5xx, 429, 408 and connection failures (the AI SDK marks them retryable). */
export function isRetryable(error: unknown): boolean {
  if (error instanceof TransientError) return true;
  return APICallError.isInstance(error) && error.isRetryable;
}

/** What makes a provider look unhealthy: retryable failures and timeouts. */
export function countsAgainstProvider(error: unknown): boolean {
  return isRetryable(error) || error instanceof TaskCancelledError;
}

/**
 * Builds the policy of one provider: `retry(breaker(timeout(call)))`. Each attempt has its own
 * timeout and counts for the breaker; a timeout is not retried (the router falls back to the next
 * provider instead of doubling the wait); an open breaker fails at once. The breaker is
 * per process: each instance judges a provider's health by what it sees itself.
 */
export function createResilience(config: AiConfig['resilience']): Resilience {
  const breaker = circuitBreaker(handleWhen(countsAgainstProvider), {
    halfOpenAfter: config.breakerHalfOpenMs,
    breaker: new ConsecutiveBreaker(config.breakerThreshold),
  });
  const retrying = retry(handleWhen(isRetryable), {
    maxAttempts: config.retries,
    backoff: new ExponentialBackoff({ initialDelay: config.retryBaseDelayMs, maxDelay: 10_000 }),
  });
  const timing = timeout(config.timeoutMs, TimeoutStrategy.Aggressive);
  const policy = wrap(retrying, breaker, timing);
  return {
    execute: (fn) => policy.execute(({ signal }) => fn(signal)),
    state: () => breakerStateName(breaker.state),
  };
}

function breakerStateName(state: CircuitState): BreakerState {
  switch (state) {
    case CircuitState.Closed:
      return 'closed';
    case CircuitState.Open:
      return 'open';
    case CircuitState.HalfOpen:
      return 'half-open';
    default:
      return 'isolated';
  }
}

/** A short, safe reason for an attempt's failure (sent to clients; never URLs or bodies). */
export function failureKind(error: unknown): string {
  if (error instanceof TaskCancelledError) return 'timeout';
  if (error instanceof BrokenCircuitError) return 'circuit_open';
  if (error instanceof InvalidOutputError) return 'invalid_output';
  if (APICallError.isInstance(error)) return error.statusCode ? `http_${error.statusCode}` : 'network';
  if (error instanceof TransientError) return 'unavailable';
  return 'error';
}

/** The model answered, twice, with output that does not match the task's schema. */
export class InvalidOutputError extends Error {
  constructor(
    message: string,
    readonly tokens: { input: number; output: number },
  ) {
    super(message);
    this.name = 'InvalidOutputError';
  }
}
