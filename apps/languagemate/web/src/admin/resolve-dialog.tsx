import { call } from '@app/client';
import type { LanguagematePaths, Report } from '@app/languagemate-contracts';
import { Button, Dialog, Form, TextAreaField, TextField, useApi, useToast } from '@app/ui';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { keys } from '../shared/data.js';
import { useErrorText } from '../shared/error-text.js';
import { useT } from '../shared/i18n.js';

/** Dismiss, warn or suspend (for some days, or until lifted) with a note for the record. */
export function ResolveDialog({
  report,
  action,
  onClose,
}: {
  report: Report;
  action: 'dismiss' | 'warn' | 'suspend';
  onClose: () => void;
}) {
  const { t } = useT();
  const api = useApi<LanguagematePaths>();
  const toast = useToast();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const [days, setDays] = useState('7');
  const [note, setNote] = useState('');
  const [daysError, setDaysError] = useState<string>();
  const [formError, setFormError] = useState<string>();
  const [sending, setSending] = useState(false);
  const title = t(`admin.confirm.${action}`, { name: report.reported.name });
  const submit = async () => {
    let length: number | undefined;
    if (action === 'suspend' && days.trim() !== '') {
      length = Number(days);
      if (!Number.isInteger(length) || length < 1 || length > 3650) {
        setDaysError(t('admin.daysError'));
        return;
      }
    }
    setSending(true);
    setFormError(undefined);
    try {
      await call(
        api.POST('/api/v1/languagemate/admin/reports/{reportId}/resolve', {
          params: { path: { reportId: report.id } },
          body: { action, note: note.trim(), ...(length !== undefined ? { days: length } : {}) },
        }),
      );
      void queryClient.invalidateQueries({ queryKey: keys.reports('open') });
      void queryClient.invalidateQueries({ queryKey: keys.reports('resolved') });
      toast(t(`admin.done.${action}`, { name: report.reported.name }));
      onClose();
    } catch (error) {
      setFormError(errorText(error));
    } finally {
      setSending(false);
    }
  };
  return (
    <Dialog open onClose={onClose} title={title} description={t(`admin.explain.${action}`)}>
      <Form
        label={title}
        error={formError}
        onSubmit={(event) => {
          event.preventDefault();
          if (!sending) void submit();
        }}
      >
        {action === 'suspend' && (
          <TextField
            type="number"
            inputMode="numeric"
            min={1}
            max={3650}
            label={t('admin.days')}
            hint={t('admin.daysHint')}
            value={days}
            error={daysError}
            onChange={(event) => {
              setDays(event.target.value);
              setDaysError(undefined);
            }}
          />
        )}
        <TextAreaField
          label={t('admin.note')}
          hint={t('admin.noteHint')}
          rows={3}
          maxLength={1000}
          value={note}
          onChange={(event) => setNote(event.target.value)}
        />
        <div className="flex flex-wrap gap-2">
          <Button type="submit" variant={action === 'dismiss' ? 'primary' : 'danger'} loading={sending}>
            {t(`admin.actions.${action}`)}
          </Button>
          <Button variant="secondary" onClick={onClose}>
            {t('admin.cancel')}
          </Button>
        </div>
      </Form>
    </Dialog>
  );
}
