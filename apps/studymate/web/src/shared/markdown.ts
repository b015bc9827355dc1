/** A run of card text: plain, bold, italic or code. */
export interface InlinePart {
  kind: 'text' | 'strong' | 'em' | 'code';
  text: string;
}

// Code first (nothing is read inside it), then bold, then italics; `_x_` and `*x*` only at word edges.
const INLINE =
  /`([^`\n]+)`|\*\*([^*\n]+?)\*\*|__([^_\n]+?)__|(?<![\p{L}\p{N}*])\*(?!\s)([^*\n]+?)(?<!\s)\*(?![\p{L}\p{N}*])|(?<![\p{L}\p{N}_])_(?!\s)([^_\n]+?)(?<!\s)_(?![\p{L}\p{N}_])/gu;

/**
 * The small part of Markdown cards use (studymate writes `**answer**`; imported decks may carry
 * `*italics*` and `` `code` ``), as parts to render as elements: nothing is ever read as HTML, so
 * a card cannot inject markup. Anything else stays as typed.
 */
export function inlineParts(text: string): InlinePart[] {
  const parts: InlinePart[] = [];
  let at = 0;
  for (const match of text.matchAll(INLINE)) {
    const index = match.index ?? 0;
    if (index > at) parts.push({ kind: 'text', text: text.slice(at, index) });
    const [, code, bold, boldUnderscore, em, emUnderscore] = match;
    if (code !== undefined) parts.push({ kind: 'code', text: code });
    else if (bold !== undefined || boldUnderscore !== undefined)
      parts.push({ kind: 'strong', text: bold ?? boldUnderscore ?? '' });
    else parts.push({ kind: 'em', text: em ?? emUnderscore ?? '' });
    at = index + match[0].length;
  }
  if (at < text.length) parts.push({ kind: 'text', text: text.slice(at) });
  return parts;
}

/** Paragraphs (split at blank lines), each a list of its lines. */
export function paragraphs(text: string): string[][] {
  return text
    .replace(/\r\n?/g, '\n')
    .trim()
    .split(/\n\s*\n/)
    .map((block) => block.split('\n'))
    .filter((lines) => lines.some((line) => line.trim() !== ''));
}
