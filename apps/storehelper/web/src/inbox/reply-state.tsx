import type { Review } from '@app/storehelper-contracts';
import { Badge } from '@app/ui';
import { useT } from '../shared/i18n.js';

/** Where a review's reply stands, in words: none, a draft, approved, posted, failed to post... */
export type ReplyState =
  | 'unanswered'
  | 'answeredElsewhere'
  | 'draft'
  | 'edited'
  | 'needsWork'
  | 'approved'
  | 'postFailed'
  | 'posted'
  | 'done';

/** The state of a review's reply (`needsWork`: a draft with a failed quality check). */
export function replyState(review: Review): ReplyState {
  const reply = review.reply;
  if (!reply) return review.ownerReply ? 'answeredElsewhere' : 'unanswered';
  if (reply.status === 'approved') return reply.postError ? 'postFailed' : 'approved';
  if (reply.status === 'draft' || reply.status === 'edited')
    return reply.checks.some((check) => !check.ok) ? 'needsWork' : reply.status;
  return reply.status;
}

const tones: Record<ReplyState, 'neutral' | 'accent' | 'success' | 'danger'> = {
  unanswered: 'neutral',
  answeredElsewhere: 'success',
  draft: 'accent',
  edited: 'accent',
  needsWork: 'danger',
  approved: 'accent',
  postFailed: 'danger',
  posted: 'success',
  done: 'success',
};

/** The reply's state as a badge. */
export function ReplyStateBadge({ review }: { review: Review }) {
  const { t } = useT();
  const state = replyState(review);
  return <Badge tone={tones[state]}>{t(`replyState.${state}`)}</Badge>;
}
