import { interestKeys, type MatchReason, practiceModes } from '@app/languagemate-contracts';
import { languagesOf, type MatchProfile, SLOT_WORDS, unpackSlots, valuesOf } from './match-profile.js';
import { slotWindows } from './week-slots.js';

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
export type ScoreParts = { [K in keyof typeof WEIGHTS]: number };

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

/** The pairing of a candidate with the viewer, or null when they are no language partners. */
export function pairing(viewer: MatchProfile, candidate: MatchProfile): Pairing | null {
  const teach = candidate.natives & viewer.targets;
  if (teach === 0) return null;
  const learn = viewer.natives & candidate.targets;
  if (learn !== 0) return { teach, learn, mutual: true };
  return (viewer.speaks & candidate.speaks & ~teach) !== 0 ? { teach, learn: 0, mutual: false } : null;
}

/** Set bits of a 32-bit integer. */
export function popcount(x: number): number {
  let v = x - ((x >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  v = (v + (v >>> 4)) & 0x0f0f0f0f;
  return Math.imul(v, 0x01010101) >>> 24;
}

/** Half-hour slots both are free. */
export function sharedSlotCount(a: MatchProfile, b: MatchProfile): number {
  let count = 0;
  for (let i = 0; i < SLOT_WORDS; i++) count += popcount((a.slots[i] ?? 0) & (b.slots[i] ?? 0));
  return count;
}

/**
 * The smallest gap, in CEFR steps, between the viewer's level in a language the candidate teaches
 * and the candidate's level in a language the viewer teaches (mutual pairings only).
 */
function levelGap(viewer: MatchProfile, candidate: MatchProfile, pair: Pairing): number {
  let gap = MAX_GAP;
  for (let t = 0; t < viewer.levels.length; t++) {
    if (!(pair.teach & (1 << t))) continue;
    for (let l = 0; l < candidate.levels.length; l++) {
      if (!(pair.learn & (1 << l))) continue;
      gap = Math.min(gap, Math.abs((viewer.levels[t] ?? 0) - (candidate.levels[l] ?? 0)));
    }
  }
  return gap;
}

function sharedTags(viewer: MatchProfile, candidate: MatchProfile): string[] {
  if (viewer.tags.length === 0 || candidate.tags.length === 0) return [];
  return candidate.tags.filter((tag) => viewer.tags.includes(tag));
}

/**
 * The parts of a candidate's score for the viewer. Language, level (when both prefer close levels),
 * schedule, interests and modes are the same seen from either side; reliability is the candidate's.
 */
export function scoreParts(viewer: MatchProfile, candidate: MatchProfile, pair: Pairing): ScoreParts {
  const hours = sharedSlotCount(viewer, candidate) / 2;
  const shared = popcount(viewer.interests & candidate.interests) + sharedTags(viewer, candidate).length;
  const fewestModes = Math.min(popcount(viewer.modes), popcount(candidate.modes));
  return {
    language: pair.mutual ? 1 : 0.5,
    schedule: 1 - Math.exp(-hours / SCHEDULE_HOURS_SCALE),
    level: pair.mutual && viewer.similarLevel ? 1 - levelGap(viewer, candidate, pair) / MAX_GAP : NEUTRAL,
    interests: Math.min(shared, INTERESTS_FULL) / INTERESTS_FULL,
    modes: fewestModes === 0 ? 0 : popcount(viewer.modes & candidate.modes) / fewestModes,
    reliability: candidate.reliability,
  };
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

/** The candidate's score for the viewer, or null when they are no language partners. */
export function score(viewer: MatchProfile, candidate: MatchProfile): number | null {
  const pair = pairing(viewer, candidate);
  return pair ? combine(scoreParts(viewer, candidate, pair)) : null;
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
  const shared = new Uint32Array(SLOT_WORDS);
  for (let i = 0; i < SLOT_WORDS; i++) shared[i] = (viewer.slots[i] ?? 0) & (candidate.slots[i] ?? 0);
  const hours = sharedSlotCount(viewer, candidate) / 2;
  const reasons: MatchReason[] = [
    { kind: 'languages', theyTeach: languagesOf(pair.teach), theyLearn: languagesOf(pair.learn) },
  ];
  if (hours > 0) {
    const windows = slotWindows(unpackSlots(shared))
      .sort((a, b) => windowLength(b) - windowLength(a) || a.startUtc - b.startUtc)
      .slice(0, MAX_WINDOWS);
    reasons.push({ kind: 'schedule', hoursPerWeek: hours, windows });
  }
  const interests = valuesOf(viewer.interests & candidate.interests, interestKeys);
  const tags = sharedTags(viewer, candidate);
  if (interests.length > 0 || tags.length > 0)
    reasons.push({ kind: 'interests', shared: interests, sharedTags: tags });
  if (pair.mutual && viewer.similarLevel)
    reasons.push({
      kind: 'level',
      fit: levelGap(viewer, candidate, pair) <= CLOSE_LEVELS ? 'close' : 'apart',
    });
  const modes = valuesOf(viewer.modes & candidate.modes, practiceModes);
  if (modes.length > 0) reasons.push({ kind: 'modes', shared: modes });
  reasons.push({ kind: 'reliability', value: candidate.reliability });
  return { score: combine(scoreParts(viewer, candidate, pair)), sharedHoursPerWeek: hours, reasons };
}
