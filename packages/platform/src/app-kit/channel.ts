import type { ChannelDeclaration, ClientEventName, ClientInput } from '@app/contracts';
import type { z } from 'zod';
import type { AuthContext } from '../auth/access.js';
import type { ChannelType, ClientEventSpec } from '../realtime/gateway/channels.js';
import type { AppChannel } from './define-app.js';

/** Handles one client event of a declared channel; what it returns is the ack's data. */
export type ChannelHandler<P> = (input: {
  auth: AuthContext;
  id: string;
  payload: P;
}) => Promise<unknown> | unknown;

/** A handler for every client event the channel declares. */
export type ChannelHandlers<D extends ChannelDeclaration> = {
  readonly [E in ClientEventName<D>]: ChannelHandler<ClientInput<D, E>>;
};

/** What an app adds to a declared channel on the server: who may join it and its handlers. */
export interface ChannelImplementation<D extends ChannelDeclaration> {
  /** The shape of the id after `type:`; malformed ids are refused before `authorize`. */
  readonly id?: z.ZodType<string>;
  readonly authorize: ChannelType['authorize'];
  readonly onPresence?: ChannelType['onPresence'];
  readonly on: ChannelHandlers<D>;
}

/**
 * An app's channel from its contract's declaration: the gateway validates each client event with
 * the declared schema before its handler, which receives the typed payload. The ack carries what
 * the handler returns (`{ ok: true }` when nothing); an AppError it throws comes back in the ack as
 * `{ error: { code, message, details } }`.
 */
export function appChannel<D extends ChannelDeclaration>(
  declaration: D,
  implementation: ChannelImplementation<D>,
): AppChannel {
  const handlers = implementation.on as Readonly<Record<string, ChannelHandler<unknown>>>;
  const clientEvents: Record<string, ClientEventSpec> = {};
  for (const [event, schema] of Object.entries(declaration.client)) {
    const handle = handlers[event];
    if (!handle) throw new Error(`channel ${declaration.type}: no handler for client event ${event}`);
    clientEvents[event] = {
      schema,
      handle: async ({ auth, id, payload }) => (await handle({ auth, id, payload })) ?? { ok: true },
    };
  }
  return {
    name: declaration.type,
    type: {
      ...(implementation.id ? { id: implementation.id } : {}),
      authorize: implementation.authorize,
      ...(implementation.onPresence ? { onPresence: implementation.onPresence } : {}),
      clientEvents,
    },
  };
}
