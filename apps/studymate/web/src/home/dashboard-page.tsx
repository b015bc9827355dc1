import type { Dashboard } from '@app/studymate-contracts';
import {
  buttonClass,
  EmptyState,
  ErrorState,
  LoadingState,
  PageHeader,
  useAppTitle,
  useSession,
  useTitle,
} from '@app/ui';
import { useEffect } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { useDashboard, useSubjects } from '../shared/data.js';
import { useErrorText } from '../shared/error-text.js';
import { useT } from '../shared/i18n.js';
import { ActivityCharts } from './charts.js';
import { hashRoute } from './hash-route.js';
import { Recommendations } from './recommendations.js';
import { RetentionCard } from './retention.js';
import { TimerCard } from './timer-card.js';
import { TodayCard } from './today.js';
import { useAdoptBrowserZone } from './use-browser-zone.js';

/** The home page: today against the goal, the streak, the timer, what to do next and the figures. */
export function DashboardPage() {
  const { t } = useT();
  const { user } = useSession();
  useTitle(useAppTitle());
  const errorText = useErrorText();
  const dashboard = useDashboard();
  const subjects = useSubjects();
  const fresh =
    dashboard.data !== undefined &&
    subjects.data !== undefined &&
    subjects.data.items.length === 0 &&
    dashboard.data.totals.cards === 0;
  useAdoptBrowserZone(fresh);
  const location = useLocation();
  const navigate = useNavigate();
  useEffect(() => {
    const to = hashRoute(location.hash);
    if (to) navigate(to, { replace: true });
  }, [location.hash, navigate]);
  return (
    <>
      <PageHeader title={t('home.title', { name: user?.name ?? '' })} lead={t('home.lead')} />
      {dashboard.isPending || subjects.isPending ? (
        <LoadingState />
      ) : dashboard.isError ? (
        <ErrorState message={errorText(dashboard.error)} onRetry={() => void dashboard.refetch()} />
      ) : subjects.isError ? (
        <ErrorState message={errorText(subjects.error)} onRetry={() => void subjects.refetch()} />
      ) : fresh ? (
        <EmptyState
          title={t('home.emptyTitle')}
          action={
            <Link to="/subjects?new=1" className={buttonClass('primary')}>
              {t('home.createSubject')}
            </Link>
          }
        >
          {t('home.emptyBody')}
        </EmptyState>
      ) : (
        <DashboardView data={dashboard.data} />
      )}
    </>
  );
}

function DashboardView({ data }: { data: Dashboard }) {
  return (
    <div className="flex flex-col gap-6">
      <div className="grid gap-6 md:grid-cols-2">
        <TodayCard data={data} />
        <TimerCard />
      </div>
      <Recommendations items={data.recommendations} />
      <ActivityCharts data={data} />
      <RetentionCard data={data} />
    </div>
  );
}
