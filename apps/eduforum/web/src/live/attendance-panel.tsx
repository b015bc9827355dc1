import { call } from '@app/client';
import type { EduforumPaths } from '@app/eduforum-contracts';
import { Badge, Button, LoadingState, saveBlob, useApi, useFormat, useToast } from '@app/ui';
import { useQuery } from '@tanstack/react-query';
import { useErrorText } from '../error-text.js';
import { useT } from '../i18n.js';

const tone = { present: 'success', late: 'neutral', absent: 'danger' } as const;

/** The recap's attendance for staff: who came, when, for how long; CSV download. */
export function AttendancePanel({ sessionId }: { sessionId: string }) {
  const { t } = useT();
  const api = useApi<EduforumPaths>();
  const format = useFormat();
  const toast = useToast();
  const errorText = useErrorText();
  const report = useQuery({
    queryKey: ['eduforum', 'attendance', sessionId],
    queryFn: () =>
      call(api.GET('/api/v1/eduforum/sessions/{sessionId}/attendance', { params: { path: { sessionId } } })),
  });
  const download = async () => {
    try {
      const { data, response } = await api.GET('/api/v1/eduforum/sessions/{sessionId}/attendance/export', {
        params: { path: { sessionId } },
        parseAs: 'blob',
      });
      if (!response.ok || !data) throw new Error(String(response.status));
      saveBlob(data, `attendance-${sessionId}.csv`);
    } catch (error) {
      toast(errorText(error), 'danger');
    }
  };
  if (report.isPending) return <LoadingState />;
  if (report.isError) return <p className="text-sm text-danger">{errorText(report.error)}</p>;
  const counts = { present: 0, late: 0, absent: 0 };
  for (const row of report.data.items) if (row.role === 'student') counts[row.status]++;
  return (
    <div className="flex flex-col gap-3">
      <p className="text-sm">{t('live.attendance.summary', counts)}</p>
      <table className="w-full text-sm">
        <caption className="sr-only">{t('live.attendance.title')}</caption>
        <thead>
          <tr className="text-left text-fg-muted">
            <th className="py-1 pr-2 font-semibold">{t('live.attendance.name')}</th>
            <th className="py-1 pr-2 font-semibold">{t('live.attendance.status')}</th>
            <th className="py-1 pr-2 font-semibold">{t('live.attendance.joined')}</th>
            <th className="py-1 font-semibold">{t('live.attendance.minutes')}</th>
          </tr>
        </thead>
        <tbody>
          {report.data.items.map((row) => (
            <tr key={row.userId} className="border-t border-border">
              <td className="py-1 pr-2">{row.name}</td>
              <td className="py-1 pr-2">
                <Badge tone={tone[row.status]}>{t(`live.attendance.statuses.${row.status}`)}</Badge>
              </td>
              <td className="py-1 pr-2 tabular-nums">
                {row.firstJoinedAt ? format.time(row.firstJoinedAt) : '—'}
              </td>
              <td className="py-1 tabular-nums">{format.number(row.minutes)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <Button variant="secondary" className="self-start" onClick={() => void download()}>
        {t('live.attendance.export')}
      </Button>
    </div>
  );
}
