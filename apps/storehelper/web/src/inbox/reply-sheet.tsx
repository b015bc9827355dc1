import { call } from '@app/client';
import type { Store, StorehelperPaths } from '@app/storehelper-contracts';
import { ErrorState, LoadingState, useApi } from '@app/ui';
import { useQuery } from '@tanstack/react-query';
import { keys } from '../shared/data.js';
import { useErrorText } from '../shared/error-text.js';
import { useT } from '../shared/i18n.js';
import { Sheet } from '../shared/sheet.js';
import { ReplyEditor } from './reply-editor.js';
import { ReviewBody } from './review-body.js';

/** The review opened from the inbox (or an alert, or a link), with its reply, in a sheet. */
export function ReplySheet({
  reviewId,
  store,
  isOwner,
  onClose,
}: {
  reviewId: string | null;
  store: Store;
  isOwner: boolean;
  onClose: () => void;
}) {
  const { t } = useT();
  const api = useApi<StorehelperPaths>();
  const errorText = useErrorText();
  const review = useQuery({
    queryKey: keys.review(reviewId ?? ''),
    enabled: Boolean(reviewId),
    queryFn: () =>
      call(
        api.GET('/api/v1/storehelper/reviews/{reviewId}', { params: { path: { reviewId: reviewId ?? '' } } }),
      ),
  });
  const title = review.data
    ? t('reply.titleOf', { author: review.data.author || t('review.anonymous') })
    : t('reply.title');
  return (
    <Sheet open={Boolean(reviewId)} onClose={onClose} title={title}>
      {review.isPending ? (
        <LoadingState />
      ) : review.isError ? (
        <ErrorState message={errorText(review.error)} onRetry={() => void review.refetch()} />
      ) : (
        <>
          <div className="rounded-lg border border-border p-3">
            <ReviewBody review={review.data} />
          </div>
          <ReplyEditor
            key={review.data.reply?.updatedAt ?? 'none'}
            review={review.data}
            store={store}
            isOwner={isOwner}
          />
        </>
      )}
    </Sheet>
  );
}
