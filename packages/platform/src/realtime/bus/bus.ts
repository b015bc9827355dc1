/** A message on the cross-instance bus. */
export interface BusEnvelope {
  /** Instance that published it; an instance ignores its own echoes. */
  origin: string;
  topic: string;
  data: unknown;
}

export type BusHandler = (data: unknown, envelope: BusEnvelope) => void;

/**
 * Publish/subscribe between instances. Delivery is at-most-once and best effort (a message
 * published while an instance is reconnecting is lost to it): durable things (chat messages) are
 * written to PostgreSQL first, and the bus only tells other instances to push them.
 */
export interface Bus {
  readonly engine: 'postgres' | 'redis';
  readonly instanceId: string;
  publish(topic: string, data: unknown): Promise<void>;
  /** Returns a function that removes this handler. */
  subscribe(topic: string, handler: BusHandler): () => void;
  close(): Promise<void>;
}

/** Handlers per topic, shared by both engines. */
export class LocalDispatch {
  private readonly handlers = new Map<string, Set<BusHandler>>();

  add(topic: string, handler: BusHandler): { first: boolean; remove: () => { last: boolean } } {
    let set = this.handlers.get(topic);
    const first = !set;
    if (!set) {
      set = new Set();
      this.handlers.set(topic, set);
    }
    set.add(handler);
    return {
      first,
      remove: () => {
        const current = this.handlers.get(topic);
        current?.delete(handler);
        const last = current !== undefined && current.size === 0;
        if (last) this.handlers.delete(topic);
        return { last };
      },
    };
  }

  topics(): string[] {
    return [...this.handlers.keys()];
  }

  /** Calls every handler of the envelope's topic; a throwing handler does not stop the others. */
  deliver(envelope: BusEnvelope, onError: (error: unknown) => void): void {
    for (const handler of this.handlers.get(envelope.topic) ?? []) {
      try {
        handler(envelope.data, envelope);
      } catch (error) {
        onError(error);
      }
    }
  }
}
