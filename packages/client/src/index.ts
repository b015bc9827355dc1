export { backoffDelay } from './realtime/backoff.js';
export {
  type ChannelEvent,
  type ConnectionState,
  RealtimeClient,
  type RealtimeClientOptions,
  RealtimeError,
  type SocketFactory,
  type SocketLike,
} from './realtime/client.js';
