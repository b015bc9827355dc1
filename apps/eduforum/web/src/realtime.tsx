import { type ConnectionState, RealtimeClient, type WebSession } from '@app/client';
import { useWebSession } from '@app/ui';
import { useEffect, useState } from 'react';

let shared: RealtimeClient | undefined;

function wsUrl(path: string): string {
  const url = new URL(path, window.location.href);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return url.toString();
}

/** The page's one realtime connection (`/ws`), opened on first use and closed at sign-out. */
function sharedClient(session: WebSession): RealtimeClient {
  if (shared) return shared;
  const client = new RealtimeClient({
    url: wsUrl('/ws'),
    getToken: async (fresh) => {
      if (fresh) await session.refresh();
      const token = await session.accessToken();
      if (!token) throw new Error('signed out');
      return token;
    },
  });
  shared = client;
  const stop = session.subscribe(() => {
    if (session.getSnapshot().status !== 'signed-out') return;
    stop();
    client.close();
    if (shared === client) shared = undefined;
  });
  void client.connect().catch(() => undefined);
  return client;
}

/**
 * The realtime client and its connection state. Subscribe once `state` is `open`; subscriptions
 * survive reconnects (the client restores them and calls `onResubscribed`).
 */
export function useRealtime(): { client: RealtimeClient; state: ConnectionState } {
  const session = useWebSession();
  const [client] = useState(() => sharedClient(session));
  const [state, setState] = useState<ConnectionState>(client.state);
  useEffect(() => {
    setState(client.state);
    return client.onState(setState);
  }, [client]);
  return { client, state };
}

/** The collab (whiteboard) endpoint of this origin, `ws(s)://host/collab`. */
export function collabUrl(): string {
  return wsUrl('/collab');
}
