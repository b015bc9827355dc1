/**
 * How long to wait before attempt `attempt + 1` of a request that met 429 or 5xx: the server's
 * `Retry-After` (seconds or an HTTP date) when it sent one, else exponential backoff with jitter
 * (half fixed, half random: `base * 2^(attempt-1)` at most). Undefined when the wait would be
 * longer than `maxMs`: the caller gives up instead of holding a worker that long.
 */
export function retryDelay(
  attempt: number,
  retryAfter: string | null | undefined,
  baseMs: number,
  maxMs: number,
  random: () => number = Math.random,
  now: number = Date.now(),
): number | undefined {
  const asked = parseRetryAfter(retryAfter, now);
  if (asked !== undefined) return asked > maxMs ? undefined : asked;
  const ceiling = Math.min(maxMs, baseMs * 2 ** (attempt - 1));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

/** `Retry-After` in milliseconds from `now`; undefined when absent or unreadable. */
export function parseRetryAfter(
  value: string | null | undefined,
  now: number = Date.now(),
): number | undefined {
  if (!value) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** Waits `ms`, or rejects as soon as `signal` aborts (the worker is shutting down). */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', stop);
      resolve();
    }, ms);
    const stop = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', stop, { once: true });
  });
}
