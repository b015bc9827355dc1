import { isHangul } from './lang.js';

const KO_ENDINGS =
  /(?:습니다|니다|어요|아요|에요|예요|해요|세요|네요|군요|죠|었다|았다|였다|했다|한다|된다|이다|없다|있다|같다)$/u;

/**
 * Splits text into sentences without a model: on line breaks, on sentence punctuation followed by
 * space, and (for Korean) after common sentence-final endings (-습니다, -요, -다) followed by space.
 */
export function splitSentences(text: string): string[] {
  const out: string[] = [];
  for (const line of text.split(/\r?\n+/u)) {
    const words = line.split(/\s+/u).filter((w) => w.length > 0);
    let current: string[] = [];
    for (let i = 0; i < words.length; i++) {
      const word = words[i] as string;
      current.push(word);
      const next = words[i + 1];
      if (next !== undefined && endsSentence(word, next)) {
        out.push(current.join(' '));
        current = [];
      }
    }
    if (current.length > 0) out.push(current.join(' '));
  }
  return out;
}

const ABBREVIATIONS = new Set([
  'mr.',
  'mrs.',
  'ms.',
  'dr.',
  'prof.',
  'st.',
  'vs.',
  'e.g.',
  'i.e.',
  'etc.',
  'no.',
]);

function endsSentence(word: string, next: string): boolean {
  if (/[.!?…。！？]+["'”’)\]]*$/u.test(word)) {
    if (ABBREVIATIONS.has(word.toLowerCase())) return false;
    if (/^[a-z]\.$/iu.test(word) || /^\d+\.$/u.test(word)) return false;
    // "3.5" never reaches here (no space); a lower-case Latin next word usually means no break
    const first = next.charCodeAt(0);
    return !(first >= 0x61 && first <= 0x7a);
  }
  const last = word.charCodeAt(word.length - 1);
  return isHangul(last) && KO_ENDINGS.test(word);
}
