import { NOTIFICATION_EVENT } from '@app/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useSession } from '../app/context.js';
import { useChannel, useRealtime } from '../app/realtime.js';
import { arrivals, notificationKeys } from './arrivals.js';

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
