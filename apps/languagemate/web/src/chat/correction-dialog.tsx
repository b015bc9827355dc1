import { call } from '@app/client';
import type { ChatMessage } from '@app/contracts';
import type { LanguagematePaths } from '@app/languagemate-contracts';
import { type Correction, createCorrectionSchema } from '@app/languagemate-contracts';
import {
  Button,
  Dialog,
  Form,
  InlineDiff,
  TextAreaField,
  TextField,
  useApi,
  useToast,
  useZodForm,
} from '@app/ui';
import { useTranslation } from 'react-i18next';

/**
 * Correcting a partner's message: the editor starts with their text; a preview shows the change
 * as it will appear under the message; sending posts the correction (it also arrives live).
 */
export function CorrectionDialog({
  message,
  onClose,
  onCorrected,
}: {
  message: ChatMessage;
  onClose: () => void;
  onCorrected: (correction: Correction) => void;
}) {
  const { t } = useTranslation('languagemate');
  const api = useApi<LanguagematePaths>();
  const toast = useToast();
  const form = useZodForm(createCorrectionSchema, {
    messageId: message.id,
    corrected: message.body,
    note: '',
  });
  const unchanged = String(form.values.corrected ?? '').trim() === message.body.trim();

  const submit = form.onSubmit(async (body) => {
    const correction = await call(
      api.POST('/api/v1/languagemate/rooms/{roomId}/corrections', {
        params: { path: { roomId: message.roomId } },
        body,
      }),
    );
    onCorrected(correction);
    toast(t('chat.correction.sent'));
    onClose();
  });

  return (
    <Dialog
      open
      onClose={onClose}
      title={t('chat.correction.dialogTitle')}
      description={t('chat.correction.lead')}
    >
      <Form onSubmit={submit} error={form.formError}>
        <div className="rounded-lg bg-surface-muted px-3 py-2 text-sm">
          <p className="text-xs font-semibold text-fg-muted">{t('chat.correction.original')}</p>
          <p className="whitespace-pre-wrap break-words">{message.body}</p>
        </div>
        <TextAreaField
          label={t('chat.correction.corrected')}
          rows={3}
          maxLength={4000}
          {...form.field('corrected')}
          hint={unchanged ? t('chat.correction.changeSomething') : undefined}
        />
        {!unchanged && (
          <div className="rounded-lg border border-success px-3 py-2 text-sm" aria-live="polite">
            <p className="text-xs font-semibold text-success">{t('chat.correction.preview')}</p>
            <InlineDiff original={message.body} corrected={String(form.values.corrected ?? '')} />
          </div>
        )}
        <TextField label={t('chat.correction.note')} maxLength={500} {...form.field('note')} />
        <div className="flex justify-end gap-2">
          <Button variant="ghost" onClick={onClose}>
            {t('chat.cancel')}
          </Button>
          <Button type="submit" loading={form.submitting} disabled={unchanged}>
            {t('chat.correction.send')}
          </Button>
        </div>
      </Form>
    </Dialog>
  );
}
