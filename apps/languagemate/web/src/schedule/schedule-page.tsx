import { call } from '@app/client';
import type { LanguagematePaths, PracticeSession } from '@app/languagemate-contracts';
import {
  Button,
  EmptyState,
  ErrorState,
  LoadingState,
  PageHeader,
  Tabs,
  useApi,
  useSession,
  useTitle,
  useToast,
} from '@app/ui';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { keys, usePartners, useProfile } from '../shared/data.js';
import { useErrorText } from '../shared/error-text.js';
import { useT } from '../shared/i18n.js';
import { OfflineNotice, useLiveLists } from '../shared/live.js';
import { ProposeDialog } from './propose-dialog.js';
import { SessionCard } from './session-card.js';

/** Practice sessions: upcoming and past, in both people's local times; propose, answer, export. */
export function SchedulePage() {
  const { t } = useT();
  useTitle(t('schedule.title'));
  const [params, setParams] = useSearchParams();
  const online = useLiveLists();
  const profile = useProfile();
  const partners = usePartners();
  const partnerParam = params.get('partner');
  const [proposing, setProposing] = useState(partnerParam !== null);
  const myZone = profile.data?.profile?.timeZone;
  const hasPartners = (partners.data?.items.length ?? 0) > 0;
  return (
    <>
      <PageHeader title={t('schedule.title')} lead={t('schedule.lead')} />
      <div className="mb-6 flex flex-col gap-3">
        <OfflineNotice online={online} />
        <div className="flex flex-wrap items-center gap-3">
          <Button onClick={() => setProposing(true)} disabled={!hasPartners || !myZone}>
            {t('schedule.propose')}
          </Button>
          {partners.isSuccess && !hasPartners && (
            <p className="text-sm text-fg-muted">{t('schedule.needPartner')}</p>
          )}
        </div>
      </div>
      <Tabs
        label={t('schedule.title')}
        tabs={[
          { value: 'upcoming', label: t('schedule.upcoming'), content: <SessionList when="upcoming" /> },
          { value: 'past', label: t('schedule.past'), content: <SessionList when="past" /> },
        ]}
      />
      {myZone && partners.data && (
        <ProposeDialog
          open={proposing}
          onClose={() => {
            setProposing(false);
            if (partnerParam) setParams({}, { replace: true });
          }}
          myZone={myZone}
          partners={partners.data.items}
          initialPartner={partnerParam}
        />
      )}
    </>
  );
}

type Action = 'accept' | 'decline' | 'cancel' | 'no-show';

function SessionList({ when }: { when: 'upcoming' | 'past' }) {
  const { t } = useT();
  const api = useApi<LanguagematePaths>();
  const toast = useToast();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const { user } = useSession();
  const me = user?.id ?? '';
  const sessions = useQuery({
    queryKey: keys.sessions(when),
    queryFn: () => call(api.GET('/api/v1/languagemate/sessions', { params: { query: { when, limit: 50 } } })),
  });
  const act = useMutation({
    mutationFn: ({ session, action }: { session: PracticeSession; action: Action }) => {
      const params = { path: { sessionId: session.id } };
      if (action === 'accept')
        return call(api.POST('/api/v1/languagemate/sessions/{sessionId}/accept', { params }));
      if (action === 'decline')
        return call(api.POST('/api/v1/languagemate/sessions/{sessionId}/decline', { params }));
      if (action === 'cancel')
        return call(api.POST('/api/v1/languagemate/sessions/{sessionId}/cancel', { params }));
      const other = session.proposerId === me ? session.partnerId : session.proposerId;
      return call(
        api.POST('/api/v1/languagemate/sessions/{sessionId}/no-show', { params, body: { userId: other } }),
      );
    },
    onSuccess: (_, { action }) => {
      void queryClient.invalidateQueries({ queryKey: ['languagemate', 'sessions'] });
      void queryClient.invalidateQueries({ queryKey: keys.dashboard });
      toast(t(`schedule.done.${action}`));
    },
    onError: (error) => toast(errorText(error), 'danger'),
  });
  const ical = useMutation({
    mutationFn: async (session: PracticeSession) => {
      const blob = await call(
        api.GET('/api/v1/languagemate/sessions/{sessionId}/ical', {
          params: { path: { sessionId: session.id } },
          parseAs: 'blob',
        }),
      );
      saveBlob(blob as Blob, `languagemate-${session.startsAt.slice(0, 10)}.ics`);
    },
    onError: (error) => toast(errorText(error), 'danger'),
  });
  if (sessions.isPending) return <LoadingState />;
  if (sessions.isError)
    return <ErrorState message={errorText(sessions.error)} onRetry={() => void sessions.refetch()} />;
  if (sessions.data.items.length === 0)
    return (
      <EmptyState title={when === 'upcoming' ? t('schedule.emptyUpcoming') : t('schedule.emptyPast')}>
        {when === 'upcoming' ? t('schedule.emptyUpcomingBody') : null}
      </EmptyState>
    );
  const now = Date.now();
  const busy = (session: PracticeSession, action: Action) =>
    act.isPending && act.variables.session.id === session.id && act.variables.action === action;
  return (
    <ul className="flex flex-col gap-3">
      {sessions.data.items.map((session) => {
        const start = new Date(session.startsAt).getTime();
        const started = start <= now;
        const canMarkNoShow =
          session.state === 'accepted' &&
          !session.noShowUserId &&
          now >= start + 10 * 60_000 &&
          now <= start + 7 * 24 * 3_600_000;
        const incoming = session.state === 'proposed' && session.partnerId === me && !started;
        const open = (session.state === 'proposed' || session.state === 'accepted') && !started;
        return (
          <li key={session.id}>
            <SessionCard session={session} me={me}>
              {incoming && (
                <>
                  <Button
                    loading={busy(session, 'accept')}
                    onClick={() => act.mutate({ session, action: 'accept' })}
                  >
                    {t('schedule.accept')}
                  </Button>
                  <Button
                    variant="secondary"
                    loading={busy(session, 'decline')}
                    onClick={() => act.mutate({ session, action: 'decline' })}
                  >
                    {t('schedule.decline')}
                  </Button>
                </>
              )}
              {open && session.state === 'accepted' && (
                <Button
                  variant="secondary"
                  loading={ical.isPending && ical.variables.id === session.id}
                  onClick={() => ical.mutate(session)}
                >
                  {t('schedule.addToCalendar')}
                </Button>
              )}
              {open && !incoming && (
                <Button
                  variant="ghost"
                  loading={busy(session, 'cancel')}
                  onClick={() => act.mutate({ session, action: 'cancel' })}
                >
                  {t('schedule.cancel')}
                </Button>
              )}
              {canMarkNoShow && (
                <Button
                  variant="danger"
                  loading={busy(session, 'no-show')}
                  onClick={() => act.mutate({ session, action: 'no-show' })}
                >
                  {t('schedule.markNoShow', { name: session.otherName })}
                </Button>
              )}
            </SessionCard>
          </li>
        );
      })}
    </ul>
  );
}

/** Hands a blob to the browser as a download. */
function saveBlob(blob: Blob, name: string) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  // Give the download a moment to start before the blob is released.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
