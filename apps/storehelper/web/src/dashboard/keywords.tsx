import type { Dashboard } from '@app/storehelper-contracts';
import { Card, useFormat } from '@app/ui';
import { useT } from '../shared/i18n.js';

type Trend = Dashboard['keywords'][number]['trend'];

const marks: Record<Trend, { symbol: string; tone: string }> = {
  up: { symbol: '▲', tone: 'text-success' },
  down: { symbol: '▼', tone: 'text-danger' },
  new: { symbol: 'NEW', tone: 'text-accent' },
  gone: { symbol: '–', tone: 'text-fg-muted' },
  steady: { symbol: '=', tone: 'text-fg-muted' },
};

/** Most mentioned this week first; those gone since last week after them; 16 at most. */
function ordered(keywords: Dashboard['keywords']): Dashboard['keywords'] {
  return [...keywords]
    .sort((a, b) => b.count - a.count || b.previous - a.previous || a.keyword.localeCompare(b.keyword))
    .slice(0, 16);
}

/** What customers wrote about this week against the week before: up, down, new, gone. */
export function Keywords({ keywords }: { keywords: Dashboard['keywords'] }) {
  const { t } = useT();
  const format = useFormat();
  return (
    <Card>
      <h2 className="text-lg font-semibold">{t('dashboard.keywords')}</h2>
      <p className="mb-3 text-sm text-fg-muted">{t('dashboard.keywordsLead')}</p>
      {keywords.length === 0 ? (
        <p className="text-fg-muted">{t('dashboard.noKeywords')}</p>
      ) : (
        <ul className="grid grid-cols-1 gap-x-6 gap-y-1 sm:grid-cols-2">
          {ordered(keywords).map((row) => {
            const mark = marks[row.trend];
            return (
              <li key={row.keyword} className="flex min-h-9 items-center gap-2 border-b border-border py-1">
                <span className="min-w-0 flex-1 truncate font-semibold">{row.keyword}</span>
                <span className="tabular-nums">{format.number(row.count)}</span>
                <span className={`w-12 text-right text-sm font-bold ${mark.tone}`}>
                  <span aria-hidden="true">{mark.symbol}</span>
                  <span className="sr-only">
                    {t(`dashboard.trend.${row.trend}`, { previous: row.previous })}
                  </span>
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </Card>
  );
}
