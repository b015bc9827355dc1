import { NOTIFICATION_EVENT } from '@app/contracts';
import { Notice, useChannel, useRealtime, useSession } from '@app/ui';
import { useQueryClient } from '@tanstack/react-query';
import { keys } from './data.js';
import { useT } from './i18n.js';

/**
 * Keeps the lists fresh while a page is open: a notification on `user:<me>` about requests,
 * partners, sessions or corrections refetches those lists. Returns whether the live connection is
 * up (pages say so when it is not).
 */
export function useLiveLists(): boolean {
  const { user } = useSession();
  const { client, state } = useRealtime();
  const queryClient = useQueryClient();
  useChannel(client, state === 'open', user ? `user:${user.id}` : null, (event, payload) => {
    if (event !== NOTIFICATION_EVENT) return;
    const type = (payload as { type?: unknown } | null)?.type;
    if (typeof type !== 'string' || !type.startsWith('languagemate.')) return;
    if (type.includes('.partner.') || type.includes('.request')) {
      void queryClient.invalidateQueries({ queryKey: keys.requests('incoming') });
      void queryClient.invalidateQueries({ queryKey: keys.requests('outgoing') });
      void queryClient.invalidateQueries({ queryKey: keys.partners });
    }
    if (type.includes('.session'))
      void queryClient.invalidateQueries({ queryKey: ['languagemate', 'sessions'] });
    if (type.includes('.correction'))
      void queryClient.invalidateQueries({ queryKey: ['languagemate', 'corrections'] });
    void queryClient.invalidateQueries({ queryKey: keys.dashboard });
  });
  return state === 'open' || state === 'connecting';
}

/** Says that live updates are paused while the connection is down (lists still work). */
export function OfflineNotice({ online }: { online: boolean }) {
  const { t } = useT();
  if (online) return null;
  return <Notice tone="warning">{t('live.offline')}</Notice>;
}
