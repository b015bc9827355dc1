import type { Poll, PollResults } from '@app/eduforum-contracts';
import { useFormat } from '@app/ui';
import { useT } from '../i18n.js';

/** A poll's aggregate as labelled bars (counts and shares), plus open-text answers. */
export function PollResultsView({
  poll,
  results,
  names,
}: {
  poll: Poll;
  results: PollResults;
  names?: Record<string, string>;
}) {
  const { t } = useT();
  const format = useFormat();
  const max = Math.max(1, results.voters);
  return (
    <div className="flex flex-col gap-2" data-testid={`poll-results-${poll.id}`}>
      <p className="text-sm text-fg-muted" aria-live="polite">
        {t('live.polls.voters', { count: results.voters })}
      </p>
      {poll.kind !== 'text' ? (
        <ul className="flex flex-col gap-2">
          {poll.options.map((option) => {
            const count = results.counts[option.id] ?? 0;
            const share = Math.round((count / max) * 100);
            return (
              <li key={option.id}>
                <div className="flex justify-between gap-2 text-sm">
                  <span>
                    {option.text}
                    {option.correct && (
                      <span className="ml-1 font-semibold text-success">✓ {t('live.polls.correct')}</span>
                    )}
                  </span>
                  <span className="tabular-nums">
                    {format.number(count)} · {share}%
                  </span>
                </div>
                <div className="mt-1 h-2 rounded-full bg-surface-muted" aria-hidden="true">
                  <div className="h-2 rounded-full bg-accent" style={{ width: `${share}%` }} />
                </div>
              </li>
            );
          })}
        </ul>
      ) : (
        <ul className="flex max-h-60 flex-col gap-1 overflow-y-auto">
          {results.texts.length === 0 && (
            <li className="text-sm text-fg-muted">{t('live.polls.noAnswers')}</li>
          )}
          {results.texts.map((answer, index) => (
            // Answers have no id; their order is stable between updates.
            // biome-ignore lint/suspicious/noArrayIndexKey: see above
            <li key={index} className="rounded bg-surface-muted px-2 py-1 text-sm">
              {answer.text}
              {answer.userId && names?.[answer.userId] && (
                <span className="ml-2 text-fg-muted">— {names[answer.userId]}</span>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
