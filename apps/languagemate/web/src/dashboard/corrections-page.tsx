import { call } from '@app/client';
import type { Correction, LanguagematePaths } from '@app/languagemate-contracts';
import {
  Button,
  EmptyState,
  ErrorState,
  InlineDiff,
  LoadingState,
  PageHeader,
  Tabs,
  useApi,
  useFormat,
  useTitle,
  useToast,
} from '@app/ui';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { keys } from '../shared/data.js';
import { useErrorText } from '../shared/error-text.js';
import { useT } from '../shared/i18n.js';

/** Corrections partners made to my messages: to review (mark reviewed), and reviewed. */
export function CorrectionsPage() {
  const { t } = useT();
  useTitle(t('corrections.title'));
  return (
    <>
      <PageHeader title={t('corrections.title')} lead={t('corrections.lead')} />
      <Tabs
        label={t('corrections.title')}
        tabs={[
          {
            value: 'to_review',
            label: t('corrections.toReview'),
            content: <CorrectionList state="to_review" />,
          },
          {
            value: 'reviewed',
            label: t('corrections.reviewed'),
            content: <CorrectionList state="reviewed" />,
          },
        ]}
      />
    </>
  );
}

function CorrectionList({ state }: { state: 'to_review' | 'reviewed' }) {
  const { t } = useT();
  const api = useApi<LanguagematePaths>();
  const toast = useToast();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const list = useInfiniteQuery({
    queryKey: keys.corrections(state),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      call(
        api.GET('/api/v1/languagemate/corrections', {
          params: { query: { state, limit: 20, ...(pageParam ? { cursor: pageParam } : {}) } },
        }),
      ),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const review = useMutation({
    mutationFn: (correction: Correction) =>
      call(
        api.POST('/api/v1/languagemate/corrections/{correctionId}/review', {
          params: { path: { correctionId: correction.id } },
        }),
      ),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['languagemate', 'corrections'] });
      void queryClient.invalidateQueries({ queryKey: keys.dashboard });
      toast(t('corrections.marked'));
    },
    onError: (error) => toast(errorText(error), 'danger'),
  });
  if (list.isPending) return <LoadingState />;
  if (list.isError) return <ErrorState message={errorText(list.error)} onRetry={() => void list.refetch()} />;
  const items = list.data.pages.flatMap((page) => page.items);
  if (items.length === 0)
    return (
      <EmptyState
        title={state === 'to_review' ? t('corrections.emptyToReview') : t('corrections.emptyReviewed')}
      >
        {state === 'to_review' ? t('corrections.emptyToReviewBody') : null}
      </EmptyState>
    );
  return (
    <div className="flex flex-col gap-3">
      <ul className="flex flex-col gap-3">
        {items.map((correction) => (
          <li key={correction.id}>
            <CorrectionItem
              correction={correction}
              onReview={state === 'to_review' ? () => review.mutate(correction) : undefined}
              reviewing={review.isPending && review.variables.id === correction.id}
            />
          </li>
        ))}
      </ul>
      {list.hasNextPage && (
        <Button
          variant="secondary"
          loading={list.isFetchingNextPage}
          onClick={() => void list.fetchNextPage()}
        >
          {t('corrections.more')}
        </Button>
      )}
    </div>
  );
}

function CorrectionItem({
  correction,
  onReview,
  reviewing,
}: {
  correction: Correction;
  onReview: (() => void) | undefined;
  reviewing: boolean;
}) {
  const { t } = useT();
  const format = useFormat();
  return (
    <article className="flex flex-col gap-3 rounded-xl border border-border bg-surface p-4">
      <InlineDiff original={correction.original} corrected={correction.corrected} className="text-lg" />
      <details className="text-sm">
        <summary className="cursor-pointer text-fg-muted">{t('corrections.showBoth')}</summary>
        <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1">
          <dt className="text-fg-muted">{t('corrections.original')}</dt>
          <dd>{correction.original}</dd>
          <dt className="text-fg-muted">{t('corrections.corrected')}</dt>
          <dd>{correction.corrected}</dd>
        </dl>
      </details>
      {correction.note && (
        <p className="text-sm">
          <span className="font-semibold">{t('corrections.note')}:</span> {correction.note}
        </p>
      )}
      <div className="flex flex-wrap items-center gap-2 text-sm text-fg-muted">
        <time dateTime={correction.createdAt}>{format.dateTime(correction.createdAt)}</time>
        <span aria-hidden="true">·</span>
        <Link
          to={`/chat/${correction.roomId}`}
          className="font-semibold text-accent underline underline-offset-4"
        >
          {t('corrections.inChat')}
        </Link>
      </div>
      {onReview && (
        <Button variant="secondary" loading={reviewing} onClick={onReview} className="self-start">
          {t('corrections.markReviewed')}
        </Button>
      )}
    </article>
  );
}
