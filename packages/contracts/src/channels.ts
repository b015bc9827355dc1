import { z } from 'zod';

/** Payload schemas of a channel's events, by event name. */
export type EventSchemas = Readonly<Record<string, z.ZodType>>;

/**
 * Events the kernel sends on every channel: someone appeared or left (after the presence grace).
 * Every declared channel has them; a declaration need not list them.
 */
export const presenceEvents = {
  'presence.join': z.object({ userId: z.string() }),
  'presence.leave': z.object({ userId: z.string() }),
} as const;

/**
 * A realtime channel type with its events, declared once in an app's contracts: the server
 * registers it (client events validated with `client`), publishes `server` events type-checked
 * against their schemas, and the web receives them as a discriminated union (`ServerEvent`).
 */
export interface ChannelDeclaration<
  C extends EventSchemas = EventSchemas,
  S extends EventSchemas = EventSchemas,
> {
  /** The part before `:` in the channel's name (`eduforum-session`). */
  readonly type: string;
  /** Events a client may send (`pub` frames), by name: their payload schemas. */
  readonly client: C;
  /** Events the server sends, by name: their payload schemas (presence events are implied). */
  readonly server: S & typeof presenceEvents;
  /** The channel's full name for one id: `type:id`. */
  name(id: string): string;
}

/**
 * Declares a channel type and its events. No validation runs here, so a web bundle importing the
 * declaration only takes the schemas it references.
 */
export function defineChannel<const C extends EventSchemas, const S extends EventSchemas>(
  type: string,
  events: { client: C; server: S },
): ChannelDeclaration<C, S> {
  return Object.freeze({
    type,
    client: events.client,
    server: { ...presenceEvents, ...events.server },
    name: (id: string) => `${type}:${id}`,
  });
}

type ServerSchemas<D> =
  D extends ChannelDeclaration<EventSchemas, infer S> ? S & typeof presenceEvents : never;
type ClientSchemas<D> = D extends ChannelDeclaration<infer C, EventSchemas> ? C : never;

/** Names of the events the server sends on a channel. */
export type ServerEventName<D extends ChannelDeclaration> = keyof ServerSchemas<D> & string;
/** Names of the events a client may send on a channel. */
export type ClientEventName<D extends ChannelDeclaration> = keyof ClientSchemas<D> & string;

/** What a publisher passes for a server event (the schema's input). */
export type ServerPayload<D extends ChannelDeclaration, E extends ServerEventName<D>> = z.input<
  ServerSchemas<D>[E]
>;
/** What a client sends for a client event (the schema's input). */
export type ClientPayload<D extends ChannelDeclaration, E extends ClientEventName<D>> = z.input<
  ClientSchemas<D>[E]
>;
/** What a handler receives for a client event (validated: the schema's output). */
export type ClientInput<D extends ChannelDeclaration, E extends ClientEventName<D>> = z.output<
  ClientSchemas<D>[E]
>;

/** One event received on a channel: `{ event, payload }`, discriminated by `event`. */
export type ServerEvent<D extends ChannelDeclaration> = {
  [E in ServerEventName<D>]: { event: E; payload: z.output<ServerSchemas<D>[E]> };
}[ServerEventName<D>];
