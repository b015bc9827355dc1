import type { Participation } from '@app/eduforum-contracts';
import { useFormat } from '@app/ui';
import { useT } from '../i18n.js';

const duration = (ms: number) => {
  const s = Math.round(ms / 1000);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
};

/**
 * The professor's live TalkTime: speaking time (from each participant's voice activity), chat
 * messages, poll answers and raised hands per person, pushed by the server as they change.
 */
export function TalkTimePanel({ participants }: { participants: Participation[] }) {
  const { t } = useT();
  const format = useFormat();
  const rows = [...participants].sort((a, b) => b.speakingMs - a.speakingMs || a.name.localeCompare(b.name));
  const longest = Math.max(1, ...rows.map((r) => r.speakingMs));
  if (rows.length === 0) return <p className="text-sm text-fg-muted">{t('live.talktime.empty')}</p>;
  return (
    <table className="w-full text-sm" data-testid="talktime">
      <caption className="mb-2 text-left text-fg-muted">{t('live.talktime.lead')}</caption>
      <thead>
        <tr className="text-left text-fg-muted">
          <th scope="col" className="py-1 font-medium">
            {t('live.talktime.name')}
          </th>
          <th scope="col" className="py-1 font-medium">
            {t('live.talktime.speaking')}
          </th>
          <th scope="col" className="py-1 text-right font-medium">
            {t('live.talktime.chat')}
          </th>
          <th scope="col" className="py-1 text-right font-medium">
            {t('live.talktime.polls')}
          </th>
          <th scope="col" className="py-1 text-right font-medium">
            {t('live.talktime.hands')}
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.userId} className="border-t border-border" data-user={row.userId}>
            <th scope="row" className="py-2 pr-2 text-left font-medium">
              {row.name}
            </th>
            <td className="py-2 pr-2">
              <div className="flex items-center gap-2">
                <span className="w-12 tabular-nums" data-testid="speaking-time">
                  {duration(row.speakingMs)}
                </span>
                <span className="h-2 flex-1 rounded-full bg-surface-muted" aria-hidden="true">
                  <span
                    className="block h-2 rounded-full bg-accent"
                    style={{ width: `${Math.round((row.speakingMs / longest) * 100)}%` }}
                  />
                </span>
              </div>
            </td>
            <td className="py-2 text-right tabular-nums">{format.number(row.chatMessages)}</td>
            <td className="py-2 text-right tabular-nums">{format.number(row.pollAnswers)}</td>
            <td className="py-2 text-right tabular-nums">{format.number(row.handRaises)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
