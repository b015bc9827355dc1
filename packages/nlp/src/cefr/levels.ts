/** CEFR levels, ordered. Index + 1 is the numeric level used inside models (1 = A1 ... 6 = C2). */
export const CEFR_LEVELS = ['A1', 'A2', 'B1', 'B2', 'C1', 'C2'] as const;

/** One CEFR level name. */
export type CefrLevel = (typeof CEFR_LEVELS)[number];

/** Level name for a number 1..6 (clamped and rounded). */
export function levelName(n: number): CefrLevel {
  const i = Math.min(6, Math.max(1, Math.round(Number.isFinite(n) ? n : 1))) - 1;
  return CEFR_LEVELS[i] as CefrLevel;
}

/** Numeric level 1..6 of a level name, or undefined for anything else. */
export function levelNumber(name: string): number | undefined {
  const i = (CEFR_LEVELS as readonly string[]).indexOf(name.toUpperCase());
  return i < 0 ? undefined : i + 1;
}
