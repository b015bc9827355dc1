import { call } from '@app/client';
import type { EduforumPaths } from '@app/eduforum-contracts';
import {
  Badge,
  Button,
  buttonClass,
  CheckboxField,
  EmptyState,
  ErrorState,
  LoadingState,
  PageHeader,
  useApi,
  useSession,
  useTitle,
} from '@app/ui';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useErrorText } from '../error-text.js';
import { useT } from '../i18n.js';
import { TeachingCard, TeachingStanding } from '../teaching/teaching-card.js';
import { type Course, keys, useMe } from './data.js';
import { LiveDot, useLiveBadges } from './live-now.js';
import { NewCourseDialog } from './new-course-dialog.js';
import { useSemesterLabel } from './semester.js';

/** The app's home: the caller's courses ("load more"), archived on request, and "New course" for professors. */
export function CoursesPage() {
  const { t } = useT();
  const { user } = useSession();
  const me = useMe();
  const [archived, setArchived] = useState(false);
  const [creating, setCreating] = useState(false);
  useTitle(t('courses.list.title'));
  useLiveBadges();
  const canCreate = me.data?.canCreateCourses === true;

  return (
    <>
      {/* The kit's home pattern (every app greets by name), then this app's list. */}
      <PageHeader
        title={t('courses.list.welcome', { name: user?.name ?? '' })}
        lead={t('courses.list.lead')}
      />
      <div className="mb-2 flex flex-wrap items-center justify-between gap-3">
        <h2 className="text-xl font-semibold">{t('courses.list.title')}</h2>
        <div className="flex flex-wrap gap-2">
          {me.data?.appRole === 'admin' && (
            <Link to="/admin" className={buttonClass('secondary')}>
              {t('nav.admin')}
            </Link>
          )}
          <Link to="/join" className={buttonClass('secondary')}>
            {t('courses.list.join')}
          </Link>
          {canCreate && <Button onClick={() => setCreating(true)}>{t('courses.list.new')}</Button>}
        </div>
      </div>
      {me.data && (
        <>
          <TeachingStanding teaching={me.data.teaching} />
          <TeachingCard teaching={me.data.teaching} />
        </>
      )}
      <div className="mb-4">
        <CheckboxField
          label={t('courses.list.showArchived')}
          checked={archived}
          onChange={(event) => setArchived(event.target.checked)}
        />
      </div>
      <CourseList archived={archived} canCreate={canCreate} onCreate={() => setCreating(true)} />
      {canCreate && <NewCourseDialog open={creating} onClose={() => setCreating(false)} />}
    </>
  );
}

function CourseList({
  archived,
  canCreate,
  onCreate,
}: {
  archived: boolean;
  canCreate: boolean;
  onCreate: () => void;
}) {
  const { t } = useT();
  const { t: kit } = useTranslation();
  const api = useApi<EduforumPaths>();
  const errorText = useErrorText();
  const query = useInfiniteQuery({
    queryKey: [...keys.courses, { archived }],
    queryFn: ({ pageParam }) =>
      call(
        api.GET('/api/v1/eduforum/courses', {
          params: {
            query: {
              limit: 12,
              archived: archived ? 'true' : 'false',
              ...(pageParam ? { cursor: pageParam } : {}),
            },
          },
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  if (query.isPending) return <LoadingState />;
  if (query.isError) return <ErrorState message={errorText(query.error)} onRetry={() => query.refetch()} />;
  const courses = query.data.pages.flatMap((page) => page.items);
  if (courses.length === 0) {
    if (archived) return <EmptyState title={t('courses.list.emptyArchived')} />;
    return (
      <EmptyState
        title={t('courses.list.emptyTitle')}
        action={
          <div className="flex flex-wrap justify-center gap-2">
            <Link to="/join" className={buttonClass('primary')}>
              {t('courses.list.join')}
            </Link>
            {canCreate && (
              <Button variant="secondary" onClick={onCreate}>
                {t('courses.list.new')}
              </Button>
            )}
          </div>
        }
      >
        <p>{canCreate ? t('courses.list.emptyBodyCreate') : t('courses.list.emptyBody')}</p>
      </EmptyState>
    );
  }
  return (
    <div className="flex flex-col gap-4">
      <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3" aria-label={t('courses.list.title')}>
        {courses.map((course) => (
          <li key={course.id}>
            <CourseCard course={course} />
          </li>
        ))}
      </ul>
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
    </div>
  );
}

function CourseCard({ course }: { course: Course }) {
  const { t } = useT();
  const semesterLabel = useSemesterLabel();
  const live = course.liveSession;
  return (
    <div
      className={`flex h-full flex-col gap-2 rounded-xl border bg-surface p-4 shadow-sm transition hover:border-accent ${
        live ? 'border-danger' : 'border-border'
      }`}
    >
      <span className="flex flex-wrap items-center gap-2">
        <Badge tone={course.myRole === 'student' ? 'neutral' : 'accent'}>{t(`roles.${course.myRole}`)}</Badge>
        {course.archived && <Badge>{t('courses.list.archived')}</Badge>}
        {live && <LiveDot />}
      </span>
      <Link to={`/courses/${course.id}`} className="text-lg font-semibold leading-snug hover:underline">
        {course.title}
      </Link>
      <span className="text-sm text-fg-muted">
        <span className="font-mono">{course.code}</span> · {semesterLabel(course.semester)}
      </span>
      {live && (
        <Link
          to={`/sessions/${live.id}`}
          className={buttonClass('primary', 'mt-auto self-start')}
          aria-label={t('courses.live.joinTitle', { title: live.title })}
        >
          {t('courses.live.join')}
        </Link>
      )}
    </div>
  );
}
