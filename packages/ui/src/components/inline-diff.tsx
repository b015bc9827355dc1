import { clsx } from 'clsx';
import { type Change, diffChars, diffWords } from 'diff';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

/** Hangul, kana and CJK ideographs: scripts where one word holds several corrections (particles). */
const CLOSE_SCRIPTS = /[\u1100-\u11ff\u3040-\u30ff\u3130-\u318f\u4e00-\u9fff\uac00-\ud7a3]/;

export type DiffGranularity = 'auto' | 'words' | 'chars';

/**
 * The changes from `original` to `corrected` (jsdiff). `auto` compares by characters when either
 * text is Korean, Japanese or Chinese (a corrected particle is one character of a longer word) and
 * by words otherwise (a character diff of English is hard to read).
 */
export function diffParts(
  original: string,
  corrected: string,
  granularity: DiffGranularity = 'auto',
): Change[] {
  const chars =
    granularity === 'chars' ||
    (granularity === 'auto' && (CLOSE_SCRIPTS.test(original) || CLOSE_SCRIPTS.test(corrected)));
  return chars ? diffChars(original, corrected) : diffWords(original, corrected);
}

/**
 * A corrected text shown as one line: what was removed struck through, what was added underlined,
 * the rest as it was. `<del>` and `<ins>` carry the meaning; a hidden word says it to screen readers
 * too (most do not announce the elements).
 */
export function InlineDiff({
  original,
  corrected,
  granularity = 'auto',
  className,
}: {
  original: string;
  corrected: string;
  granularity?: DiffGranularity;
  className?: string;
}) {
  const { t } = useTranslation();
  const parts = useMemo(
    () => diffParts(original, corrected, granularity),
    [original, corrected, granularity],
  );
  if (original === corrected)
    return <p className={clsx('text-fg-muted', className)}>{t('diff.unchanged')}</p>;
  return (
    <p className={clsx('leading-relaxed break-words whitespace-pre-wrap', className)}>
      {parts.map((part, index) =>
        part.removed ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: the parts are a fixed sequence for these texts
          <del key={index} className="rounded-sm bg-danger-soft px-0.5 text-danger line-through decoration-2">
            <span className="sr-only">[{t('diff.removed')}: </span>
            {part.value}
            <span className="sr-only">]</span>
          </del>
        ) : part.added ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: as above
          <ins key={index} className="rounded-sm bg-success-soft px-0.5 text-success underline decoration-2">
            <span className="sr-only">[{t('diff.added')}: </span>
            {part.value}
            <span className="sr-only">]</span>
          </ins>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: as above
          <span key={index}>{part.value}</span>
        ),
      )}
    </p>
  );
}
