import { ApiError } from '@app/client';
import type { ReplyCheck, Review, Store } from '@app/storehelper-contracts';
import { Button, Notice, SelectField, TextAreaField, useFormat, usePlanLimit, useToast } from '@app/ui';
import { useState } from 'react';
import { useTemplates } from '../shared/data.js';
import { codeOf, useErrorText } from '../shared/error-text.js';
import { useT } from '../shared/i18n.js';
import { ReplyChecks } from './reply-checks.js';
import { ReplyOutcome } from './reply-outcome.js';
import { finished, useReplyCalls } from './use-reply.js';

/** The longest reply the checks accept. */
const MAX_CHARS = 1000;
type Busy = 'draft' | 'template' | 'save' | 'approve' | 'discard' | null;

/**
 * Writing the reply: an AI draft or a template, the text to edit, its quality checks, and the
 * owner's approval (staff draft and edit only). A plan without replies shows the upgrade prompt
 * (to the owner; staff are told it is the owner's plan).
 */
export function ReplyEditor({ review, store, isOwner }: { review: Review; store: Store; isOwner: boolean }) {
  const { t } = useT();
  const format = useFormat();
  const toast = useToast();
  const errorText = useErrorText();
  const calls = useReplyCalls(review);
  const templates = useTemplates(store.id);
  const upgrade = usePlanLimit();
  const reply = review.reply;
  const [text, setText] = useState(reply?.text ?? '');
  const [templateId, setTemplateId] = useState('');
  const [busy, setBusy] = useState<Busy>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [failedChecks, setFailedChecks] = useState<ReplyCheck[] | null>(null);
  const [staffPlan, setStaffPlan] = useState(false);
  const [reopened, setReopened] = useState(false);

  if (reply && (finished(reply) || (reply.status === 'approved' && !reopened)))
    return <ReplyOutcome review={review} reply={reply} isOwner={isOwner} onEdit={() => setReopened(true)} />;
  if (!reply && review.ownerReply)
    return (
      <section aria-labelledby="reply-existing" className="flex flex-col gap-2">
        <h3 id="reply-existing" className="font-semibold">
          {t('reply.existingTitle')}
        </h3>
        <p className="whitespace-pre-line rounded-lg bg-surface-muted p-3">{review.ownerReply}</p>
      </section>
    );

  const dirty = text.trim() !== (reply?.text ?? '').trim();
  const run = async (kind: Busy, action: () => Promise<unknown>) => {
    setBusy(kind);
    setProblem(null);
    setFailedChecks(null);
    setStaffPlan(false);
    upgrade.clear();
    try {
      await action();
    } catch (error) {
      if (codeOf(error) === 'PLAN_LIMIT') {
        if (isOwner) upgrade.handle(error);
        else setStaffPlan(true);
      } else if (codeOf(error) === 'REPLY_CHECK_FAILED' && error instanceof ApiError) {
        const checks = (error.details as { checks?: ReplyCheck[] } | undefined)?.checks ?? [];
        setFailedChecks(checks);
        setProblem(errorText(error));
      } else setProblem(errorText(error));
    } finally {
      setBusy(null);
    }
  };
  const save = () => run('save', () => calls.edit(text.trim()));
  const approve = () =>
    run('approve', async () => {
      if (dirty) await calls.edit(text.trim());
      const result = await calls.approve();
      if (result?.status === 'posted') toast(t('reply.posted'));
    });

  return (
    <section aria-labelledby="reply-editor" className="flex flex-col gap-4">
      <h3 id="reply-editor" className="sr-only">
        {t('reply.editorTitle')}
      </h3>
      <div className="flex flex-col gap-2 sm:flex-row sm:flex-wrap sm:items-end">
        <Button
          variant={reply ? 'secondary' : 'primary'}
          loading={busy === 'draft'}
          disabled={busy !== null}
          onClick={() => void run('draft', () => calls.draft())}
        >
          {reply ? t('reply.aiAgain') : t('reply.ai')}
        </Button>
        {(templates.data?.items.length ?? 0) > 0 && (
          <div className="flex flex-1 items-end gap-2">
            <div className="min-w-0 flex-1">
              <SelectField
                label={t('reply.template')}
                value={templateId}
                onChange={(event) => setTemplateId(event.target.value)}
                options={[
                  { value: '', label: t('reply.templateChoose') },
                  ...(templates.data?.items ?? []).map((template) => ({
                    value: template.id,
                    label: template.name,
                  })),
                ]}
              />
            </div>
            <Button
              variant="secondary"
              disabled={!templateId || busy !== null}
              loading={busy === 'template'}
              onClick={() => void run('template', () => calls.draft(templateId))}
            >
              {t('reply.useTemplate')}
            </Button>
          </div>
        )}
      </div>
      {upgrade.prompt}
      {staffPlan && <Notice tone="warning">{t('reply.staffPlan')}</Notice>}
      <TextAreaField
        label={t('reply.text')}
        rows={5}
        value={text}
        maxLength={4000}
        placeholder={t('reply.placeholder')}
        hint={t('reply.count', { count: format.number(text.trim().length), max: format.number(MAX_CHARS) })}
        onChange={(event) => setText(event.target.value)}
      />
      {reply && <ReplyChecks checks={failedChecks ?? reply.checks} stale={dirty} />}
      {problem && <Notice tone="danger">{problem}</Notice>}
      <div className="flex flex-wrap gap-2">
        {isOwner && reply && (
          <Button
            loading={busy === 'approve'}
            disabled={busy !== null || !text.trim()}
            onClick={() => void approve()}
          >
            {dirty ? t('reply.saveAndApprove') : t('reply.approve')}
          </Button>
        )}
        {(dirty || !reply) && (
          <Button
            variant={isOwner && reply ? 'secondary' : 'primary'}
            loading={busy === 'save'}
            disabled={busy !== null || !text.trim() || !dirty}
            onClick={() => void save()}
          >
            {t('reply.save')}
          </Button>
        )}
        {reply && (
          <Button
            variant="ghost"
            loading={busy === 'discard'}
            disabled={busy !== null}
            onClick={() => void run('discard', () => calls.discard())}
          >
            {t('reply.discard')}
          </Button>
        )}
      </div>
      {!isOwner && <p className="text-sm text-fg-muted">{t('reply.staffNote')}</p>}
    </section>
  );
}
