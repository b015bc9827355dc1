import { diffWordsWithSpace } from 'diff';

/**
 * The corrected text with what changed marked in place: removed words struck through, added words
 * highlighted. Screen readers hear "removed"/"added" before each change (`labels`), since they do
 * not announce `<del>`/`<ins>` on their own.
 */
export function InlineDiff({
  before,
  after,
  labels,
}: {
  before: string;
  after: string;
  labels: { removed: string; added: string };
}) {
  const parts = diffWordsWithSpace(before, after);
  return (
    <span className="whitespace-pre-wrap break-words">
      {parts.map((part, index) => {
        const key = `${index}-${part.added ? 'a' : part.removed ? 'r' : 'k'}`;
        if (part.removed)
          return (
            <del key={key} className="rounded bg-danger-soft px-0.5 text-danger decoration-2">
              <span className="sr-only">{labels.removed} </span>
              {part.value}
            </del>
          );
        if (part.added)
          return (
            <ins key={key} className="rounded bg-success-soft px-0.5 font-semibold text-success no-underline">
              <span className="sr-only">{labels.added} </span>
              {part.value}
            </ins>
          );
        return <span key={key}>{part.value}</span>;
      })}
    </span>
  );
}
