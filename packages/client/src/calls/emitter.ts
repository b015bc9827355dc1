/** Listeners by event name, each typed by the event map `E` (event name -> payload). */
export class Emitter<E extends Record<string, unknown>> {
  private readonly listeners: { [K in keyof E]?: Set<(payload: E[K]) => void> } = {};

  /** Adds a listener; returns a function that removes it. */
  on<K extends keyof E>(event: K, listener: (payload: E[K]) => void): () => void {
    const set = this.listeners[event] ?? new Set<(payload: E[K]) => void>();
    this.listeners[event] = set;
    set.add(listener);
    return () => set.delete(listener);
  }

  emit<K extends keyof E>(event: K, payload: E[K]): void {
    for (const listener of this.listeners[event] ?? []) listener(payload);
  }
}
