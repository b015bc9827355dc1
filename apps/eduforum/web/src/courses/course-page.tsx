import { ApiError } from '@app/client';
import { Badge, buttonClass, EmptyState, ErrorState, LoadingState, Notice, Tabs, useTitle } from '@app/ui';
import { Link, useParams, useSearchParams } from 'react-router';
import { useErrorText } from '../error-text.js';
import { useT } from '../i18n.js';
import { ContentTab } from './content-tab.js';
import { can, useCourse } from './data.js';
import { LiveNowBanner, useLiveBadges } from './live-now.js';
import { MembersTab } from './members-tab.js';
import { QuestionsTab } from './questions-tab.js';
import { useSemesterLabel } from './semester.js';
import { SessionsTab } from './sessions-tab.js';
import { SettingsTab } from './settings-tab.js';

/** `/courses/:courseId`: the schedule, members, content, question bank and settings of one course. */
export function CoursePage() {
  const { courseId = '' } = useParams();
  const { t } = useT();
  const semesterLabel = useSemesterLabel();
  const errorText = useErrorText();
  const course = useCourse(courseId);
  const [params, setParams] = useSearchParams();
  useTitle(course.data?.title ?? t('courses.course.title'));
  useLiveBadges();

  if (course.isPending) return <LoadingState />;
  if (course.isError) {
    // Outsiders get 404 (a course's existence is not revealed): say what may have happened.
    if (
      course.error instanceof ApiError &&
      (course.error.code === 'NOT_FOUND' || course.error.status === 400)
    )
      return (
        <EmptyState
          title={t('courses.course.notFound')}
          action={
            <div className="flex flex-wrap justify-center gap-2">
              <Link to="/join" className={buttonClass('primary')}>
                {t('live.joinCourse')}
              </Link>
              <Link to="/" className={buttonClass('secondary')}>
                {t('courses.course.backToList')}
              </Link>
            </div>
          }
        >
          <p>{t('courses.course.notFoundBody')}</p>
        </EmptyState>
      );
    return <ErrorState message={errorText(course.error)} onRetry={() => course.refetch()} />;
  }
  const data = course.data;
  const tabs = [
    { value: 'sessions', label: t('courses.tabs.sessions'), content: <SessionsTab course={data} /> },
    ...(can(data, 'grade.view')
      ? [{ value: 'members', label: t('courses.tabs.members'), content: <MembersTab course={data} /> }]
      : []),
    { value: 'content', label: t('courses.tabs.content'), content: <ContentTab course={data} /> },
    ...(can(data, 'grade.view')
      ? [{ value: 'questions', label: t('courses.tabs.questions'), content: <QuestionsTab course={data} /> }]
      : []),
    ...(can(data, 'course.edit')
      ? [{ value: 'settings', label: t('courses.tabs.settings'), content: <SettingsTab course={data} /> }]
      : []),
  ];
  const requested = params.get('tab');
  const value = tabs.some((tab) => tab.value === requested) ? (requested as string) : 'sessions';

  return (
    <>
      <nav aria-label={t('courses.course.breadcrumb')} className="mb-2 text-sm">
        <Link to="/" className="text-fg-muted underline-offset-4 hover:underline">
          {t('courses.list.title')}
        </Link>
      </nav>
      <header className="mb-6 flex flex-col gap-2">
        <h1 className="text-2xl font-bold tracking-tight sm:text-3xl">{data.title}</h1>
        <p className="flex flex-wrap items-center gap-2 text-fg-muted">
          <span className="font-mono">{data.code}</span>
          <span aria-hidden="true">·</span>
          <span>{semesterLabel(data.semester)}</span>
          <Badge tone={data.myRole === 'student' ? 'neutral' : 'accent'}>{t(`roles.${data.myRole}`)}</Badge>
        </p>
        {data.description && <p className="max-w-prose whitespace-pre-line">{data.description}</p>}
      </header>
      {data.liveSession && <LiveNowBanner live={data.liveSession} />}
      {data.archived && (
        <div className="mb-4">
          <Notice tone="warning">{t('courses.course.archivedNotice')}</Notice>
        </div>
      )}
      <Tabs
        label={t('courses.tabs.label')}
        tabs={tabs}
        value={value}
        onValueChange={(next) =>
          setParams(
            (current) => {
              const updated = new URLSearchParams(current);
              if (next === 'sessions') updated.delete('tab');
              else updated.set('tab', next);
              return updated;
            },
            { replace: true },
          )
        }
      />
    </>
  );
}
