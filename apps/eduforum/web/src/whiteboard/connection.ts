/** What the board shows about its connection. */
export type BoardStatus = 'connecting' | 'live' | 'offline' | 'readOnly' | 'denied';

/** What the Hocuspocus provider reports, reduced to what the status depends on. */
export type ProviderEvent =
  | { type: 'status'; status: 'connecting' | 'connected' | 'disconnected' }
  | { type: 'authenticated'; scope: 'read-write' | 'readonly' }
  | { type: 'denied' };

/**
 * The next status after a provider event. A refusal sticks until the server authenticates us again
 * (the socket may reconnect meanwhile); connected-but-not-yet-authenticated still counts as connecting.
 */
export function nextStatus(current: BoardStatus, event: ProviderEvent): BoardStatus {
  switch (event.type) {
    case 'authenticated':
      return event.scope === 'readonly' ? 'readOnly' : 'live';
    case 'denied':
      return 'denied';
    case 'status':
      if (current === 'denied') return current;
      if (event.status === 'disconnected') return 'offline';
      if (event.status === 'connecting') return current === 'offline' ? 'offline' : 'connecting';
      return current === 'live' || current === 'readOnly' ? current : 'connecting';
  }
}
