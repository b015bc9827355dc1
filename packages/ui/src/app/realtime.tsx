import { type ConnectionState, RealtimeClient, type WebSession } from '@app/client';
import type { ChannelDeclaration, ServerEvent } from '@app/contracts';
import { useEffect, useRef, useState } from 'react';
import { useWebSession } from './context.js';

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
 * The page's realtime client (one socket for every app channel) and its connection state. Subscribe once `state` is `open`; subscriptions
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

/**
 * Subscribes to a channel (`type:id`, or null for none) while mounted and connected; `onReady` runs
 * after each (re)subscription, `onError` when the server refuses it.
 */
export function useChannel(
  client: RealtimeClient,
  open: boolean,
  channel: string | null,
  onEvent: (event: string, payload: unknown) => void,
  onReady?: () => void,
  onError?: (error: Error) => void,
): void {
  // The latest callbacks, so that a new render does not resubscribe.
  const callbacks = useRef({ onEvent, onReady, onError });
  callbacks.current = { onEvent, onReady, onError };
  useEffect(() => {
    if (!open || !channel) return;
    let cancelled = false;
    let leave: (() => Promise<void>) | undefined;
    client
      .subscribe(channel, (e) => callbacks.current.onEvent(e.event, e.payload), {
        onResubscribed: () => callbacks.current.onReady?.(),
      })
      .then((stop) => {
        if (cancelled) return void stop();
        leave = stop;
        callbacks.current.onReady?.();
      })
      .catch((error: Error) => {
        if (!cancelled) callbacks.current.onError?.(error);
      });
    return () => {
      cancelled = true;
      void leave?.().catch(() => undefined);
    };
  }, [client, open, channel]);
}

/**
 * `useChannel` for a declared channel (`defineChannel` in an app's contracts): subscribes to
 * `channel.name(id)` (none while id is null) and hands each event to `onEvent` as the declaration's
 * discriminated union, so handlers switch on `event.event` with typed payloads.
 */
export function useDeclaredChannel<D extends ChannelDeclaration>(
  client: RealtimeClient,
  open: boolean,
  channel: D,
  id: string | null,
  onEvent: (event: ServerEvent<D>) => void,
  onReady?: () => void,
  onError?: (error: Error) => void,
): void {
  useChannel(
    client,
    open,
    id === null ? null : channel.name(id),
    // The server publishes these through `publishTo`, checked against the same declaration.
    (event, payload) => onEvent({ event, payload } as ServerEvent<D>),
    onReady,
    onError,
  );
}
