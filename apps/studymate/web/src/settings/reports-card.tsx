import { call } from '@app/client';
import type { StudymatePaths } from '@app/studymate-contracts';
import { Card, ErrorState, LoadingState, useApi, useFormat } from '@app/ui';
import { useQuery } from '@tanstack/react-query';
import { keys } from '../shared/data.js';
import { useErrorText } from '../shared/error-text.js';
import { useT } from '../shared/i18n.js';

/** The weekly reports, newest first. */
export function ReportsCard() {
  const { t } = useT();
  const api = useApi<StudymatePaths>();
  const format = useFormat();
  const errorText = useErrorText();
  const reports = useQuery({
    queryKey: keys.reports,
    queryFn: () => call(api.GET('/api/v1/studymate/reports')),
  });
  const percent = new Intl.NumberFormat(format.locale, { style: 'percent', maximumFractionDigits: 0 });
  const share = (value: number | null) => (value === null ? '—' : percent.format(value));
  return (
    <Card className="flex flex-col gap-3">
      <h2 className="text-lg font-semibold">{t('reports.title')}</h2>
      {reports.isPending ? (
        <LoadingState />
      ) : reports.isError ? (
        <ErrorState message={errorText(reports.error)} onRetry={() => void reports.refetch()} />
      ) : reports.data.items.length === 0 ? (
        <p className="text-fg-muted">{t('reports.empty')}</p>
      ) : (
        <ul className="flex flex-col divide-y divide-border">
          {reports.data.items.map((report) => (
            <li key={report.weekStart} className="flex flex-col gap-1 py-3">
              <p className="font-semibold">
                {t('reports.week', { date: format.date(`${report.weekStart}T12:00:00Z`) })}
                {report.emailed && (
                  <span className="font-normal text-fg-muted"> · {t('reports.emailed')}</span>
                )}
              </p>
              <p className="text-sm text-fg-muted">
                {t('reports.line', {
                  minutes: format.number(Math.round(report.studySeconds / 60)),
                  reviews: format.number(report.reviews),
                  retention: share(report.retention),
                  quizzes: format.number(report.quizzes),
                  accuracy: share(report.quizAccuracy),
                })}
                {report.bestSubject && ` · ${t('reports.best', { subject: report.bestSubject })}`}
              </p>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
