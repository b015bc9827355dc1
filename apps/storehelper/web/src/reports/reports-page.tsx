import { call } from '@app/client';
import type { StorehelperPaths } from '@app/storehelper-contracts';
import { Badge, Card, EmptyState, ErrorState, LoadingState, useApi, useFormat, useTitle } from '@app/ui';
import { useQuery } from '@tanstack/react-query';
import { keys } from '../shared/data.js';
import { useErrorText } from '../shared/error-text.js';
import { useT } from '../shared/i18n.js';
import { useStoreContext } from '../store/store-context.js';

type Report =
  StorehelperPaths['/api/v1/storehelper/stores/{storeId}/reports']['get']['responses'][200]['content']['application/json']['items'][number];

/** The daily (09:00) and weekly (Monday) reports of the store, newest first, as they were emailed. */
export function ReportsPage() {
  const { store } = useStoreContext();
  const { t } = useT();
  const api = useApi<StorehelperPaths>();
  const errorText = useErrorText();
  useTitle(`${t('store.reports')} · ${store.name}`);
  const reports = useQuery({
    queryKey: keys.reports(store.id),
    queryFn: () =>
      call(
        api.GET('/api/v1/storehelper/stores/{storeId}/reports', { params: { path: { storeId: store.id } } }),
      ),
  });
  return (
    <div className="flex flex-col gap-4">
      <div>
        <h2 className="text-xl font-semibold">{t('reports.title')}</h2>
        <p className="text-fg-muted">{t('reports.lead', { zone: store.timeZone })}</p>
      </div>
      {reports.isPending ? (
        <LoadingState />
      ) : reports.isError ? (
        <ErrorState message={errorText(reports.error)} onRetry={() => void reports.refetch()} />
      ) : reports.data.items.length === 0 ? (
        <EmptyState title={t('reports.emptyTitle')}>{t('reports.emptyBody')}</EmptyState>
      ) : (
        <ul className="grid gap-4 md:grid-cols-2">
          {reports.data.items.map((report) => (
            <li key={`${report.kind}-${report.periodStart}`}>
              <ReportCard report={report} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function ReportCard({ report }: { report: Report }) {
  const { t } = useT();
  const format = useFormat();
  const day = (value: string) => format.date(`${value}T12:00:00Z`);
  const { body } = report;
  return (
    <Card className="flex h-full flex-col gap-3">
      <div className="flex flex-wrap items-center gap-2">
        <Badge tone={report.kind === 'weekly' ? 'accent' : 'neutral'}>
          {t(`reports.kind.${report.kind}`)}
        </Badge>
        <h3 className="font-semibold">
          {body.from === body.to
            ? day(body.from)
            : t('reports.period', { from: day(body.from), to: day(body.to) })}
        </h3>
      </div>
      <dl className="grid grid-cols-2 gap-2 text-sm">
        <div>
          <dt className="text-fg-muted">{t('reports.reviews')}</dt>
          <dd className="text-lg font-bold tabular-nums">{format.number(body.reviews)}</dd>
        </div>
        <div>
          <dt className="text-fg-muted">{t('reports.rating')}</dt>
          <dd className="text-lg font-bold tabular-nums">
            {body.averageRating === null ? '–' : body.averageRating.toFixed(2)}
          </dd>
        </div>
        <div>
          <dt className="text-fg-muted">{t('reports.negative')}</dt>
          <dd className={`text-lg font-bold tabular-nums ${body.negative > 0 ? 'text-danger' : ''}`}>
            {format.number(body.negative)}
          </dd>
        </div>
        <div>
          <dt className="text-fg-muted">{t('reports.unanswered')}</dt>
          <dd className="text-lg font-bold tabular-nums">{format.number(body.unanswered)}</dd>
        </div>
      </dl>
      {body.topKeywords.length > 0 && (
        <p className="text-sm">
          <span className="font-semibold">{t('reports.keywords')}: </span>
          {body.topKeywords.join(', ')}
        </p>
      )}
      {body.complaints.length > 0 && (
        <p className="text-sm">
          <span className="font-semibold">{t('reports.complaints')}: </span>
          {body.complaints.map((aspect) => t(`aspects.${aspect}`, { defaultValue: aspect })).join(', ')}
        </p>
      )}
      <p className="mt-auto text-xs text-fg-muted">
        {report.sentAt ? t('reports.sent', { date: format.dateTime(report.sentAt) }) : t('reports.notSent')}
      </p>
    </Card>
  );
}
