import type { Analysis, Passage } from '@app/studymate-contracts';
import { Card } from '@app/ui';
import { useT } from '../shared/i18n.js';
import { jumpToPassage, passageId } from './jump.js';

/** The summary, each sentence with links to the passages it was drawn from, and the key terms. */
export function Summary({ analysis, passages }: { analysis: Analysis; passages: Passage[] }) {
  const { t } = useT();
  const pageOf = new Map(passages.map((p) => [p.ordinal, p.page]));
  const citationLabel = (ordinal: number) => {
    const page = pageOf.get(ordinal);
    return page === null || page === undefined
      ? t('reader.citeLabel', { n: ordinal + 1 })
      : t('reader.citeLabelPage', { n: ordinal + 1, page });
  };
  return (
    <Card className="flex flex-col gap-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 className="text-lg font-semibold">{t('reader.summary')}</h2>
        <p className="text-sm text-fg-muted">
          {analysis.provider === 'local'
            ? t('reader.byLocal')
            : t('reader.byAi', { provider: analysis.provider })}
        </p>
      </div>
      {analysis.summary.length === 0 ? (
        <p className="text-fg-muted">{t('reader.noSummary')}</p>
      ) : (
        <ul className="flex flex-col gap-2">
          {analysis.summary.map((sentence) => (
            <li key={sentence.text} className="leading-7">
              {sentence.text}{' '}
              {sentence.passages.map((ordinal) => (
                <a
                  key={ordinal}
                  href={`#${passageId(ordinal)}`}
                  aria-label={citationLabel(ordinal)}
                  title={citationLabel(ordinal)}
                  onClick={(event) => {
                    event.preventDefault();
                    jumpToPassage(ordinal);
                  }}
                  className="mx-0.5 inline-flex min-h-6 min-w-6 items-center justify-center rounded px-1 align-super text-xs font-semibold text-accent underline underline-offset-2 hover:bg-surface-muted"
                >
                  [{ordinal + 1}]
                </a>
              ))}
            </li>
          ))}
        </ul>
      )}
      <div className="flex flex-col gap-2">
        <h3 className="font-semibold">{t('reader.keyTerms')}</h3>
        {analysis.keyTerms.length === 0 ? (
          <p className="text-fg-muted">{t('reader.noTerms')}</p>
        ) : (
          <ul className="flex flex-wrap gap-2">
            {analysis.keyTerms.map((term) => (
              <li key={term.term}>
                {term.passage === null ? (
                  <span className="inline-flex min-h-9 items-center rounded-full border border-border px-3 text-sm">
                    {term.term}
                  </span>
                ) : (
                  <button
                    type="button"
                    onClick={() => term.passage !== null && jumpToPassage(term.passage)}
                    aria-label={t('reader.termJump', { term: term.term, n: term.passage + 1 })}
                    className="inline-flex min-h-9 items-center rounded-full border border-accent px-3 text-sm font-semibold text-accent hover:bg-surface-muted"
                  >
                    {term.term}
                  </button>
                )}
              </li>
            ))}
          </ul>
        )}
      </div>
    </Card>
  );
}
