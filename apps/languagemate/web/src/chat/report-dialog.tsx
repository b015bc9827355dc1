import { call } from '@app/client';
import type { ChatMessage } from '@app/contracts';
import type { LanguagematePaths } from '@app/languagemate-contracts';
import { createReportSchema, reportReasons } from '@app/languagemate-contracts';
import { Button, CheckboxField, Dialog, Form, Notice, TextAreaField, useApi, useZodForm } from '@app/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useChatErrorText } from './chat-errors.js';

/**
 * Reporting the partner: a reason, optional details, the selected message kept as evidence, and
 * "also block" (checked: after a block the conversation closes and they disappear).
 */
export function ReportDialog({
  partner,
  message,
  onClose,
  onDone,
}: {
  partner: { userId: string; displayName: string };
  message: ChatMessage | undefined;
  onClose: () => void;
  onDone: (blocked: boolean) => void;
}) {
  const { t } = useTranslation('languagemate');
  const api = useApi<LanguagematePaths>();
  const [evidence, setEvidence] = useState(message);
  const form = useZodForm(createReportSchema, {
    userId: partner.userId,
    reason: 'spam',
    details: '',
    block: true,
  });
  const submit = form.onSubmit(async (body) => {
    await call(
      api.POST('/api/v1/languagemate/reports', {
        body: { ...body, ...(evidence ? { messageId: evidence.id } : {}) },
      }),
    );
    onDone(body.block);
  });
  return (
    <Dialog open onClose={onClose} title={t('chat.reportDialog.title', { name: partner.displayName })}>
      <Form onSubmit={submit} error={form.formError}>
        <fieldset className="flex flex-col gap-1">
          <legend className="mb-1 text-sm font-semibold">{t('chat.reportDialog.reason')}</legend>
          {reportReasons.map((reason) => (
            <label
              key={reason}
              className="flex min-h-11 items-center gap-3 rounded-lg px-2 hover:bg-surface-muted"
            >
              <input
                type="radio"
                name="reason"
                value={reason}
                checked={form.values.reason === reason}
                onChange={() => form.set('reason', reason)}
                className="size-5"
              />
              {t(`chat.reportDialog.reasons.${reason}`)}
            </label>
          ))}
        </fieldset>
        <TextAreaField
          label={t('chat.reportDialog.details')}
          rows={3}
          maxLength={1000}
          {...form.field('details')}
        />
        {evidence && (
          <div className="rounded-lg bg-surface-muted px-3 py-2 text-sm">
            <p className="text-xs font-semibold text-fg-muted">{t('chat.reportDialog.evidence')}</p>
            <p className="line-clamp-4 whitespace-pre-wrap break-words">{evidence.body}</p>
            <button
              type="button"
              onClick={() => setEvidence(undefined)}
              className="mt-1 min-h-11 text-sm font-semibold text-accent underline"
            >
              {t('chat.reportDialog.removeEvidence')}
            </button>
          </div>
        )}
        <CheckboxField
          label={t('chat.reportDialog.alsoBlock')}
          checked={form.values.block !== false}
          onChange={(e) => form.set('block', e.target.checked)}
        />
        <div className="flex justify-end gap-2">
          <Button variant="ghost" onClick={onClose}>
            {t('chat.cancel')}
          </Button>
          <Button type="submit" variant="danger" loading={form.submitting}>
            {t('chat.reportDialog.submit')}
          </Button>
        </div>
      </Form>
    </Dialog>
  );
}

/** Blocking the partner after a confirmation; the conversation then closes. */
export function BlockDialog({
  partner,
  onClose,
  onDone,
}: {
  partner: { userId: string; displayName: string };
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation('languagemate');
  const api = useApi<LanguagematePaths>();
  const errorText = useChatErrorText();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const block = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await call(api.PUT('/api/v1/me/blocks/{userId}', { params: { path: { userId: partner.userId } } }));
      onDone();
    } catch (e) {
      setError(errorText(e));
      setBusy(false);
    }
  };
  return (
    <Dialog
      open
      onClose={onClose}
      title={t('chat.blockDialog.title', { name: partner.displayName })}
      description={t('chat.blockDialog.lead')}
    >
      {error && <Notice tone="danger">{error}</Notice>}
      <div className="flex justify-end gap-2">
        <Button variant="ghost" onClick={onClose}>
          {t('chat.cancel')}
        </Button>
        <Button variant="danger" loading={busy} onClick={() => void block()}>
          {t('chat.blockDialog.confirm')}
        </Button>
      </div>
    </Dialog>
  );
}
