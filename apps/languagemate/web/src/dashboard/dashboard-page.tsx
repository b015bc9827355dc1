import { call } from '@app/client';
import type { Dashboard, LanguagematePaths } from '@app/languagemate-contracts';
import {
  Card,
  Chart,
  EmptyState,
  ErrorState,
  LoadingState,
  PageHeader,
  useApi,
  useFormat,
  useSession,
  useTitle,
} from '@app/ui';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { SessionCard } from '../schedule/session-card.js';
import { keys } from '../shared/data.js';
import { useErrorText } from '../shared/error-text.js';
import { useT } from '../shared/i18n.js';
import { useLabels } from '../shared/labels.js';

/** The learner's progress: minutes per language and per week against the goal, counts, streak, what is next. */
export function DashboardPage() {
  const { t } = useT();
  useTitle(t('dashboard.title'));
  const api = useApi<LanguagematePaths>();
  const errorText = useErrorText();
  const dashboard = useQuery({
    queryKey: keys.dashboard,
    queryFn: () => call(api.GET('/api/v1/languagemate/dashboard')),
  });
  return (
    <>
      <PageHeader title={t('dashboard.title')} lead={t('dashboard.lead')} />
      {dashboard.isPending ? (
        <LoadingState />
      ) : dashboard.isError ? (
        <ErrorState message={errorText(dashboard.error)} onRetry={() => void dashboard.refetch()} />
      ) : (
        <DashboardView data={dashboard.data} />
      )}
    </>
  );
}

function DashboardView({ data }: { data: Dashboard }) {
  const { t } = useT();
  const format = useFormat();
  const labels = useLabels();
  const { user } = useSession();
  const goal = data.weeklyGoalMinutes;
  const percent = goal > 0 ? Math.min(100, Math.round((data.thisWeekMinutes / goal) * 100)) : 0;
  const toReview = data.corrections.received - data.corrections.reviewed;
  const spoken = data.minutesByLanguage.filter((row) => row.minutes > 0);
  const dayMonth = new Intl.DateTimeFormat(format.locale, {
    month: 'numeric',
    day: 'numeric',
    timeZone: 'UTC',
  });
  return (
    <div className="flex flex-col gap-6">
      <Card>
        <h2 className="text-lg font-semibold">{t('dashboard.thisWeek')}</h2>
        <p className="mt-1 text-3xl font-bold tabular-nums">
          {t('dashboard.minutes', { count: Math.round(data.thisWeekMinutes) })}
          {goal > 0 && (
            <span className="text-base font-normal text-fg-muted">
              {' '}
              / {t('dashboard.minutes', { count: goal })}
            </span>
          )}
        </p>
        {goal > 0 ? (
          <>
            <div
              role="progressbar"
              aria-label={t('dashboard.goalProgress')}
              aria-valuemin={0}
              aria-valuemax={100}
              aria-valuenow={percent}
              className="mt-3 h-3 overflow-hidden rounded-full bg-surface-muted"
            >
              <div className="h-full rounded-full bg-accent" style={{ width: `${percent}%` }} />
            </div>
            <p className="mt-2 text-sm text-fg-muted">
              {percent >= 100
                ? t('dashboard.goalReached')
                : t('dashboard.goalLeft', { count: Math.max(0, Math.round(goal - data.thisWeekMinutes)) })}
            </p>
          </>
        ) : (
          <p className="mt-2 text-sm text-fg-muted">
            <Link to="/profile" className="font-semibold text-accent underline underline-offset-4">
              {t('dashboard.setGoal')}
            </Link>
          </p>
        )}
      </Card>
      <dl className="grid grid-cols-2 gap-3 md:grid-cols-4">
        <Stat label={t('dashboard.streak')} value={t('dashboard.days', { count: data.streakDays })} />
        <Stat
          label={t('dashboard.sessions')}
          value={format.number(data.sessions.attended)}
          note={t('dashboard.upcomingCount', { count: data.sessions.upcoming })}
        />
        <Stat label={t('dashboard.calls')} value={format.number(data.calls)} />
        <Stat label={t('dashboard.messages')} value={format.number(data.messagesSent)} />
        <Stat
          label={t('dashboard.correctionsReceived')}
          value={format.number(data.corrections.received)}
          note={
            <Link to="/corrections" className="font-semibold text-accent underline underline-offset-4">
              {toReview > 0 ? t('dashboard.toReview', { count: toReview }) : t('dashboard.reviewList')}
            </Link>
          }
        />
        <Stat label={t('dashboard.correctionsReviewed')} value={format.number(data.corrections.reviewed)} />
        <Stat label={t('dashboard.correctionsGiven')} value={format.number(data.corrections.given)} />
      </dl>
      <div className="grid gap-6 lg:grid-cols-2">
        <Card>
          <h2 className="mb-3 text-lg font-semibold">{t('dashboard.byLanguage')}</h2>
          {spoken.length === 0 ? (
            <EmptyState title={t('dashboard.noMinutesTitle')}>{t('dashboard.noMinutesBody')}</EmptyState>
          ) : (
            <Chart
              kind="bar"
              label={t('dashboard.byLanguage')}
              xKey="language"
              height={220}
              data={spoken.map((row) => ({
                language: labels.language(row.language),
                minutes: Math.round(row.minutes),
              }))}
              series={[{ key: 'minutes', label: t('dashboard.minutesLabel') }]}
            />
          )}
        </Card>
        <Card>
          <h2 className="mb-3 text-lg font-semibold">{t('dashboard.weekly')}</h2>
          <Chart
            kind="line"
            label={t('dashboard.weekly')}
            xKey="week"
            height={220}
            data={data.weeks.map((week) => ({
              week: dayMonth.format(new Date(`${week.weekStart}T00:00:00Z`)),
              minutes: Math.round(week.minutes),
              goal,
            }))}
            series={[
              { key: 'minutes', label: t('dashboard.minutesLabel') },
              { key: 'goal', label: t('dashboard.goalLabel'), color: '#ca8a04' },
            ]}
          />
        </Card>
      </div>
      <section aria-labelledby="upcoming-heading" className="flex flex-col gap-3">
        <div className="flex items-center justify-between gap-2">
          <h2 id="upcoming-heading" className="text-lg font-semibold">
            {t('dashboard.upcoming')}
          </h2>
          <Link to="/schedule" className="text-sm font-semibold text-accent underline underline-offset-4">
            {t('dashboard.toSchedule')}
          </Link>
        </div>
        {data.upcoming.length === 0 ? (
          <p className="rounded-xl border border-dashed border-border p-4 text-fg-muted">
            {t('dashboard.noUpcoming')}
          </p>
        ) : (
          <ul className="flex flex-col gap-3">
            {data.upcoming.map((session) => (
              <li key={session.id}>
                <SessionCard session={session} me={user?.id ?? ''} />
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

function Stat({ label, value, note }: { label: string; value: string; note?: ReactNode }) {
  return (
    <div className="flex flex-col gap-1 rounded-xl border border-border bg-surface p-4">
      <dt className="text-sm text-fg-muted">{label}</dt>
      <dd className="text-2xl font-bold tabular-nums">{value}</dd>
      {note && <dd className="text-sm">{note}</dd>}
    </div>
  );
}
