/**
 * Delay before reconnect attempt `attempt` (0-based): exponential with "full jitter" (a random
 * delay up to the exponential cap), so thousands of clients dropped at once do not return at once.
 */
export function backoffDelay(attempt: number, baseMs: number, maxMs: number, random = Math.random): number {
  const cap = Math.min(maxMs, baseMs * 2 ** Math.min(attempt, 30));
  return Math.round(random() * cap);
}
