import type { Dashboard } from '@app/storehelper-contracts';
import { Card, Chart, EmptyState, useFormat } from '@app/ui';
import { useT } from '../shared/i18n.js';

/** Weekly reviews (and how many were negative), average rating and average sentiment. */
export function Trends({ data }: { data: Dashboard }) {
  const { t } = useT();
  const format = useFormat();
  const day = new Intl.DateTimeFormat(format.locale, { month: 'numeric', day: 'numeric', timeZone: 'UTC' });
  const label = (week: string) => day.format(new Date(`${week}T00:00:00Z`));
  const weeks = data.weeks.map((week) => ({
    week: label(week.week),
    reviews: week.reviews,
    negative: week.negative,
  }));
  // Weeks without a rated (or analysed) review are left out of the lines rather than drawn as 0.
  const ratings = data.weeks.flatMap((week) =>
    week.averageRating === null ? [] : [{ week: label(week.week), rating: round(week.averageRating, 2) }],
  );
  const sentiments = data.weeks.flatMap((week) =>
    week.averageSentiment === null
      ? []
      : [{ week: label(week.week), sentiment: round(week.averageSentiment, 2) }],
  );
  if (weeks.length === 0)
    return (
      <Card>
        <h2 className="mb-3 text-lg font-semibold">{t('dashboard.trends')}</h2>
        <EmptyState title={t('dashboard.noReviewsTitle')}>{t('dashboard.noReviewsBody')}</EmptyState>
      </Card>
    );
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <Card className="lg:col-span-2">
        <h2 className="mb-3 text-lg font-semibold">{t('dashboard.weeklyReviews')}</h2>
        <Chart
          kind="bar"
          label={t('dashboard.weeklyReviews')}
          xKey="week"
          height={220}
          data={weeks}
          series={[
            { key: 'reviews', label: t('dashboard.series.reviews') },
            { key: 'negative', label: t('dashboard.series.negative'), color: '#dc2626' },
          ]}
        />
      </Card>
      <Card>
        <h2 className="mb-3 text-lg font-semibold">{t('dashboard.weeklyRating')}</h2>
        {ratings.length > 0 ? (
          <Chart
            kind="line"
            label={t('dashboard.weeklyRating')}
            xKey="week"
            height={200}
            data={ratings}
            yDomain={[1, 5]}
            series={[{ key: 'rating', label: t('dashboard.series.rating'), color: '#b45309' }]}
          />
        ) : (
          <p className="text-fg-muted">{t('dashboard.noRatings')}</p>
        )}
      </Card>
      <Card>
        <h2 className="mb-3 text-lg font-semibold">{t('dashboard.weeklySentiment')}</h2>
        <Chart
          kind="line"
          label={t('dashboard.weeklySentiment')}
          xKey="week"
          height={200}
          data={sentiments}
          yDomain={[-1, 1]}
          series={[{ key: 'sentiment', label: t('dashboard.series.sentiment'), color: '#0891b2' }]}
        />
        <p className="mt-2 text-sm text-fg-muted">{t('dashboard.sentimentScale')}</p>
      </Card>
    </div>
  );
}

function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
