import { z } from 'zod';

/**
 * The WebSocket protocol of `GET /ws` (docs/realtime.md). Every frame is JSON
 * `{ t: type, ch?: channel, id?: n, d?: data }`. Client frames carry an `id` the server
 * acknowledges; server events carry a per-channel sequence number.
 */

/** Channel names are `<type>:<id>`, e.g. `user:0190...`, `chat:0190...`. */
export const channelNameSchema = z
  .string()
  .max(200)
  .regex(/^[a-z][a-z0-9-]{0,31}:[A-Za-z0-9._:-]{1,160}$/, 'must look like type:id');

const id = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

/** Frames a client may send. */
export const clientFrameSchema = z.discriminatedUnion('t', [
  z.object({ t: z.literal('auth'), id: id.optional(), d: z.object({ token: z.string().min(10).max(4096) }) }),
  z.object({ t: z.literal('sub'), id, ch: channelNameSchema }),
  z.object({ t: z.literal('unsub'), id, ch: channelNameSchema }),
  z.object({
    t: z.literal('pub'),
    id,
    ch: channelNameSchema,
    d: z.object({ event: z.string().min(1).max(64), payload: z.unknown() }),
  }),
  z.object({ t: z.literal('ping'), id: id.optional() }),
]);
export type ClientFrame = z.infer<typeof clientFrameSchema>;

/** Frames the server sends. */
export type ServerFrame =
  | { t: 'ready'; d: { userId: string; heartbeatMs: number } }
  | { t: 'ack'; id: number; d?: unknown }
  | { t: 'err'; id?: number; d: { code: RealtimeErrorCode; message: string; details?: unknown } }
  | { t: 'ev'; ch: string; seq: number; d: { event: string; payload: unknown } }
  | { t: 'pong'; id?: number };

/** Error codes of `err` frames (the connection stays open). */
export type RealtimeErrorCode =
  | 'INVALID_FRAME'
  | 'UNKNOWN_CHANNEL_TYPE'
  | 'FORBIDDEN'
  | 'NOT_SUBSCRIBED'
  | 'UNKNOWN_EVENT'
  | 'INVALID_PAYLOAD'
  | 'TOKEN_EXPIRED'
  /** A per-user budget (e.g. `chat.send`) is used up; `details: { action, retryAfter }` (seconds). */
  | 'RATE_LIMITED'
  | 'EMAIL_NOT_VERIFIED'
  /** The server cannot reach its database right now; retry shortly. */
  | 'UNAVAILABLE'
  | 'INTERNAL';

/** Close codes with names; 4xxx are ours (RFC 6455 leaves 4000-4999 to applications). */
export const closeCodes = {
  /** The server is shutting down or restarting; reconnect (to another instance). */
  GOING_AWAY: 1001,
  /** A frame above the size limit. */
  MESSAGE_TOO_BIG: 1009,
  /** No valid `auth` frame first, within 10 s, or a bad token. */
  UNAUTHENTICATED: 4401,
  /** The access token expired and no fresh one came in time. */
  TOKEN_EXPIRED: 4409,
  /** Heartbeats stopped. */
  IDLE_TIMEOUT: 4408,
  /** Too many frames per second. */
  RATE_LIMITED: 4429,
  /** The user already has WS_MAX_SOCKETS_PER_USER (20) authenticated sockets on this instance. */
  TOO_MANY_SOCKETS: 4430,
  /** The client does not read fast enough; its send buffer overflowed. */
  SLOW_CONSUMER: 4508,
} as const;
