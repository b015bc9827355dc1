/** A digit read from the text: an ASCII digit, a Korean number word or a look-alike letter. */
interface DigitUnit {
  digit: string;
  start: number;
  end: number;
}

const KO_DIGITS: Record<string, string> = {
  공: '0',
  영: '0',
  일: '1',
  이: '2',
  삼: '3',
  사: '4',
  오: '5',
  육: '6',
  륙: '6',
  칠: '7',
  팔: '8',
  구: '9',
};
const EN_DIGITS: Record<string, string> = {
  zero: '0',
  oh: '0',
  one: '1',
  two: '2',
  three: '3',
  four: '4',
  five: '5',
  six: '6',
  seven: '7',
  eight: '8',
  nine: '9',
};
const UNIT_RE =
  /\b(?:zero|oh|one|two|three|four|five|six|seven|eight|nine)\b|[0-9]|[공영일이삼사오육륙칠팔구]|[ol]/gu;
/** What may stand between the digits of one number: spaces, dashes, dots, brackets, slashes. */
const GAP_RE = /^[\s\-.,()/+_~·*]{0,3}$/u;
/** Words that say a number is a phone number, for the shapes that are ambiguous alone. */
const CUE_RE = /call|text|phone|cell|number|whatsapp|번호|전화|연락|문자/u;
const isAscii = (ch: string | undefined): boolean => ch !== undefined && ch >= '0' && ch <= '9';
const isSyllable = (ch: string | undefined): boolean => ch !== undefined && ch >= '가' && ch <= '힣';
const isKoDigit = (ch: string | undefined): boolean => ch !== undefined && ch in KO_DIGITS;

/**
 * Korean number words count only where they plausibly spell digits: in a run of two or more
 * (공일공, 오사삼이) or next to an ASCII digit without a word continuing on the other side
 * (공1공-2삼4오); so the 이 of "5678이에요" stays a particle.
 */
function koDigitCounts(text: string, i: number): boolean {
  const prev = text[i - 1];
  const next = text[i + 1];
  if (isKoDigit(prev) || isKoDigit(next)) return true;
  if (isAscii(prev)) return !isSyllable(next);
  if (isAscii(next)) return !isSyllable(prev);
  return false;
}

function digitUnits(text: string): DigitUnit[] {
  const units: DigitUnit[] = [];
  for (const m of text.matchAll(UNIT_RE)) {
    const s = m[0];
    const i = m.index;
    let digit: string | undefined;
    if (s.length > 1) digit = EN_DIGITS[s];
    else if (isAscii(s)) digit = s;
    else if (s === 'o' || s === 'l') {
      if (isAscii(text[i - 1]) || isAscii(text[i + 1])) digit = s === 'o' ? '0' : '1';
    } else if (koDigitCounts(text, i)) digit = KO_DIGITS[s];
    if (digit !== undefined) units.push({ digit, start: i, end: i + s.length });
  }
  return units;
}

/** Whether a digit string, with its group lengths, is shaped like a phone number. */
function isPhone(d: string, groups: number[], plus: boolean, cue: boolean): boolean {
  if (/^01[016789]\d{7,8}$/.test(d)) return true; // Korean mobile
  if (/^820?1[016789]\d{7,8}$/.test(d)) return true; // +82 10 ...
  if (/^0[1-9]\d{7,9}$/.test(d) && (d.length >= 10 || d.startsWith('02'))) {
    // other numbers with a trunk 0 (Korean landlines, 070, UK 07..., Japan 090...), grouped like one
    const last = groups[groups.length - 1] as number;
    return groups.length === 1 || ((groups[0] as number) <= 5 && last >= 4);
  }
  if (plus && d.length >= 8 && d.length <= 15) return true;
  if (/^447\d{9}$/.test(d)) return true; // UK mobile without the plus
  const shape = groups.join('-');
  if (d.length === 10 && shape === '3-3-4' && /^[2-9]/.test(d)) return true; // (415) 555-0132
  if (d.length === 11 && shape === '1-3-3-4' && d.startsWith('1')) return true;
  if (cue && d.length === 10 && groups.length === 1 && /^[2-9]/.test(d)) return true; // "call me 9175550143"
  return false;
}

/** Phone numbers in normalized text, including spaced, spelled-out (공일공, zero one) and mixed forms. */
export function findPhoneNumbers(text: string): string[] {
  const units = digitUnits(text);
  const found: string[] = [];
  let i = 0;
  while (i < units.length) {
    // one run: units joined by short separator gaps; groups split where a gap is non-empty
    const run: DigitUnit[][] = [[units[i] as DigitUnit]];
    let j = i + 1;
    for (; j < units.length; j++) {
      const gap = text.slice((units[j - 1] as DigitUnit).end, (units[j] as DigitUnit).start);
      if (!GAP_RE.test(gap)) break;
      if (gap.length > 0) run.push([]);
      (run[run.length - 1] as DigitUnit[]).push(units[j] as DigitUnit);
    }
    const hit = bestPhone(text, run);
    if (hit) found.push(hit);
    i = j;
  }
  return found;
}

/** The longest sub-run of whole groups that is shaped like a phone number. */
function bestPhone(text: string, groups: DigitUnit[][]): string | undefined {
  const cue = CUE_RE.test(text);
  for (let len = groups.length; len >= 1; len--) {
    for (let a = 0; a + len <= groups.length; a++) {
      const part = groups.slice(a, a + len);
      const flat = part.flat();
      const first = flat[0] as DigitUnit;
      const last = flat[flat.length - 1] as DigitUnit;
      const plus = text.slice(Math.max(0, first.start - 2), first.start).includes('+');
      const digits = flat.map((u) => u.digit).join('');
      if (digits.length < 8 || digits.length > 15) continue;
      if (
        !isPhone(
          digits,
          part.map((g) => g.length),
          plus,
          cue,
        )
      )
        continue;
      const from = plus ? text.lastIndexOf('+', first.start) : first.start;
      return text.slice(text[from - 1] === '(' ? from - 1 : from, last.end);
    }
  }
  return undefined;
}
