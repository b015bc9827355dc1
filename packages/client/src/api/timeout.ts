/** How long an API request may take before it is given up (headers and body together). */
export const DEFAULT_TIMEOUT_MS = 30_000;
/** Uploads carry a body of up to tens of megabytes on slow links: they get longer. */
export const UPLOAD_TIMEOUT_MS = 10 * 60_000;

/**
 * A signal that aborts after `ms` (with a `TimeoutError`), or earlier when `outer` aborts; `ms`
 * of 0 means no time limit. Without it a request to a server that accepts the connection and
 * never answers would leave its promise pending forever.
 */
export function timeoutSignal(ms: number, outer?: AbortSignal | null): AbortSignal | undefined {
  if (ms <= 0) return outer ?? undefined;
  // A controller and a timer of our own rather than AbortSignal.timeout/any: Node may collect
  // an AbortSignal.any that nothing else references before it fires, and the request would hang.
  const controller = new AbortController();
  const timer = setTimeout(
    () => controller.abort(new DOMException('The server took too long to answer.', 'TimeoutError')),
    ms,
  );
  // Node: a pending deadline must not keep a script alive on its own.
  (timer as { unref?: () => void }).unref?.();
  if (outer?.aborted) controller.abort(outer.reason);
  outer?.addEventListener(
    'abort',
    () => {
      clearTimeout(timer);
      controller.abort(outer.reason);
    },
    { once: true },
  );
  return controller.signal;
}

/** True for the error a fetch rejects with when a `timeoutSignal` ran out. */
export function isTimeout(error: unknown): boolean {
  return error instanceof Error && error.name === 'TimeoutError';
}
