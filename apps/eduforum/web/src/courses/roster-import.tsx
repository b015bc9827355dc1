import { ApiError, call } from '@app/client';
import type { EduforumPaths } from '@app/eduforum-contracts';
import { type RosterReport, rosterReportSchema } from '@app/eduforum-contracts';
import { Badge, Button, Card, Notice, TextAreaField, useApi, useToast } from '@app/ui';
import { useQueryClient } from '@tanstack/react-query';
import { type ChangeEvent, type FormEvent, useId, useState } from 'react';
import { useErrorText } from '../error-text.js';
import { useT } from '../i18n.js';
import { keys } from './data.js';
import { rosterProblem } from './roster-problems.js';

type Outcome = { report: RosterReport } | { error: string };

/**
 * Roster import: a CSV file or pasted text, sent as `text/csv`; the server's per-row report is
 * shown for a success and for ROSTER_INVALID (all or nothing, so then nothing was imported).
 */
export function RosterImport({ courseId }: { courseId: string }) {
  const { t } = useT();
  const api = useApi<EduforumPaths>();
  const toast = useToast();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const fileId = useId();
  const [csv, setCsv] = useState('');
  const [empty, setEmpty] = useState(false);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>();

  const pick = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (!file) return;
    setCsv(await file.text());
    setEmpty(false);
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!csv.trim()) {
      setEmpty(true);
      return;
    }
    setBusy(true);
    setOutcome(undefined);
    try {
      const report = await call(
        api.POST('/api/v1/eduforum/courses/{courseId}/roster', {
          params: { path: { courseId } },
          body: csv,
          // The body is the CSV text itself, not JSON.
          bodySerializer: (body: string) => body,
          headers: { 'content-type': 'text/csv' },
        }),
      );
      setOutcome({ report });
      toast(t('courses.roster.imported', { count: report.added }));
      await queryClient.invalidateQueries({ queryKey: keys.members(courseId) });
    } catch (error) {
      const invalid =
        error instanceof ApiError && error.code === 'ROSTER_INVALID'
          ? rosterReportSchema.safeParse(error.details)
          : undefined;
      setOutcome(invalid?.success ? { report: invalid.data } : { error: errorText(error) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card className="flex flex-col gap-4">
      <h2 className="text-lg font-semibold">{t('courses.roster.title')}</h2>
      <p className="text-sm text-fg-muted">{t('courses.roster.lead')}</p>
      <form
        onSubmit={submit}
        noValidate
        aria-label={t('courses.roster.title')}
        className="flex flex-col gap-4"
      >
        <div className="flex flex-col gap-1.5">
          <label htmlFor={fileId} className="text-sm font-semibold">
            {t('courses.roster.file')}
          </label>
          <input
            id={fileId}
            type="file"
            accept=".csv,text/csv"
            onChange={pick}
            className="min-h-11 text-sm file:mr-3 file:min-h-11 file:rounded-lg file:border file:border-border file:bg-surface file:px-4 file:font-semibold"
          />
        </div>
        <TextAreaField
          label={t('courses.roster.text')}
          hint={t('courses.roster.textHint')}
          value={csv}
          rows={6}
          spellCheck={false}
          className="font-mono text-sm"
          placeholder={'email,role\nstudent1@example.ac.kr,student\nta@example.ac.kr,ta'}
          onChange={(event) => {
            setCsv(event.target.value);
            setEmpty(false);
          }}
          error={empty ? t('courses.roster.empty') : undefined}
        />
        <Button type="submit" loading={busy} className="self-start">
          {t('courses.roster.submit')}
        </Button>
      </form>
      {outcome && 'error' in outcome && <Notice tone="danger">{outcome.error}</Notice>}
      {outcome && 'report' in outcome && <RosterReportView report={outcome.report} />}
    </Card>
  );
}

/** In a refused import nothing was written: valid new rows are only "ready" or "will be invited". */
function rowStatus(status: RosterReport['rows'][number]['status'], imported: boolean) {
  if (imported) return status;
  if (status === 'added') return 'ready';
  if (status === 'invited') return 'invited_ready';
  return status;
}

const statusTone = {
  added: 'success',
  already_enrolled: 'neutral',
  invited: 'accent',
  invalid: 'danger',
} as const;

/** The per-row report: what happened to each line, and why a line is invalid. */
function RosterReportView({ report }: { report: RosterReport }) {
  const { t } = useT();
  const invalid = report.rows.filter((row) => row.status === 'invalid').length;
  return (
    <div className="flex flex-col gap-3">
      {report.imported ? (
        <Notice tone="success">
          {t('courses.roster.summary', {
            added: report.added,
            already: report.alreadyEnrolled,
            invited: report.invited,
          })}
        </Notice>
      ) : (
        <Notice tone="danger">{t('courses.roster.nothingImported', { count: invalid })}</Notice>
      )}
      <div className="overflow-x-auto rounded-lg border border-border">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">{t('courses.roster.reportCaption')}</caption>
          <thead className="bg-surface-muted">
            <tr>
              <th scope="col" className="px-3 py-2">
                {t('courses.roster.line')}
              </th>
              <th scope="col" className="px-3 py-2">
                {t('courses.roster.email')}
              </th>
              <th scope="col" className="px-3 py-2">
                {t('courses.roster.status')}
              </th>
              <th scope="col" className="px-3 py-2">
                {t('courses.roster.problems')}
              </th>
            </tr>
          </thead>
          <tbody>
            {report.rows.map((row) => (
              <tr key={row.line} className="border-t border-border align-top">
                <td className="px-3 py-2 tabular-nums">{row.line}</td>
                <td className="px-3 py-2 break-all">{row.email ?? '—'}</td>
                <td className="px-3 py-2">
                  <Badge tone={statusTone[row.status]}>
                    {t(`courses.roster.statuses.${rowStatus(row.status, report.imported)}`)}
                  </Badge>
                </td>
                <td className="px-3 py-2">
                  {row.errors.length === 0 ? (
                    '—'
                  ) : (
                    <ul className="list-disc pl-4">
                      {row.errors.map((problem) => (
                        <li key={problem}>{rosterProblem(problem, t)}</li>
                      ))}
                    </ul>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
