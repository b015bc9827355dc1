import { NOTIFICATION_EVENT, type Notification } from '@app/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useSession } from '../app/context.js';
import { useChannel, useRealtime } from '../app/realtime.js';

export const notificationKeys = {
  all: ['notifications'] as const,
  unread: ['notifications', 'unread'] as const,
  list: ['notifications', 'list'] as const,
  preferences: ['notifications', 'preferences'] as const,
};

/** One subscription per page to `user:<id>`; the components that care listen here. */
const arrivals = new EventTarget();

/**
 * Keeps the page's notifications live (mounted once, by the shell, while signed in): each new one
 * refreshes the unread count and the list, and reaches `useNotificationArrivals` listeners.
 */
export function useLiveNotifications(): void {
  const { user } = useSession();
  const { client, state } = useRealtime();
  const queryClient = useQueryClient();
  useChannel(
    client,
    state === 'open',
    user ? `user:${user.id}` : null,
    (event, payload) => {
      if (event !== NOTIFICATION_EVENT) return;
      void queryClient.invalidateQueries({ queryKey: notificationKeys.all });
      arrivals.dispatchEvent(new CustomEvent('notification', { detail: payload }));
    },
    // After a reconnect, what arrived meanwhile is counted again.
    () => void queryClient.invalidateQueries({ queryKey: notificationKeys.unread }),
  );
}

/**
 * Runs `onArrival` for every notification that arrives while mounted (an app refreshes what the
 * notification is about: eduforum's live badges when a session starts).
 */
export function useNotificationArrivals(onArrival: (notification: Notification) => void): void {
  const latest = useRef(onArrival);
  latest.current = onArrival;
  useEffect(() => {
    const listener = (event: Event) => latest.current((event as CustomEvent<Notification>).detail);
    arrivals.addEventListener('notification', listener);
    return () => arrivals.removeEventListener('notification', listener);
  }, []);
}
