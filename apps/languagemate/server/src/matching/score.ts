import { interestKeys, type MatchReason, practiceModes } from '@app/languagemate-contracts';
import {
  LANGUAGES,
  languagesOf,
  type MatchProfile,
  type ProfileTable,
  SLOT_WORDS,
  slotString,
  valuesOf,
} from './match-profile.js';
import { sharedSlots, slotWindows, WEEK_SLOTS } from './week-slots.js';

/**
 * How much each part counts; the parts are each in [0, 1], so the score is too.
 * - schedule 0.30: the first complaint about exchange apps is never finding a common time.
 * - language 0.20: 1 for a mutual exchange, 0.5 for a one-way one over a shared third language.
 * - level 0.15, interests 0.15, reliability 0.15: what makes a conversation last.
 * - modes 0.05: a preference, easily bridged (text partners also call).
 */
export const WEIGHTS = {
  language: 0.2,
  schedule: 0.3,
  level: 0.15,
  interests: 0.15,
  modes: 0.05,
  reliability: 0.15,
} as const;

/** Hours of shared weekly time at which the schedule part reaches 1 - 1/e (about 0.63). */
const SCHEDULE_HOURS_SCALE = 4;
/** Shared interests and tags at which the interests part is full. */
const INTERESTS_FULL = 4;
/** Level gaps of at most this many CEFR steps are "close". */
const CLOSE_LEVELS = 1;
/** The largest CEFR gap (A1 to C2). */
const MAX_GAP = 5;
/** The part given where a preference does not apply: neither favours nor disfavours anyone. */
const NEUTRAL = 0.5;
/** Schedule windows a suggestion explains itself with. */
const MAX_WINDOWS = 3;
const WEEK_MIN = 7 * 24 * 60;

/** Each part of a score, in [0, 1]. */
export type ScoreParts = { -readonly [K in keyof typeof WEIGHTS]: number };

/**
 * How two people's languages fit, seen from the viewer. `teach`: languages the candidate speaks
 * natively that the viewer learns; `learn`: languages the viewer speaks natively that the candidate
 * learns. Mutual when both are non-empty. The "or a shared third language" is read as a
 * one-way exchange: the candidate natively speaks what the viewer learns, and the two share another
 * language to fall back on (both native in it, or one native and the other at B1+, or both at B1+).
 */
export interface Pairing {
  readonly teach: number;
  readonly learn: number;
  readonly mutual: boolean;
}

/** Whether `teach`/`learn` make a pairing: mutual, or one way over a shared third language. */
function pairs(
  vt: ProfileTable,
  v: number,
  ct: ProfileTable,
  c: number,
  teach: number,
  learn: number,
): boolean {
  return teach !== 0 && (learn !== 0 || ((vt.speaks[v] ?? 0) & (ct.speaks[c] ?? 0) & ~teach) !== 0);
}

/** The pairing of a candidate with the viewer, or null when they are no language partners. */
export function pairing(viewer: MatchProfile, candidate: MatchProfile): Pairing | null {
  const { table: vt, row: v } = viewer;
  const { table: ct, row: c } = candidate;
  const teach = (ct.natives[c] ?? 0) & (vt.targets[v] ?? 0);
  const learn = (vt.natives[v] ?? 0) & (ct.targets[c] ?? 0);
  return pairs(vt, v, ct, c, teach, learn) ? { teach, learn, mutual: learn !== 0 } : null;
}

/** Set bits of a 32-bit integer. */
export function popcount(x: number): number {
  let v = x - ((x >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  v = (v + (v >>> 4)) & 0x0f0f0f0f;
  return Math.imul(v, 0x01010101) >>> 24;
}

/** Index of the lowest set bit. */
const lowestBit = (x: number) => 31 - Math.clz32(x & -x);

/** Half-hour slots both are free. */
function sharedSlotCount(vt: ProfileTable, v: number, ct: ProfileTable, c: number): number {
  const a = vt.slots;
  const b = ct.slots;
  const i0 = v * SLOT_WORDS;
  const j0 = c * SLOT_WORDS;
  let count = 0;
  for (let k = 0; k < SLOT_WORDS; k++) count += popcount((a[i0 + k] ?? 0) & (b[j0 + k] ?? 0));
  return count;
}

/** The schedule part for each count of shared half-hour slots (the curve, tabulated once). */
const SCHEDULE_PART = Float64Array.from(
  { length: WEEK_SLOTS + 1 },
  (_, slots) => 1 - Math.exp(-slots / 2 / SCHEDULE_HOURS_SCALE),
);

/**
 * The smallest gap, in CEFR steps, between the viewer's level in a language the candidate teaches
 * and the candidate's level in a language the viewer teaches (mutual pairings only).
 */
function levelGap(
  vt: ProfileTable,
  v: number,
  ct: ProfileTable,
  c: number,
  teach: number,
  learn: number,
): number {
  let gap = MAX_GAP;
  for (let t = teach; t !== 0; t &= t - 1) {
    const mine = vt.levels[v * LANGUAGES + lowestBit(t)] ?? 0;
    for (let l = learn; l !== 0; l &= l - 1)
      gap = Math.min(gap, Math.abs(mine - (ct.levels[c * LANGUAGES + lowestBit(l)] ?? 0)));
  }
  return gap;
}

function sharedTags(vt: ProfileTable, v: number, ct: ProfileTable, c: number): readonly string[] {
  const mine = vt.tags[v] ?? [];
  const theirs = ct.tags[c] ?? [];
  return mine.length === 0 || theirs.length === 0 ? [] : theirs.filter((tag) => mine.includes(tag));
}

/** Writes the parts into `out` (the ranking reuses one object for every candidate). */
function fillParts(
  vt: ProfileTable,
  v: number,
  ct: ProfileTable,
  c: number,
  teach: number,
  learn: number,
  out: ScoreParts,
): ScoreParts {
  const mutual = learn !== 0;
  const myModes = vt.modes[v] ?? 0;
  const theirModes = ct.modes[c] ?? 0;
  const fewestModes = Math.min(popcount(myModes), popcount(theirModes));
  const tags =
    (vt.tags[v]?.length ?? 0) > 0 && (ct.tags[c]?.length ?? 0) > 0 ? sharedTags(vt, v, ct, c).length : 0;
  const shared = popcount((vt.interests[v] ?? 0) & (ct.interests[c] ?? 0)) + tags;
  out.language = mutual ? 1 : 0.5;
  out.schedule = SCHEDULE_PART[sharedSlotCount(vt, v, ct, c)] ?? 1;
  out.level = mutual && vt.similarLevel[v] ? 1 - levelGap(vt, v, ct, c, teach, learn) / MAX_GAP : NEUTRAL;
  out.interests = Math.min(shared, INTERESTS_FULL) / INTERESTS_FULL;
  out.modes = fewestModes === 0 ? 0 : popcount(myModes & theirModes) / fewestModes;
  out.reliability = ct.reliability[c] ?? 0;
  return out;
}

/**
 * The parts of a candidate's score for the viewer. Language, level (when both prefer close levels),
 * schedule, interests and modes are the same seen from either side; reliability is the candidate's.
 */
export function scoreParts(viewer: MatchProfile, candidate: MatchProfile, pair: Pairing): ScoreParts {
  const parts = { language: 0, schedule: 0, level: 0, interests: 0, modes: 0, reliability: 0 };
  return fillParts(viewer.table, viewer.row, candidate.table, candidate.row, pair.teach, pair.learn, parts);
}

/** The weighted sum of the parts, in [0, 1]. */
export function combine(parts: ScoreParts): number {
  return (
    WEIGHTS.language * parts.language +
    WEIGHTS.schedule * parts.schedule +
    WEIGHTS.level * parts.level +
    WEIGHTS.interests * parts.interests +
    WEIGHTS.modes * parts.modes +
    WEIGHTS.reliability * parts.reliability
  );
}

const scratch: ScoreParts = { language: 0, schedule: 0, level: 0, interests: 0, modes: 0, reliability: 0 };

/**
 * The score of row `c` of `ct` for the viewer at row `v` of `vt`, or -1 when they are no language
 * partners. The ranking calls it for every candidate (tens of thousands), so it allocates nothing.
 */
export function scoreRow(vt: ProfileTable, v: number, ct: ProfileTable, c: number): number {
  const teach = (ct.natives[c] ?? 0) & (vt.targets[v] ?? 0);
  const learn = (vt.natives[v] ?? 0) & (ct.targets[c] ?? 0);
  if (!pairs(vt, v, ct, c, teach, learn)) return -1;
  return combine(fillParts(vt, v, ct, c, teach, learn, scratch));
}

/** The candidate's score for the viewer, or null when they are no language partners. */
export function score(viewer: MatchProfile, candidate: MatchProfile): number | null {
  const value = scoreRow(viewer.table, viewer.row, candidate.table, candidate.row);
  return value < 0 ? null : value;
}

/** A scored suggestion with the reasons the web words for the viewer. */
export interface Explained {
  readonly score: number;
  readonly sharedHoursPerWeek: number;
  readonly reasons: MatchReason[];
}

/** Length of a window that may wrap past Sunday. */
const windowLength = (w: { startUtc: number; endUtc: number }) =>
  w.endUtc > w.startUtc ? w.endUtc - w.startUtc : w.endUtc + WEEK_MIN - w.startUtc;

/**
 * Why the candidate is suggested: languages always; shared time (the longest windows first, at most
 * three) when there is any; shared interests and tags, shared practice modes when any; the level
 * fit when the viewer prefers close levels in a mutual exchange; the candidate's reliability.
 */
export function explain(viewer: MatchProfile, candidate: MatchProfile): Explained | null {
  const pair = pairing(viewer, candidate);
  if (!pair) return null;
  const { table: vt, row: v } = viewer;
  const { table: ct, row: c } = candidate;
  const hours = sharedSlotCount(vt, v, ct, c) / 2;
  const reasons: MatchReason[] = [
    { kind: 'languages', theyTeach: languagesOf(pair.teach), theyLearn: languagesOf(pair.learn) },
  ];
  if (hours > 0) {
    const windows = slotWindows(sharedSlots(slotString(viewer), slotString(candidate)))
      .sort((a, b) => windowLength(b) - windowLength(a) || a.startUtc - b.startUtc)
      .slice(0, MAX_WINDOWS);
    reasons.push({ kind: 'schedule', hoursPerWeek: hours, windows });
  }
  const interests = valuesOf((vt.interests[v] ?? 0) & (ct.interests[c] ?? 0), interestKeys);
  const tags = [...sharedTags(vt, v, ct, c)];
  if (interests.length > 0 || tags.length > 0)
    reasons.push({ kind: 'interests', shared: interests, sharedTags: tags });
  if (pair.mutual && vt.similarLevel[v])
    reasons.push({
      kind: 'level',
      fit: levelGap(vt, v, ct, c, pair.teach, pair.learn) <= CLOSE_LEVELS ? 'close' : 'apart',
    });
  const modes = valuesOf((vt.modes[v] ?? 0) & (ct.modes[c] ?? 0), practiceModes);
  if (modes.length > 0) reasons.push({ kind: 'modes', shared: modes });
  reasons.push({ kind: 'reliability', value: ct.reliability[c] ?? 0 });
  return { score: combine(scoreParts(viewer, candidate, pair)), sharedHoursPerWeek: hours, reasons };
}
