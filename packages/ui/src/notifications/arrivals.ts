import type { Notification } from '@app/contracts';
import { useEffect, useRef } from 'react';

/** Query keys of the notification centre. */
export const notificationKeys = {
  all: ['notifications'] as const,
  unread: ['notifications', 'unread'] as const,
  list: ['notifications', 'list'] as const,
  preferences: ['notifications', 'preferences'] as const,
};

/**
 * Notifications arriving on this page: the bell's live subscription announces them here, and the
 * pages that care listen (kept apart from the subscription, so listening costs no realtime code in
 * a page's first load).
 */
export const arrivals = new EventTarget();

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
