import { call } from '@app/client';
import type { Dashboard, Store, StorehelperPaths } from '@app/storehelper-contracts';
import { ErrorState, LoadingState, useApi, useFormat, useTitle } from '@app/ui';
import { useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { FilterBar } from '../inbox/filter-bar.js';
import { readFilters } from '../inbox/filters.js';
import { keys } from '../shared/data.js';
import { useErrorText } from '../shared/error-text.js';
import { useT } from '../shared/i18n.js';
import { useStoreContext } from '../store/store-context.js';
import { Advanced } from './advanced.js';
import { ExportButtons } from './export-buttons.js';
import { Keywords } from './keywords.js';
import { Recommendations } from './recommendations.js';
import { ResponseAndPlatforms } from './response.js';
import { Stat } from './stat.js';
import { Trends } from './trends.js';

/**
 * A store's dashboard for the filtered reviews (the inbox's filters, in the address; the last 12
 * weeks unless dates are set): totals, weekly trends, keywords, response, platforms, Premium's
 * analysis, what to do next, and the CSV and PDF exports.
 */
export function DashboardPage() {
  const { store, isOwner } = useStoreContext();
  const { t } = useT();
  const api = useApi<StorehelperPaths>();
  const errorText = useErrorText();
  const [params] = useSearchParams();
  const { q: _search, status: _status, ...filters } = readFilters(params);
  useTitle(`${t('store.dashboard')} · ${store.name}`);
  const dashboard = useQuery({
    queryKey: [...keys.dashboard(store.id), filters],
    queryFn: () =>
      call(
        api.GET('/api/v1/storehelper/stores/{storeId}/dashboard', {
          params: { path: { storeId: store.id }, query: filters },
        }),
      ),
  });
  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 className="text-xl font-semibold">{t('store.dashboard')}</h2>
        <ExportButtons storeId={store.id} filters={filters} />
      </div>
      <FilterBar search={false} />
      {dashboard.isPending ? (
        <LoadingState />
      ) : dashboard.isError ? (
        <ErrorState message={errorText(dashboard.error)} onRetry={() => void dashboard.refetch()} />
      ) : (
        <DashboardView data={dashboard.data} store={store} isOwner={isOwner} />
      )}
    </div>
  );
}

function DashboardView({ data, store, isOwner }: { data: Dashboard; store: Store; isOwner: boolean }) {
  const { t } = useT();
  const format = useFormat();
  const { totals } = data;
  const base = `/stores/${store.id}`;
  return (
    <>
      <p className="text-sm text-fg-muted">
        {t('dashboard.range', {
          from: format.date(`${data.range.from}T12:00:00Z`),
          to: format.date(`${data.range.to}T12:00:00Z`),
        })}
      </p>
      <dl className="grid grid-cols-2 gap-3 md:grid-cols-3 lg:grid-cols-6">
        <Stat label={t('dashboard.totals.reviews')} value={format.number(totals.reviews)} />
        <Stat
          label={t('dashboard.totals.rating')}
          value={totals.averageRating === null ? '–' : totals.averageRating.toFixed(2)}
        />
        <Stat
          label={t('dashboard.totals.sentiment')}
          value={totals.averageSentiment === null ? '–' : totals.averageSentiment.toFixed(2)}
        />
        <Stat
          label={t('dashboard.totals.negative')}
          value={format.number(totals.negative)}
          tone={totals.negative > 0 ? 'danger' : undefined}
        />
        <Stat
          label={t('dashboard.totals.unanswered')}
          value={format.number(totals.unanswered)}
          note={
            totals.unanswered > 0 ? (
              <Link
                to={`${base}?status=unanswered`}
                className="font-semibold text-accent underline underline-offset-4"
              >
                {t('dashboard.toInbox')}
              </Link>
            ) : undefined
          }
        />
        <Stat
          label={t('dashboard.totals.urgent')}
          value={format.number(totals.urgentOpen)}
          tone={totals.urgentOpen > 0 ? 'danger' : undefined}
          note={
            totals.urgentOpen > 0 ? (
              <Link
                to={`${base}?status=urgent`}
                className="font-semibold text-accent underline underline-offset-4"
              >
                {t('dashboard.toInbox')}
              </Link>
            ) : undefined
          }
        />
      </dl>
      <Recommendations recommendations={data.recommendations} storeId={store.id} isOwner={isOwner} />
      <Trends data={data} />
      <Keywords keywords={data.keywords} />
      <ResponseAndPlatforms data={data} />
      <Advanced data={data} store={store} isOwner={isOwner} />
    </>
  );
}
