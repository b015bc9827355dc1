import type { Highlight, Passage } from '@app/studymate-contracts';
import { useT } from '../shared/i18n.js';
import { passageId } from './jump.js';
import { segments } from './segments.js';

/** The material's passages in reading order, with their page and the learner's highlights marked. */
export function Passages({ passages, highlights }: { passages: Passage[]; highlights: Highlight[] }) {
  const { t } = useT();
  return (
    <ol className="flex flex-col gap-3">
      {passages.map((passage) => (
        <li key={passage.ordinal}>
          <article
            id={passageId(passage.ordinal)}
            tabIndex={-1}
            aria-label={t('reader.passageLabel', { n: passage.ordinal + 1 })}
            className="scroll-mt-20 rounded-lg border border-transparent p-3 outline-none focus-visible:border-accent"
          >
            <p className="mb-1 text-xs font-semibold text-fg-muted">
              <span>[{passage.ordinal + 1}]</span>
              {passage.page !== null && <span> · {t('reader.page', { page: passage.page })}</span>}
            </p>
            <p data-passage-text={passage.ordinal} className="leading-7 whitespace-pre-wrap">
              {segments(
                passage.text,
                highlights.filter((h) => h.passage === passage.ordinal),
              ).map((segment) =>
                segment.highlights.length > 0 ? (
                  <mark key={segment.start} className="rounded-sm bg-amber-200 text-slate-900">
                    {segment.text}
                  </mark>
                ) : (
                  <span key={segment.start}>{segment.text}</span>
                ),
              )}
            </p>
          </article>
        </li>
      ))}
    </ol>
  );
}
