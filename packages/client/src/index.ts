export { type Api, type ApiClientOptions, type AppApi, call, createApiClient } from './api/client.js';
export { ApiError, type FieldErrors, toApiError } from './api/errors.js';
export type { components, paths } from './api/schema.generated.js';
export { DEFAULT_TIMEOUT_MS, isTimeout, timeoutSignal, UPLOAD_TIMEOUT_MS } from './api/timeout.js';
export type { PeerCallState } from './calls/call-state.js';
export { listMediaDevices, type MediaDeviceChoice, type MediaDeviceList } from './calls/local-media.js';
export type { CallRole, CallSignal } from './calls/negotiator.js';
export { callRole, PeerCall, type PeerCallEvents, type PeerCallOptions } from './calls/peer-call.js';
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
export {
  type ChannelLike,
  type IssuedTokens,
  type LockLike,
  type SessionSnapshot,
  type SessionStatus,
  type Timers,
  WebSession,
  type WebSessionOptions,
} from './session/web-session.js';
