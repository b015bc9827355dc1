import { readFileSync } from 'node:fs';
import { detectContactInfo } from '../safety/contact.js';
import { detectSolicitation } from '../safety/solicitation.js';
import { confusion, perClassScores } from './metrics.js';

/** One labelled line of `data/safety-lines.tsv`. */
export interface SafetyLine {
  text: string;
  lang: string;
  contact: number;
  solicitation: number;
  /** `tune`: the rules were tuned on it; `held`: written before the rules, only measured. */
  part: string;
}

/** Parses the labelled safety lines (TSV with a header row). */
export function parseSafetyLines(tsv: string): SafetyLine[] {
  const [header, ...lines] = tsv.split('\n').filter((l) => l.length > 0);
  if (header !== 'text\tlang\tcontact\tsolicitation\tpart')
    throw new Error('safety-lines: unexpected header');
  return lines.map((line, i) => {
    const [text, lang, contact, solicitation, part] = line.split('\t');
    if (
      text === undefined ||
      part === undefined ||
      !/^[01]$/.test(`${contact}`) ||
      !/^[01]$/.test(`${solicitation}`)
    )
      throw new Error(`safety-lines: bad line ${i + 2}`);
    return { text, lang: lang ?? '', contact: Number(contact), solicitation: Number(solicitation), part };
  });
}

function row(name: string, gold: number[], pred: number[]): string {
  const s = perClassScores(confusion(gold, pred, 2))[1];
  const p = pred.filter((v) => v === 1).length;
  const fmt = (v: number | undefined): string => (v ?? 0).toFixed(3);
  return `| ${name} | ${gold.length} | ${s?.support ?? 0} | ${p} | ${fmt(s?.precision)} | ${fmt(s?.recall)} | ${fmt(s?.f1)} |`;
}

/** Precision/recall/F1 of the contact and solicitation rules on each part of the labelled lines. */
export function evaluateSafetyRules(file: string): { markdown: string; rows: number } {
  const lines = parseSafetyLines(readFileSync(file, 'utf8'));
  const predicted = lines.map((l) => ({
    contact: detectContactInfo(l.text).length > 0 ? 1 : 0,
    solicitation: detectSolicitation(l.text).length > 0 ? 1 : 0,
  }));
  const table: string[] = [
    '| rule / part | lines | positives | flagged | precision | recall | F1 |',
    '|---|---|---|---|---|---|---|',
  ];
  const parts: Array<[string, (l: SafetyLine) => boolean]> = [
    ['held', (l) => l.part === 'held'],
    ['tune', (l) => l.part === 'tune'],
    ['all', () => true],
    ['held, ko', (l) => l.part === 'held' && l.lang === 'ko'],
    ['held, en', (l) => l.part === 'held' && l.lang === 'en'],
  ];
  for (const rule of ['contact', 'solicitation'] as const) {
    for (const [name, keep] of parts) {
      const idx = lines.map((l, i) => (keep(l) ? i : -1)).filter((i) => i >= 0);
      table.push(
        row(
          `${rule}, ${name}`,
          idx.map((i) => (lines[i] as SafetyLine)[rule]),
          idx.map((i) => (predicted[i] as { contact: number; solicitation: number })[rule]),
        ),
      );
    }
  }
  const misses = lines
    .map((l, i) => ({ l, p: predicted[i] as { contact: number; solicitation: number } }))
    .filter(({ l, p }) => l.part === 'held' && (l.contact !== p.contact || l.solicitation !== p.solicitation))
    .map(({ l, p }) => {
      const what = [
        l.contact !== p.contact ? `contact ${p.contact ? 'FP' : 'FN'}` : '',
        l.solicitation !== p.solicitation ? `solicitation ${p.solicitation ? 'FP' : 'FN'}` : '',
      ]
        .filter(Boolean)
        .join(', ');
      return `- ${what}: \`${l.text.replace(/`/g, "'")}\``;
    });
  const markdown = `${table.join('\n')}

Errors on the held part (${misses.length}):

${misses.length > 0 ? misses.join('\n') : '- none'}`;
  return { markdown, rows: lines.length };
}
