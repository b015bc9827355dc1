import { call } from '@app/client';
import type { LanguagematePaths, Report } from '@app/languagemate-contracts';
import {
  Badge,
  Button,
  EmptyState,
  ErrorState,
  LoadingState,
  PageHeader,
  Tabs,
  useApi,
  useFormat,
  useTitle,
} from '@app/ui';
import { useInfiniteQuery } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { keys, useOverview } from '../shared/data.js';
import { useErrorText } from '../shared/error-text.js';
import { useT } from '../shared/i18n.js';
import { ResolveDialog } from './resolve-dialog.js';

/** The report review queue (open, oldest first) and what was decided (resolved); admins only. */
export function ReportsPage() {
  const { t } = useT();
  useTitle(t('admin.title'));
  const overview = useOverview();
  const errorText = useErrorText();
  if (overview.isPending) return <LoadingState />;
  if (overview.isError)
    return <ErrorState message={errorText(overview.error)} onRetry={() => void overview.refetch()} />;
  if (!overview.data.abilities.includes('reports.review'))
    return <EmptyState title={t('admin.noAccessTitle')}>{t('admin.noAccessBody')}</EmptyState>;
  return (
    <>
      <PageHeader title={t('admin.title')} lead={t('admin.lead')} />
      <Tabs
        label={t('admin.title')}
        tabs={[
          { value: 'open', label: t('admin.open'), content: <ReportList state="open" /> },
          { value: 'resolved', label: t('admin.resolved'), content: <ReportList state="resolved" /> },
        ]}
      />
    </>
  );
}

function ReportList({ state }: { state: 'open' | 'resolved' }) {
  const { t } = useT();
  const api = useApi<LanguagematePaths>();
  const errorText = useErrorText();
  const [resolving, setResolving] = useState<{ report: Report; action: 'dismiss' | 'warn' | 'suspend' }>();
  const list = useInfiniteQuery({
    queryKey: keys.reports(state),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      call(
        api.GET('/api/v1/languagemate/admin/reports', {
          params: { query: { state, limit: 20, ...(pageParam ? { cursor: pageParam } : {}) } },
        }),
      ),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  if (list.isPending) return <LoadingState />;
  if (list.isError) return <ErrorState message={errorText(list.error)} onRetry={() => void list.refetch()} />;
  const items = list.data.pages.flatMap((page) => page.items);
  if (items.length === 0)
    return <EmptyState title={state === 'open' ? t('admin.emptyOpen') : t('admin.emptyResolved')} />;
  return (
    <div className="flex flex-col gap-3">
      <ul className="flex flex-col gap-3">
        {items.map((report) => (
          <li key={report.id}>
            <ReportCard report={report}>
              {state === 'open' && (
                <>
                  <Button variant="secondary" onClick={() => setResolving({ report, action: 'dismiss' })}>
                    {t('admin.actions.dismiss')}
                  </Button>
                  <Button variant="secondary" onClick={() => setResolving({ report, action: 'warn' })}>
                    {t('admin.actions.warn')}
                  </Button>
                  <Button variant="danger" onClick={() => setResolving({ report, action: 'suspend' })}>
                    {t('admin.actions.suspend')}
                  </Button>
                </>
              )}
            </ReportCard>
          </li>
        ))}
      </ul>
      {list.hasNextPage && (
        <Button
          variant="secondary"
          loading={list.isFetchingNextPage}
          onClick={() => void list.fetchNextPage()}
        >
          {t('admin.more')}
        </Button>
      )}
      {resolving && (
        <ResolveDialog
          report={resolving.report}
          action={resolving.action}
          onClose={() => setResolving(undefined)}
        />
      )}
    </div>
  );
}

function ReportCard({ report, children }: { report: Report; children: ReactNode }) {
  const { t } = useT();
  const format = useFormat();
  return (
    <article className="flex flex-col gap-3 rounded-xl border border-border bg-surface p-4">
      <div className="flex flex-wrap items-center gap-2">
        <h3 className="font-semibold">{report.reported.name}</h3>
        <Badge tone="danger">{t(`admin.reasons.${report.reason}`)}</Badge>
        {report.priorReports > 0 && <Badge>{t('admin.prior', { count: report.priorReports })}</Badge>}
        {report.state !== 'open' && <Badge tone="success">{t(`admin.states.${report.state}`)}</Badge>}
      </div>
      <p className="text-sm text-fg-muted">
        {t('admin.reportedBy', { name: report.reporter.name })} ·{' '}
        <time dateTime={report.createdAt}>{format.dateTime(report.createdAt)}</time>
      </p>
      {report.excerpt ? (
        <figure className="flex flex-col gap-1">
          <figcaption className="text-sm font-semibold">{t('admin.evidence')}</figcaption>
          <blockquote className="rounded-lg border-l-4 border-danger bg-surface-muted p-3 text-sm whitespace-pre-wrap">
            {report.excerpt}
          </blockquote>
        </figure>
      ) : (
        <p className="text-sm text-fg-muted">{t('admin.noExcerpt')}</p>
      )}
      {report.details && (
        <p className="text-sm">
          <span className="font-semibold">{t('admin.details')}:</span> {report.details}
        </p>
      )}
      {report.resolvedAt && (
        <p className="text-sm text-fg-muted">
          {t('admin.resolvedAt', { date: format.dateTime(report.resolvedAt) })}
          {report.resolutionNote && ` · ${report.resolutionNote}`}
        </p>
      )}
      <div className="flex flex-wrap gap-2">{children}</div>
    </article>
  );
}
