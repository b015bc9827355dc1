import type { Reply, Review } from '@app/storehelper-contracts';
import { Button, Notice, useFormat, useToast } from '@app/ui';
import { useState } from 'react';
import { copyText } from '../shared/clipboard.js';
import { useErrorText } from '../shared/error-text.js';
import { useT } from '../shared/i18n.js';
import { ReplyChecks } from './reply-checks.js';
import { useReplyCalls } from './use-reply.js';

/**
 * An approved reply and what is left to do: where the platform has no API (Naver, Kakao, imported
 * reviews) the owner copies it, pastes it on the platform and marks it done; a failed post is
 * shown with a retry. A posted or done reply is shown as it went out.
 */
export function ReplyOutcome({
  review,
  reply,
  isOwner,
  onEdit,
}: {
  review: Review;
  reply: Reply;
  isOwner: boolean;
  /** Back to editing an approved reply (saving withdraws the approval). */
  onEdit: () => void;
}) {
  const { t } = useT();
  const format = useFormat();
  const toast = useToast();
  const errorText = useErrorText();
  const calls = useReplyCalls(review);
  const [busy, setBusy] = useState<'done' | 'retry' | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const act = async (kind: 'done' | 'retry', action: () => Promise<unknown>) => {
    setBusy(kind);
    setProblem(null);
    try {
      await action();
    } catch (error) {
      setProblem(errorText(error));
    } finally {
      setBusy(null);
    }
  };
  const copy = async () => {
    if (await copyText(reply.text)) toast(t('reply.copied'));
    else toast(t('reply.copyFailed'), 'danger');
  };
  const out = reply.status === 'posted' || reply.status === 'done';
  return (
    <section aria-labelledby="reply-outcome" className="flex flex-col gap-3">
      <h3 id="reply-outcome" className="font-semibold">
        {out ? t('reply.outTitle') : t('reply.approvedTitle')}
      </h3>
      <p className="whitespace-pre-line rounded-lg bg-surface-muted p-3">{reply.text}</p>
      {reply.status === 'posted' && reply.postedAt && (
        <Notice tone="success">{t('reply.postedOn', { date: format.dateTime(reply.postedAt) })}</Notice>
      )}
      {reply.status === 'done' && reply.postedAt && (
        <Notice tone="success">{t('reply.doneOn', { date: format.dateTime(reply.postedAt) })}</Notice>
      )}
      {reply.status === 'approved' && reply.postError && (
        <Notice tone="danger">{t('reply.postError', { error: reply.postError })}</Notice>
      )}
      {reply.status === 'approved' && !reply.postError && (
        <p className="text-sm">
          {isOwner
            ? t('reply.pasteHint', { platform: t(`platforms.${review.platform}`) })
            : t('reply.waitingForOwner')}
        </p>
      )}
      {problem && <Notice tone="danger">{problem}</Notice>}
      {reply.status === 'approved' && (
        <div className="flex flex-wrap gap-2">
          <Button variant={isOwner ? 'secondary' : 'primary'} onClick={() => void copy()}>
            {t('reply.copy')}
          </Button>
          {isOwner && reply.postError && (
            <Button
              variant="secondary"
              loading={busy === 'retry'}
              disabled={busy !== null}
              onClick={() => void act('retry', calls.approve)}
            >
              {t('reply.retryPost')}
            </Button>
          )}
          <Button variant="ghost" disabled={busy !== null} onClick={onEdit}>
            {t('reply.edit')}
          </Button>
          {isOwner && (
            <Button
              loading={busy === 'done'}
              disabled={busy !== null}
              onClick={() => void act('done', calls.done)}
            >
              {t('reply.markDone')}
            </Button>
          )}
        </div>
      )}
      <ReplyChecks checks={reply.checks} />
    </section>
  );
}
