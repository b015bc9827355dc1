import { call } from '@app/client';
import type { EduforumPaths, Session, SessionStatus } from '@app/eduforum-contracts';
import {
  Badge,
  Button,
  buttonClass,
  EmptyState,
  ErrorState,
  LoadingState,
  useApi,
  useFormat,
  useToast,
} from '@app/ui';
import { useInfiniteQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useErrorText } from '../error-text.js';
import { useT } from '../i18n.js';
import { ConfirmDialog } from './bits.js';
import { CalendarButton } from './calendar-button.js';
import { type Course, can, keys } from './data.js';
import { SessionDialog } from './session-dialog.js';

/** Starting more than this before the planned time asks for a confirmation. */
const EARLY_START_MS = 30 * 60_000;

const tones: Record<SessionStatus, 'neutral' | 'accent' | 'success' | 'danger'> = {
  scheduled: 'neutral',
  live: 'success',
  ended: 'neutral',
  cancelled: 'danger',
};

/** The schedule: everyone sees it and joins live sessions; professors and admins run it. */
export function SessionsTab({ course }: { course: Course }) {
  const { t } = useT();
  const { t: kit } = useTranslation();
  const api = useApi<EduforumPaths>();
  const errorText = useErrorText();
  const [editing, setEditing] = useState<{ session?: Session } | null>(null);
  const courseId = course.id;
  const query = useInfiniteQuery({
    queryKey: keys.sessions(courseId),
    queryFn: ({ pageParam }) =>
      call(
        api.GET('/api/v1/eduforum/courses/{courseId}/sessions', {
          params: { path: { courseId }, query: { limit: 20, ...(pageParam ? { cursor: pageParam } : {}) } },
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const sessions = query.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <section aria-labelledby="sessions-heading" className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="sessions-heading" className="text-xl font-semibold">
          {t('courses.sessions.title')}
        </h2>
        <div className="flex flex-wrap gap-2">
          <CalendarButton />
          {can(course, 'course.edit') && !course.archived && (
            <Button onClick={() => setEditing({})}>{t('courses.sessions.new')}</Button>
          )}
        </div>
      </div>
      {query.isPending ? (
        <LoadingState />
      ) : query.isError ? (
        <ErrorState message={errorText(query.error)} onRetry={() => query.refetch()} />
      ) : sessions.length === 0 ? (
        <EmptyState title={t('courses.sessions.emptyTitle')}>
          <p>
            {can(course, 'course.edit')
              ? t('courses.sessions.emptyBodyStaff')
              : t('courses.sessions.emptyBody')}
          </p>
        </EmptyState>
      ) : (
        <ul className="flex flex-col gap-3" aria-label={t('courses.sessions.title')}>
          {sessions.map((session) => (
            <li key={session.id}>
              <SessionRow
                session={session}
                manage={can(course, 'course.edit')}
                courseId={courseId}
                onEdit={() => setEditing({ session })}
              />
            </li>
          ))}
        </ul>
      )}
      {query.hasNextPage && (
        <Button
          variant="secondary"
          className="self-center"
          loading={query.isFetchingNextPage}
          onClick={() => query.fetchNextPage()}
        >
          {kit('common.loadMore')}
        </Button>
      )}
      {can(course, 'course.edit') && (
        <SessionDialog
          courseId={courseId}
          session={editing?.session}
          open={editing !== null}
          onClose={() => setEditing(null)}
        />
      )}
    </section>
  );
}

function SessionRow({
  session,
  manage,
  courseId,
  onEdit,
}: {
  session: Session;
  manage: boolean;
  courseId: string;
  onEdit: () => void;
}) {
  const { t } = useT();
  const api = useApi<EduforumPaths>();
  const format = useFormat();
  const toast = useToast();
  const navigate = useNavigate();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const [confirmingEarly, setConfirmingEarly] = useState(false);
  const [starting, setStarting] = useState(false);
  // Starting long before the planned time is more often a wrong click than a plan: ask first.
  const early = new Date(session.scheduledAt).getTime() - Date.now() > EARLY_START_MS;
  const path = { params: { path: { sessionId: session.id } } };
  const start = async () => {
    setStarting(true);
    try {
      await call(api.POST('/api/v1/eduforum/sessions/{sessionId}/start', path));
      await queryClient.invalidateQueries({ queryKey: keys.sessions(courseId) });
      navigate(`/sessions/${session.id}`);
    } catch (error) {
      toast(errorText(error), 'danger');
      setStarting(false);
    }
  };
  const cancel = async () => {
    try {
      await call(api.POST('/api/v1/eduforum/sessions/{sessionId}/cancel', path));
      toast(t('courses.sessions.cancelled'));
      await queryClient.invalidateQueries({ queryKey: keys.sessions(courseId) });
    } catch (error) {
      toast(errorText(error), 'danger');
      throw error;
    }
  };
  const end = new Date(new Date(session.scheduledAt).getTime() + session.durationMin * 60_000);
  // What happened, once it has: the real start and end, not the plan.
  const heldMinutes =
    session.startedAt && session.endedAt
      ? Math.max(1, Math.round((Date.parse(session.endedAt) - Date.parse(session.startedAt)) / 60_000))
      : null;
  return (
    <article className="flex flex-col gap-3 rounded-xl border border-border bg-surface p-4 sm:flex-row sm:items-center sm:justify-between">
      <div className="flex flex-col gap-1">
        <div className="flex flex-wrap items-center gap-2">
          <Badge tone={tones[session.status]}>{t(`sessionStatus.${session.status}`)}</Badge>
          <h3 className="font-semibold">{session.title}</h3>
        </div>
        {session.startedAt && session.endedAt && heldMinutes !== null ? (
          <p className="text-sm text-fg-muted" data-testid="session-held">
            {t('courses.sessions.held', {
              start: format.dateTime(session.startedAt),
              end: format.time(session.endedAt),
            })}
            {' · '}
            {t('courses.sessions.minutes', { count: heldMinutes, n: format.number(heldMinutes) })}
          </p>
        ) : session.startedAt && session.status === 'live' ? (
          <p className="text-sm text-fg-muted">
            {t('courses.sessions.startedAt', { time: format.dateTime(session.startedAt) })}
          </p>
        ) : (
          <p className="text-sm text-fg-muted">
            <time dateTime={session.scheduledAt}>{format.dateTime(session.scheduledAt)}</time>
            {' · '}
            {t('courses.sessions.minutes', {
              count: session.durationMin,
              n: format.number(session.durationMin),
            })}
            <span className="sr-only"> ({t('courses.sessions.until', { time: format.dateTime(end) })})</span>
          </p>
        )}
      </div>
      <div className="flex flex-wrap gap-2">
        {session.status === 'live' && (
          <Link
            to={`/sessions/${session.id}`}
            className={buttonClass('primary')}
            aria-label={`${t('courses.sessions.joinLive')}: ${session.title}`}
          >
            {t('courses.sessions.joinLive')}
          </Link>
        )}
        {session.status === 'ended' && (
          <Link
            to={`/sessions/${session.id}`}
            className={buttonClass('secondary')}
            aria-label={`${t('courses.sessions.recap')}: ${session.title}`}
          >
            {t('courses.sessions.recap')}
          </Link>
        )}
        {manage && session.status === 'scheduled' && (
          <>
            <Button
              onClick={() => (early ? setConfirmingEarly(true) : void start())}
              loading={starting}
              aria-label={`${t('courses.sessions.start')}: ${session.title}`}
            >
              {t('courses.sessions.start')}
            </Button>
            <Button
              variant="secondary"
              onClick={onEdit}
              aria-label={`${t('courses.sessions.edit')}: ${session.title}`}
            >
              {t('courses.sessions.edit')}
            </Button>
            <Button
              variant="danger"
              onClick={() => setConfirming(true)}
              aria-label={`${t('courses.sessions.cancel')}: ${session.title}`}
            >
              {t('courses.sessions.cancel')}
            </Button>
          </>
        )}
      </div>
      {manage && (
        <ConfirmDialog
          open={confirming}
          onClose={() => setConfirming(false)}
          title={t('courses.sessions.cancelTitle')}
          body={t('courses.sessions.cancelBody', { title: session.title })}
          confirmLabel={t('courses.sessions.cancelConfirm')}
          onConfirm={cancel}
        />
      )}
      {manage && (
        <ConfirmDialog
          open={confirmingEarly}
          onClose={() => setConfirmingEarly(false)}
          title={t('courses.sessions.earlyTitle')}
          body={t('courses.sessions.earlyBody', { time: format.dateTime(session.scheduledAt) })}
          confirmLabel={t('courses.sessions.earlyConfirm')}
          onConfirm={start}
        />
      )}
    </article>
  );
}
