import type { Review } from '@app/storehelper-contracts';
import { Button, useToast } from '@app/ui';
import { useState } from 'react';
import { codeOf, useErrorText } from '../shared/error-text.js';
import { useT } from '../shared/i18n.js';
import { ReplyStateBadge, replyState } from './reply-state.js';
import { ReviewBody, sentimentEdge } from './review-body.js';
import { useReplyCalls } from './use-reply.js';

/**
 * A review in the inbox. Its one action opens the reply sheet (write, see or edit the reply); the
 * owner approves a draft that passed every check with one tap, right here.
 */
export function ReviewCard({
  review,
  isOwner,
  onOpen,
}: {
  review: Review;
  isOwner: boolean;
  onOpen: () => void;
}) {
  const { t } = useT();
  const toast = useToast();
  const errorText = useErrorText();
  const calls = useReplyCalls(review);
  const [approving, setApproving] = useState(false);
  const approve = async () => {
    setApproving(true);
    try {
      const reply = await calls.approve();
      toast(reply?.status === 'posted' ? t('reply.posted') : t('reply.approvedCopy'));
    } catch (error) {
      // A failed check is explained beside the text, in the sheet.
      if (codeOf(error) === 'REPLY_CHECK_FAILED') onOpen();
      else toast(errorText(error), 'danger');
    } finally {
      setApproving(false);
    }
  };
  const state = replyState(review);
  const edge = review.sentimentLabel ? sentimentEdge[review.sentimentLabel] : 'border-l-border';
  const headingId = `review-${review.id}`;
  const action =
    state === 'unanswered'
      ? t('inbox.write')
      : state === 'draft' || state === 'edited' || state === 'needsWork'
        ? t('inbox.openDraft')
        : t('inbox.openReply');
  return (
    <article
      aria-labelledby={headingId}
      className={`flex flex-col gap-3 rounded-xl border border-l-4 border-border bg-surface p-4 shadow-sm ${edge}`}
    >
      <h3 id={headingId} className="font-semibold">
        {review.author || t('review.anonymous')}
      </h3>
      <ReviewBody review={review} clamp />
      {review.reply && (state === 'draft' || state === 'edited' || state === 'needsWork') && (
        <p className="line-clamp-2 rounded-lg bg-surface-muted p-2 text-sm">{review.reply.text}</p>
      )}
      <div className="flex flex-wrap items-center gap-2 border-t border-border pt-3">
        <ReplyStateBadge review={review} />
        <div className="ml-auto flex flex-wrap gap-2">
          {isOwner && (state === 'draft' || state === 'edited') && (
            <Button onClick={() => void approve()} loading={approving} aria-describedby={headingId}>
              {t('inbox.approve')}
            </Button>
          )}
          <Button
            variant={state === 'unanswered' ? 'primary' : 'secondary'}
            onClick={onOpen}
            aria-describedby={headingId}
          >
            {action}
          </Button>
        </div>
      </div>
    </article>
  );
}
