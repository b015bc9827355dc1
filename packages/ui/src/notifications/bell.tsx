import { call } from '@app/client';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { useApi } from '../app/context.js';
import { notificationKeys } from './arrivals.js';
import { useLiveNotifications } from './events.js';

/** The header's bell: unread count (live), and the way to the notifications page. */
export function NotificationBell() {
  const { t } = useTranslation();
  const api = useApi();
  useLiveNotifications();
  const unread = useQuery({
    queryKey: notificationKeys.unread,
    queryFn: () => call(api.GET('/api/v1/notifications/unread-count')),
    staleTime: 30_000,
  });
  const count = unread.data?.count ?? 0;
  return (
    <NavLink
      to="/notifications"
      className="relative flex min-h-11 min-w-11 items-center justify-center rounded-lg text-fg-muted hover:bg-surface-muted"
    >
      <svg
        aria-hidden="true"
        viewBox="0 0 24 24"
        className="size-6"
        fill="none"
        stroke="currentColor"
        strokeWidth="2"
      >
        <path d="M6 8a6 6 0 1 1 12 0c0 7 3 9 3 9H3s3-2 3-9" strokeLinecap="round" strokeLinejoin="round" />
        <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" strokeLinecap="round" strokeLinejoin="round" />
      </svg>
      <span className="sr-only">
        {count > 0 ? t('notifications.bellUnread', { count }) : t('notifications.bell')}
      </span>
      {count > 0 && (
        <span
          aria-hidden="true"
          data-testid="unread-count"
          className="absolute top-1 right-0.5 min-w-5 rounded-full bg-danger px-1 text-center text-xs leading-5 font-bold text-white"
        >
          {count > 99 ? '99+' : count}
        </span>
      )}
    </NavLink>
  );
}
