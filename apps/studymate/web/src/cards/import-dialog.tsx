import { call } from '@app/client';
import type { StudymatePaths, Subject } from '@app/studymate-contracts';
import { Button, Dialog, Form, Notice, SelectField, useApi, useToast } from '@app/ui';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useRef, useState } from 'react';
import { keys } from '../shared/data.js';
import { useErrorText } from '../shared/error-text.js';
import { useT } from '../shared/i18n.js';
import { formatOfFile } from './tags.js';

/** The row report of a refused deck (`DECK_INVALID`'s details). */
interface ImportResult {
  errors: { row: number; line: number; reason: string }[];
  errorCount: number;
}

/** The largest deck file read in the browser (the server takes 5 million characters). */
const MAX_DECK_BYTES = 5_000_000;

/**
 * Import a deck: a CSV (front, back, tags) or Anki's text export, read here and sent as text.
 * Nothing is imported when a row is bad; the report lists the rows (row, line, reason).
 */
export function ImportDialog({
  open,
  subjects,
  defaultSubject,
  onClose,
}: {
  open: boolean;
  subjects: Subject[];
  defaultSubject: string;
  onClose: () => void;
}) {
  const { t } = useT();
  return (
    <Dialog open={open} onClose={onClose} title={t('cards.importTitle')} description={t('cards.importLead')}>
      {open && <ImportForm subjects={subjects} defaultSubject={defaultSubject} onDone={onClose} />}
    </Dialog>
  );
}

function ImportForm({
  subjects,
  defaultSubject,
  onDone,
}: {
  subjects: Subject[];
  defaultSubject: string;
  onDone: () => void;
}) {
  const { t } = useT();
  const api = useApi<StudymatePaths>();
  const toast = useToast();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [format, setFormat] = useState<'csv' | 'anki'>('csv');
  const [subjectId, setSubjectId] = useState(defaultSubject);
  const [report, setReport] = useState<ImportResult | null>(null);
  const [error, setError] = useState<string>();
  const [sending, setSending] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!file) {
      setError(t('cards.importNoFile'));
      return;
    }
    if (file.size > MAX_DECK_BYTES) {
      setError(t('cards.importTooBig'));
      return;
    }
    setSending(true);
    setError(undefined);
    setReport(null);
    try {
      const content = await file.text();
      const request = api.POST('/api/v1/studymate/cards/import', {
        body: { format, content, subjectId: subjectId || null },
      });
      const answer = await request.catch(() => null);
      if (answer?.response.status === 422 && answer.error?.error.code === 'DECK_INVALID') {
        setReport(answer.error.error.details as ImportResult);
        return;
      }
      const done = await call(request);
      toast(t('cards.imported', { count: done.imported }));
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: keys.cards }),
        queryClient.invalidateQueries({ queryKey: keys.review }),
        queryClient.invalidateQueries({ queryKey: keys.dashboard }),
        queryClient.invalidateQueries({ queryKey: keys.subjects }),
      ]);
      onDone();
    } catch (caught) {
      setError(errorText(caught));
    } finally {
      setSending(false);
    }
  };

  return (
    <Form onSubmit={(event) => void submit(event)} error={error}>
      <div className="flex flex-col gap-1.5">
        <span className="text-sm font-semibold">{t('cards.importFile')}</span>
        <input
          ref={input}
          type="file"
          accept=".csv,.txt,.tsv,text/csv,text/plain"
          hidden
          aria-label={t('cards.importFile')}
          onChange={(event) => {
            const chosen = event.target.files?.[0] ?? null;
            setFile(chosen);
            setReport(null);
            if (chosen) setFormat(formatOfFile(chosen.name));
          }}
        />
        <div className="flex flex-wrap items-center gap-3">
          <Button variant="secondary" onClick={() => input.current?.click()}>
            {t('cards.importChoose')}
          </Button>
          <span className="text-sm text-fg-muted break-all">{file ? file.name : t('cards.importNone')}</span>
        </div>
      </div>
      <SelectField
        label={t('cards.importFormat')}
        value={format}
        onChange={(event) => setFormat(event.target.value as 'csv' | 'anki')}
        options={[
          { value: 'csv', label: t('cards.formatCsv') },
          { value: 'anki', label: t('cards.formatAnki') },
        ]}
        hint={format === 'csv' ? t('cards.formatCsvHint') : t('cards.formatAnkiHint')}
      />
      <SelectField
        label={t('cards.subject')}
        options={[
          { value: '', label: t('cards.noSubject') },
          ...subjects.map((subject) => ({ value: subject.id, label: subject.name })),
        ]}
        value={subjectId}
        onChange={(event) => setSubjectId(event.target.value)}
      />
      {report && <ImportReport report={report} />}
      <div className="flex flex-wrap justify-end gap-2">
        <Button variant="secondary" onClick={onDone}>
          {t('subjects.cancel')}
        </Button>
        <Button type="submit" loading={sending}>
          {t('cards.importSubmit')}
        </Button>
      </div>
    </Form>
  );
}

function ImportReport({ report }: { report: ImportResult }) {
  const { t } = useT();
  const more = report.errorCount - report.errors.length;
  return (
    <Notice tone="danger">
      <p className="font-semibold">{t('cards.importFailed', { count: report.errorCount })}</p>
      <div className="mt-2 max-h-60 overflow-auto">
        <table className="w-full text-left text-sm text-fg">
          <caption className="sr-only">{t('cards.importReport')}</caption>
          <thead>
            <tr>
              <th scope="col" className="pr-3">
                {t('cards.row')}
              </th>
              <th scope="col" className="pr-3">
                {t('cards.line')}
              </th>
              <th scope="col">{t('cards.reason')}</th>
            </tr>
          </thead>
          <tbody>
            {report.errors.map((row) => (
              <tr key={`${row.row}-${row.line}`} className="border-t border-border align-top">
                <td className="pr-3 tabular-nums">{row.row}</td>
                <td className="pr-3 tabular-nums">{row.line}</td>
                <td>{row.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {more > 0 && <p className="mt-2 text-sm">{t('cards.importMore', { count: more })}</p>}
    </Notice>
  );
}
