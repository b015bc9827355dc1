import { splitSentences } from '@app/nlp';
import type { PageText } from './extract.js';

/** Longest passage: longer paragraphs are cut at sentence ends. */
export const PASSAGE_MAX_CHARS = 1_200;
/** Most passages one material keeps (a 100-page PDF is about 1,000). */
export const PASSAGES_MAX = 5_000;

export interface PassageText {
  readonly ordinal: number;
  readonly page: number | null;
  readonly text: string;
}

/**
 * Cuts a document's pages into passages: paragraphs (blank lines; in PDFs, where lines are broken
 * at the page width, lines are joined until a line ends a sentence and the next starts a new one),
 * long paragraphs cut at sentence ends. Each passage keeps its page, so a card or a summary can
 * point back to "page 12".
 */
export function toPassages(pages: readonly PageText[]): PassageText[] {
  const passages: PassageText[] = [];
  for (const { page, text } of pages) {
    for (const paragraph of paragraphs(text)) {
      for (const piece of cut(paragraph)) {
        if (passages.length >= PASSAGES_MAX) return passages;
        passages.push({ ordinal: passages.length, page, text: piece });
      }
    }
  }
  return passages;
}

function paragraphs(text: string): string[] {
  const normalised = text.replace(/\r\n?/g, '\n').replace(/[\t\f\v ]+/g, ' ');
  const out: string[] = [];
  for (const block of normalised.split(/\n\s*\n/)) {
    const lines = block
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean);
    let current = '';
    for (const line of lines) {
      if (current && /[.!?。:)"”'’]$/u.test(current) && /^[\p{Lu}\p{Lo}\d"“(-]/u.test(line)) {
        out.push(current);
        current = line;
      } else if (current.endsWith('-') && /^\p{Ll}/u.test(line)) {
        current = current.slice(0, -1) + line;
      } else {
        current = current ? `${current} ${line}` : line;
      }
    }
    if (current) out.push(current);
  }
  return out.filter((paragraph) => /\p{L}|\p{N}/u.test(paragraph));
}

function cut(paragraph: string): string[] {
  if (paragraph.length <= PASSAGE_MAX_CHARS) return [paragraph];
  const pieces: string[] = [];
  let current = '';
  for (const sentence of splitSentences(paragraph)) {
    if (current && current.length + sentence.length + 1 > PASSAGE_MAX_CHARS) {
      pieces.push(current);
      current = '';
    }
    // A single sentence longer than the limit is cut at a space.
    let rest = sentence;
    while (rest.length > PASSAGE_MAX_CHARS) {
      const at = rest.lastIndexOf(' ', PASSAGE_MAX_CHARS);
      const end = at > PASSAGE_MAX_CHARS / 2 ? at : PASSAGE_MAX_CHARS;
      pieces.push(rest.slice(0, end).trim());
      rest = rest.slice(end).trim();
    }
    current = current ? `${current} ${rest}` : rest;
  }
  if (current) pieces.push(current);
  return pieces;
}
