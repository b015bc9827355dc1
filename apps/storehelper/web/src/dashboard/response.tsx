import type { Dashboard } from '@app/storehelper-contracts';
import { Card, useFormat } from '@app/ui';
import { useT } from '../shared/i18n.js';
import { Stat } from './stat.js';

/** Response rate and median time to a reply, and the reviews by platform. */
export function ResponseAndPlatforms({ data }: { data: Dashboard }) {
  const { t } = useT();
  const format = useFormat();
  const { rate, medianHours } = data.response;
  const total = data.platforms.reduce((sum, row) => sum + row.reviews, 0);
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <Card>
        <h2 className="mb-3 text-lg font-semibold">{t('dashboard.response')}</h2>
        <dl className="grid grid-cols-2 gap-3">
          <Stat
            label={t('dashboard.responseRate')}
            value={rate === null ? '–' : `${Math.round(rate * 100)}%`}
          />
          <Stat
            label={t('dashboard.responseTime')}
            value={medianHours === null ? '–' : duration(medianHours, t)}
          />
        </dl>
        {rate !== null && rate < 0.5 && <p className="mt-3 text-sm">{t('dashboard.responseLow')}</p>}
      </Card>
      <Card>
        <h2 className="mb-3 text-lg font-semibold">{t('dashboard.platforms')}</h2>
        {data.platforms.length === 0 ? (
          <p className="text-fg-muted">{t('dashboard.noReviewsBody')}</p>
        ) : (
          <ul className="flex flex-col gap-3">
            {data.platforms.map((row) => (
              <li key={row.platform} className="flex flex-col gap-1">
                <div className="flex items-baseline justify-between gap-2 text-sm">
                  <span className="font-semibold">{t(`platforms.${row.platform}`)}</span>
                  <span className="tabular-nums text-fg-muted">
                    {t('dashboard.platformLine', {
                      count: row.reviews,
                      reviews: format.number(row.reviews),
                      rating: row.averageRating === null ? '–' : row.averageRating.toFixed(1),
                    })}
                  </span>
                </div>
                <div aria-hidden="true" className="h-2 overflow-hidden rounded-full bg-surface-muted">
                  <div
                    className="h-full rounded-full bg-accent"
                    style={{ width: `${total ? Math.round((row.reviews / total) * 100) : 0}%` }}
                  />
                </div>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}

function duration(hours: number, t: (key: string, options?: Record<string, unknown>) => string): string {
  if (hours < 1) return t('dashboard.minutes', { count: Math.max(1, Math.round(hours * 60)) });
  if (hours < 48) return t('dashboard.hours', { count: Math.round(hours) });
  return t('dashboard.days', { count: Math.round(hours / 24) });
}
