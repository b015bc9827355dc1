import { call } from '@app/client';
import type { Notification, NotificationChannel, NotificationMode } from '@app/contracts';
import { useInfiniteQuery, useQuery, useQueryClient } from '@tanstack/react-query';
import { clsx } from 'clsx';
import { useTranslation } from 'react-i18next';
import { useApi, useTitle } from '../app/context.js';
import { Button } from '../components/button.js';
import { Card, PageHeader } from '../components/card.js';
import { SelectField } from '../components/field.js';
import { EmptyState, ErrorState, LoadingState } from '../components/states.js';
import { useToast } from '../components/toast.js';
import { useFormat } from '../i18n/format.js';
import { notificationKeys } from './arrivals.js';

const PAGE = 20;

/** `/notifications` in every app: the caller's notifications (live) and how they want them. */
export function NotificationsPage() {
  const { t } = useTranslation();
  useTitle(t('notifications.title'));
  return (
    <>
      <PageHeader title={t('notifications.title')} />
      <div className="flex flex-col gap-6">
        <NotificationList />
        <Preferences />
      </div>
    </>
  );
}

function NotificationList() {
  const { t } = useTranslation();
  const api = useApi();
  const format = useFormat();
  const toast = useToast();
  const queryClient = useQueryClient();
  const list = useInfiniteQuery({
    queryKey: notificationKeys.list,
    queryFn: ({ pageParam }) =>
      call(
        api.GET('/api/v1/notifications', {
          params: { query: { limit: PAGE, ...(pageParam ? { cursor: pageParam } : {}) } },
        }),
      ),
    initialPageParam: '',
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: notificationKeys.all });
  const markRead = async (item: Notification) => {
    try {
      await call(api.POST('/api/v1/notifications/{id}/read', { params: { path: { id: item.id } } }));
      await refresh();
    } catch (error) {
      toast((error as Error).message, 'danger');
    }
  };
  const markAll = async () => {
    try {
      await call(api.POST('/api/v1/notifications/read-all'));
      await refresh();
    } catch (error) {
      toast((error as Error).message, 'danger');
    }
  };

  if (list.isPending) return <LoadingState />;
  if (list.isError) return <ErrorState message={list.error.message} onRetry={() => void list.refetch()} />;
  const items = list.data.pages.flatMap((page) => page.items);
  if (items.length === 0)
    return (
      <EmptyState title={t('notifications.empty')}>
        <p>{t('notifications.emptyBody')}</p>
      </EmptyState>
    );
  return (
    <section aria-labelledby="notifications-list" className="flex flex-col gap-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="notifications-list" className="sr-only">
          {t('notifications.title')}
        </h2>
        {items.some((item) => !item.readAt) && (
          <Button variant="secondary" onClick={() => void markAll()}>
            {t('notifications.markAll')}
          </Button>
        )}
      </div>
      <ul className="flex flex-col gap-2">
        {items.map((item) => (
          <li
            key={item.id}
            className={clsx(
              'flex flex-wrap items-start gap-3 rounded-xl border bg-surface p-4',
              item.readAt ? 'border-border' : 'border-accent',
            )}
          >
            <div className="min-w-[min(100%,16rem)] flex-1">
              <p className="font-semibold break-words">
                {!item.readAt && (
                  <span className="mr-2 inline-block size-2.5 rounded-full bg-accent align-middle">
                    <span className="sr-only">{t('notifications.unread')}</span>
                  </span>
                )}
                {item.title}
              </p>
              {item.body && <p className="text-sm break-words text-fg-muted">{item.body}</p>}
              <p className="text-xs text-fg-muted">{format.dateTime(item.createdAt)}</p>
            </div>
            <div className="flex flex-wrap gap-2">
              {item.link && (
                // Links lead anywhere in the platform (another app too): a plain link, read first.
                <a
                  href={item.link}
                  onClick={() => {
                    if (!item.readAt)
                      void api.POST('/api/v1/notifications/{id}/read', { params: { path: { id: item.id } } });
                  }}
                  className="inline-flex min-h-11 items-center rounded-lg border border-border px-3 text-sm font-semibold hover:bg-surface-muted"
                >
                  {t('notifications.open')}
                </a>
              )}
              {!item.readAt && (
                <Button variant="secondary" className="px-3" onClick={() => void markRead(item)}>
                  {t('notifications.markRead')}
                </Button>
              )}
            </div>
          </li>
        ))}
      </ul>
      {list.hasNextPage && (
        <Button
          variant="secondary"
          className="self-center"
          loading={list.isFetchingNextPage}
          onClick={() => void list.fetchNextPage()}
        >
          {t('common.loadMore')}
        </Button>
      )}
    </section>
  );
}

/** Defaults of the kernel (docs/background-work.md): in-app and push at once, email as a digest. */
const defaults: Record<NotificationChannel, NotificationMode> = {
  in_app: 'instant',
  email: 'digest',
  push: 'instant',
};
const choices: Record<NotificationChannel, NotificationMode[]> = {
  in_app: ['instant', 'off'],
  email: ['instant', 'digest', 'off'],
  push: ['instant', 'off'],
};

function Preferences() {
  const { t } = useTranslation();
  const api = useApi();
  const toast = useToast();
  const queryClient = useQueryClient();
  const preferences = useQuery({
    queryKey: notificationKeys.preferences,
    queryFn: () => call(api.GET('/api/v1/notifications/preferences')),
  });
  const modeOf = (channel: NotificationChannel): NotificationMode =>
    preferences.data?.items.find((p) => p.type === '*' && p.channel === channel)?.mode ?? defaults[channel];
  const set = async (channel: NotificationChannel, mode: NotificationMode) => {
    try {
      await call(api.PUT('/api/v1/notifications/preferences', { body: { type: '*', channel, mode } }));
      await queryClient.invalidateQueries({ queryKey: notificationKeys.preferences });
      toast(t('notifications.saved'));
    } catch (error) {
      toast((error as Error).message, 'danger');
    }
  };
  return (
    <Card className="flex flex-col gap-3">
      <h2 className="text-lg font-semibold">{t('notifications.preferences')}</h2>
      <p className="text-sm text-fg-muted">{t('notifications.preferencesLead')}</p>
      {preferences.isPending ? (
        <LoadingState />
      ) : (
        <div className="grid gap-3 sm:grid-cols-3">
          {(Object.keys(choices) as NotificationChannel[]).map((channel) => (
            <SelectField
              key={channel}
              label={t(`notifications.channels.${channel}`)}
              value={modeOf(channel)}
              onChange={(event) => void set(channel, event.target.value as NotificationMode)}
              options={choices[channel].map((mode) => ({
                value: mode,
                label: t(`notifications.modes.${mode}`),
              }))}
            />
          ))}
        </div>
      )}
    </Card>
  );
}
