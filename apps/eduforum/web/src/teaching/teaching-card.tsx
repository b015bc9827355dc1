import { call } from '@app/client';
import type { EduforumPaths, Teaching } from '@app/eduforum-contracts';
import { Button, Card, Form, Notice, TextAreaField, useApi, useFormat, useToast } from '@app/ui';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { keys } from '../courses/data.js';
import { useErrorText } from '../error-text.js';
import { useT } from '../i18n.js';

/** One line under the course list saying why the caller may create courses. */
export function TeachingStanding({ teaching }: { teaching: Teaching }) {
  const { t } = useT();
  if (!teaching.canCreateCourses) return null;
  const reason = teaching.reason as 'admin' | 'instructor' | 'open' | 'domain';
  return <p className="text-sm text-fg-muted">{t(`teaching.standing.${reason}`)}</p>;
}

/**
 * For someone who may not create courses: what applies here and the next step (confirm the email
 * address, ask to teach, wait for the admin, or ask again after a decline).
 */
export function TeachingCard({ teaching }: { teaching: Teaching }) {
  const { t } = useT();
  const format = useFormat();
  if (teaching.canCreateCourses) return null;
  const { reason, request } = teaching;
  return (
    <Card className="mb-4 flex flex-col gap-3">
      <h2 id="teaching-heading" className="text-lg font-semibold">
        {t('teaching.card.title')}
      </h2>
      {reason === 'verify-email' && <p>{t('teaching.card.verifyEmail')}</p>}
      {reason === 'pending' && request && (
        <Notice tone="success">{t('teaching.card.pending', { when: format.date(request.createdAt) })}</Notice>
      )}
      {reason === 'declined' && (
        <Notice tone="warning">
          {request?.reason
            ? t('teaching.card.declined', { reason: request.reason })
            : t('teaching.card.declinedNoReason')}
        </Notice>
      )}
      {(reason === 'request' || reason === 'declined') && <AskToTeach />}
    </Card>
  );
}

function AskToTeach() {
  const { t } = useT();
  const api = useApi<EduforumPaths>();
  const toast = useToast();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const [note, setNote] = useState('');
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string>();
  const submit = async () => {
    setSending(true);
    setError(undefined);
    try {
      await call(api.POST('/api/v1/eduforum/instructor-requests', { body: { note } }));
      toast(t('teaching.card.asked'));
      await queryClient.invalidateQueries({ queryKey: keys.me });
    } catch (caught) {
      setError(errorText(caught));
    } finally {
      setSending(false);
    }
  };
  return (
    <Form
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
      error={error}
      label={t('teaching.card.ask')}
    >
      <p>{t('teaching.card.request')}</p>
      <TextAreaField
        label={t('teaching.card.note')}
        hint={t('teaching.card.noteHint')}
        value={note}
        maxLength={1000}
        rows={3}
        onChange={(event) => setNote(event.target.value)}
      />
      <Button type="submit" loading={sending} className="self-start">
        {t('teaching.card.ask')}
      </Button>
    </Form>
  );
}
