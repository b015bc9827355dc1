import { call } from '@app/client';
import type { StorehelperPaths } from '@app/storehelper-contracts';
import { Button, buttonClass, EmptyState, ErrorState, LoadingState, useApi, useTitle } from '@app/ui';
import { useInfiniteQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { keys } from '../shared/data.js';
import { useErrorText } from '../shared/error-text.js';
import { useT } from '../shared/i18n.js';
import { useStoreContext } from '../store/store-context.js';
import { AlertsBar } from './alerts-bar.js';
import { FilterBar } from './filter-bar.js';
import { countFilters, readFilters } from './filters.js';
import { ReplySheet } from './reply-sheet.js';
import { ReviewCard } from './review-card.js';
import { StatusTabs } from './status-tabs.js';

/** Reviews per page of the inbox. */
const PAGE = 20;
/** How often the inbox looks again while reviews wait for their analysis. */
const ANALYSIS_POLL_MS = 2000;

const items = <T,>(data: { pages: { items: T[] }[] } | undefined): T[] =>
  data?.pages.flatMap((page) => page.items) ?? [];

/**
 * A store's home: the review inbox. Open alerts on top, the reply-status views and the filters
 * (all in the address), the reviews newest first with "more", and the reply sheet of the review
 * named by `?review=`.
 */
export function InboxPage() {
  const { store, isOwner } = useStoreContext();
  const { t } = useT();
  const { t: kit } = useTranslation();
  const api = useApi<StorehelperPaths>();
  const errorText = useErrorText();
  const [params, setParams] = useSearchParams();
  const filters = readFilters(params);
  const openId = params.get('review');
  useTitle(`${t('store.inbox')} · ${store.name}`);
  const reviews = useInfiniteQuery({
    queryKey: [...keys.reviews(store.id), filters],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      call(
        api.GET('/api/v1/storehelper/stores/{storeId}/reviews', {
          params: {
            path: { storeId: store.id },
            query: { ...filters, limit: PAGE, ...(pageParam ? { cursor: pageParam } : {}) },
          },
        }),
      ),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    // Just imported or collected: the analysis (sentiment, urgency) follows within seconds.
    refetchInterval: (query) =>
      query.state.data?.pages.some((page) => page.items.some((review) => review.sentimentLabel === null))
        ? ANALYSIS_POLL_MS
        : false,
  });
  const queryClient = useQueryClient();
  const analysing = items(reviews.data).some((review) => review.sentimentLabel === null);
  const wasAnalysing = useRef(analysing);
  useEffect(() => {
    // The analysis raises the alerts: ask for them again when it is done.
    if (wasAnalysing.current && !analysing)
      void queryClient.invalidateQueries({ queryKey: keys.alerts(store.id) });
    wasAnalysing.current = analysing;
  }, [analysing, queryClient, store.id]);
  const open = (reviewId: string) => {
    const next = new URLSearchParams(params);
    next.set('review', reviewId);
    setParams(next);
  };
  const close = () => {
    const next = new URLSearchParams(params);
    next.delete('review');
    setParams(next, { replace: true });
  };
  const list = items(reviews.data);
  const filtered = countFilters(filters) > 0 || filters.status !== undefined;
  return (
    <div className="flex flex-col gap-4">
      <h2 className="sr-only">{t('store.inbox')}</h2>
      <AlertsBar storeId={store.id} onOpenReview={open} />
      <StatusTabs />
      <FilterBar />
      {reviews.isPending ? (
        <LoadingState />
      ) : reviews.isError ? (
        <ErrorState message={errorText(reviews.error)} onRetry={() => void reviews.refetch()} />
      ) : list.length === 0 ? (
        filtered ? (
          <EmptyState title={t('inbox.noMatchTitle')}>{t('inbox.noMatchBody')}</EmptyState>
        ) : (
          <EmptyState
            title={t('inbox.emptyTitle')}
            action={
              isOwner ? (
                <div className="flex flex-wrap justify-center gap-2">
                  <Link to={`/stores/${store.id}/import`} className={buttonClass('primary')}>
                    {t('inbox.emptyImport')}
                  </Link>
                  <Link to={`/stores/${store.id}/settings#collection`} className={buttonClass('secondary')}>
                    {t('inbox.emptyConnect')}
                  </Link>
                </div>
              ) : undefined
            }
          >
            {isOwner ? t('inbox.emptyBodyOwner') : t('inbox.emptyBodyStaff')}
          </EmptyState>
        )
      ) : (
        <ul aria-label={t('inbox.listLabel')} className="flex flex-col gap-3">
          {list.map((review) => (
            <li key={review.id}>
              <ReviewCard review={review} isOwner={isOwner} onOpen={() => open(review.id)} />
            </li>
          ))}
        </ul>
      )}
      {reviews.hasNextPage && (
        <Button
          variant="secondary"
          loading={reviews.isFetchingNextPage}
          onClick={() => void reviews.fetchNextPage()}
        >
          {kit('common.loadMore')}
        </Button>
      )}
      <ReplySheet reviewId={openId} store={store} isOwner={isOwner} onClose={close} />
    </div>
  );
}
