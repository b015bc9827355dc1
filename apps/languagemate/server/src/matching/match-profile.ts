import {
  cefrLevels,
  interestKeys,
  type Language,
  languageCodes,
  partnerPreferencesSchema,
  practiceModes,
} from '@app/languagemate-contracts';
import { WEEK_SLOTS } from './week-slots.js';

/** 32-bit words holding a week of half-hour slots (336 bits; the last word's top 16 bits stay 0). */
export const SLOT_WORDS = Math.ceil(WEEK_SLOTS / 32);

/** The level a person says or was tested at in one language: 1 = A1 ... 6 = C2; 0 = not learning it. */
const B1 = cefrLevels.indexOf('B1') + 1;

if (languageCodes.length > 31 || interestKeys.length > 31 || practiceModes.length > 31)
  throw new Error('match profiles keep languages, interests and modes as 31-bit masks');

/**
 * What the matcher knows of one person, packed for scoring many candidates fast: languages,
 * interests and practice modes as bit masks (bit i = the i-th entry of the contracts' vocabulary),
 * levels per language, and the week's UTC half-hour slots as 32-bit words (slot i = bit i % 32 of
 * word i / 32).
 */
export interface MatchProfile {
  readonly userId: string;
  readonly natives: number;
  readonly targets: number;
  /** Per language index: 1 = A1 ... 6 = C2 for a language they learn (tested level first), else 0. */
  readonly levels: Uint8Array;
  /** Languages they can hold a conversation in: native, or learning at B1 or above. */
  readonly speaks: number;
  readonly interests: number;
  /** Free tags, normalised for comparison (NFKC, lower case, single spaces). */
  readonly tags: readonly string[];
  readonly modes: number;
  /** Their preference: favour partners whose level is close to theirs. */
  readonly similarLevel: boolean;
  readonly slots: Uint32Array;
  readonly reliability: number;
}

/** A person as stored (or as a test writes it): what `matchProfile` packs. */
export interface MatchFields {
  readonly userId: string;
  readonly nativeLanguages: readonly string[];
  readonly targets: readonly { readonly language: string; readonly level: string }[];
  readonly interests: readonly string[];
  readonly tags: readonly string[];
  /** The stored preferences (jsonb); anything unreadable counts as the defaults. */
  readonly preferences: unknown;
  /** 336 characters '0'/'1', slot 0 first (as PostgreSQL prints a `bit(336)`). */
  readonly weekSlots: string;
  readonly reliability: number;
  readonly testedLevel?: string | null;
  readonly testedLanguage?: string | null;
}

/** Bit i set for every value that is the i-th entry of `vocabulary`; unknown values are ignored. */
export function maskOf(values: readonly string[], vocabulary: readonly string[]): number {
  let mask = 0;
  for (const value of values) {
    const index = vocabulary.indexOf(value);
    if (index >= 0) mask |= 1 << index;
  }
  return mask;
}

/** The entries of `vocabulary` whose bits are set in `mask`. */
export function valuesOf<T extends string>(mask: number, vocabulary: readonly T[]): T[] {
  return vocabulary.filter((_, index) => (mask & (1 << index)) !== 0);
}

/** Languages of a mask, in the contracts' order. */
export const languagesOf = (mask: number): Language[] => valuesOf(mask, languageCodes);

/** A tag as compared with others: `K-Drama ` and `k-drama` are the same tag. */
export function normalizeTag(tag: string): string {
  return tag.normalize('NFKC').trim().toLowerCase().replace(/\s+/g, ' ');
}

/** Packs a slot string ('1' = free) into 32-bit words. */
export function packSlots(bits: string): Uint32Array {
  const words = new Uint32Array(SLOT_WORDS);
  for (let i = 0; i < WEEK_SLOTS; i++)
    if (bits[i] === '1') words[i >>> 5] = (words[i >>> 5] ?? 0) | (1 << (i & 31));
  return words;
}

/** The slot string of packed words (the inverse of `packSlots`). */
export function unpackSlots(words: Uint32Array): string {
  let bits = '';
  for (let i = 0; i < WEEK_SLOTS; i++) bits += ((words[i >>> 5] ?? 0) >>> (i & 31)) & 1 ? '1' : '0';
  return bits;
}

/** Packs a stored person for the matcher. */
export function matchProfile(fields: MatchFields): MatchProfile {
  const levels = new Uint8Array(languageCodes.length);
  let targets = 0;
  for (const target of fields.targets) {
    const language = languageCodes.indexOf(target.language as Language);
    const level = cefrLevels.indexOf(target.level as (typeof cefrLevels)[number]);
    if (language < 0 || level < 0) continue;
    targets |= 1 << language;
    levels[language] = level + 1;
  }
  // The AI level test, when taken for a language they learn, outranks the self-assessment.
  const tested = languageCodes.indexOf(fields.testedLanguage as Language);
  const testedLevel = cefrLevels.indexOf(fields.testedLevel as (typeof cefrLevels)[number]);
  if (tested >= 0 && testedLevel >= 0 && levels[tested]) levels[tested] = testedLevel + 1;
  const natives = maskOf(fields.nativeLanguages, languageCodes);
  let speaks = natives;
  levels.forEach((level, language) => {
    if (level >= B1) speaks |= 1 << language;
  });
  const preferences = partnerPreferencesSchema.safeParse(fields.preferences ?? {});
  const { modes, similarLevel } = preferences.success ? preferences.data : partnerPreferencesSchema.parse({});
  return {
    userId: fields.userId,
    natives,
    targets,
    levels,
    speaks,
    interests: maskOf(fields.interests, interestKeys),
    tags: [...new Set(fields.tags.map(normalizeTag))].filter((tag) => tag.length > 0),
    modes: maskOf(modes, practiceModes),
    similarLevel,
    slots: packSlots(fields.weekSlots),
    reliability: Math.min(1, Math.max(0, Number.isFinite(fields.reliability) ? fields.reliability : 0)),
  };
}
