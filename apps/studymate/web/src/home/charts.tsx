import type { Dashboard } from '@app/studymate-contracts';
import { Card, Chart, useFormat } from '@app/ui';
import { useT } from '../shared/i18n.js';

/** A `YYYY-MM-DD` day as "5/6" or "5. 6.", in the page's language. */
function useDayLabel() {
  const format = useFormat();
  const dayMonth = new Intl.DateTimeFormat(format.locale, {
    month: 'numeric',
    day: 'numeric',
    timeZone: 'UTC',
  });
  return (day: string) => dayMonth.format(new Date(`${day}T00:00:00Z`));
}

/** The last 30 days (study minutes and reviews) and the next 14 days' due cards. */
export function ActivityCharts({ data }: { data: Dashboard }) {
  const { t } = useT();
  const label = useDayLabel();
  return (
    <div className="grid gap-6 lg:grid-cols-5">
      <Card className="lg:col-span-3">
        <h2 className="mb-3 text-lg font-semibold">{t('home.last30')}</h2>
        <Chart
          kind="bar"
          label={t('home.last30')}
          xKey="day"
          height={240}
          data={data.days.map((day) => ({
            day: label(day.day),
            minutes: Math.round(day.studySeconds / 60),
            reviews: day.reviews,
          }))}
          series={[
            { key: 'minutes', label: t('home.minutesLabel') },
            { key: 'reviews', label: t('home.reviewsLabel'), color: '#0891b2' },
          ]}
        />
      </Card>
      <Card className="lg:col-span-2">
        <h2 className="mb-3 text-lg font-semibold">{t('home.forecast')}</h2>
        <Chart
          kind="bar"
          label={t('home.forecast')}
          xKey="day"
          height={240}
          data={data.forecast.map((day) => ({ day: label(day.day), due: day.due }))}
          series={[{ key: 'due', label: t('home.dueLabel'), color: '#ca8a04' }]}
        />
      </Card>
    </div>
  );
}
