import type { z } from 'zod';
import type { AuthContext } from '../../auth/access.js';

/** A client event a channel type accepts: its payload schema, and what to do with it. */
export interface ClientEventSpec<T extends z.ZodType = z.ZodType> {
  schema: T;
  /**
   * Handles the event; the default relays it to the channel's subscribers as a server event of the
   * same name with `{ from: userId, ...payload }`. Return a value to put it in the ack.
   */
  handle?: (input: {
    auth: AuthContext;
    channel: string;
    id: string;
    payload: z.infer<T>;
  }) => Promise<unknown>;
}

/**
 * A refusal that says why (`{ refused: 'locked' }`): the client's FORBIDDEN error carries it as
 * `details.reason`, so the page can say what happened instead of a generic refusal.
 */
export interface ChannelRefusal {
  readonly refused: string;
}

/** What `authorize` answers: `true` admits; `false` or a refusal with its reason refuses. */
export type ChannelVerdict = boolean | ChannelRefusal;

/** Who may subscribe to channels of one type, and which client events it takes. */
export interface ChannelType {
  /**
   * The shape of the id after `type:` (e.g. `z.uuid()`). A malformed id is refused with an
   * INVALID_FRAME error before `authorize` runs, so `authorize` may pass it to SQL as it is.
   */
  id?: z.ZodType<string>;
  authorize(auth: AuthContext, id: string): Promise<ChannelVerdict> | ChannelVerdict;
  clientEvents?: Record<string, ClientEventSpec>;
  /**
   * Told when a user appears in a channel of this type on this instance, and when they have left
   * it (after the presence grace, so a reconnect is not a leave). A user connected to two instances
   * is reported by each. Errors are logged, never thrown at the socket.
   */
  onPresence?(input: { id: string; userId: string; joined: boolean }): Promise<void> | void;
}

/** Channel types by name (the part before `:`), registered by the platform and the apps. */
export class ChannelRegistry {
  private readonly types = new Map<string, ChannelType>();

  register(name: string, type: ChannelType): void {
    if (this.types.has(name)) throw new Error(`channel type ${name} is already registered`);
    this.types.set(name, type);
  }

  /** Every registered channel type by name (tooling and tests: the fuzzer covers each one). */
  list(): [name: string, type: ChannelType][] {
    return [...this.types];
  }

  /** Splits `type:id` and finds its type. */
  resolve(channel: string): { name: string; id: string; type: ChannelType | undefined } {
    const at = channel.indexOf(':');
    const name = channel.slice(0, at);
    return { name, id: channel.slice(at + 1), type: this.types.get(name) };
  }
}

/**
 * Declares a client event with its payload type inferred from the schema (the registry stores
 * events without their individual types; the gateway validates with the schema before `handle`).
 */
export function clientEvent<T extends z.ZodType>(spec: ClientEventSpec<T>): ClientEventSpec {
  return spec as unknown as ClientEventSpec;
}
