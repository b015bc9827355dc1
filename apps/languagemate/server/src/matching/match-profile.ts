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
/** Levels kept per person: one per language of the vocabulary. */
export const LANGUAGES = languageCodes.length;

/** The level a person says or was tested at in one language: 1 = A1 ... 6 = C2; 0 = not learning it. */
const B1 = cefrLevels.indexOf('B1') + 1;

if (LANGUAGES > 16 || interestKeys.length > 31 || practiceModes.length > 8)
  throw new Error('match profiles keep languages, interests and modes as 16-, 31- and 8-bit masks');

/** A person as stored (or as a test writes it): what a `ProfileTable` packs. */
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

const NO_TAGS: readonly string[] = Object.freeze([]);

/**
 * What the matcher knows of people, packed column by column so that scoring tens of thousands of
 * candidates walks a few contiguous arrays (one object per person costs a cache miss per field):
 * languages, interests and practice modes as bit masks (bit i = the i-th entry of the contracts'
 * vocabulary), a level per language (1 = A1 ... 6 = C2, the tested level first; 0 = not learning
 * it), the week's UTC half-hour slots as 32-bit words (slot s = bit s % 32 of word s / 32).
 */
export class ProfileTable {
  length = 0;
  userIds: string[] = [];
  natives: Uint16Array;
  targets: Uint16Array;
  /** Languages they can hold a conversation in: native, or learning at B1 or above. */
  speaks: Uint16Array;
  interests: Uint32Array;
  modes: Uint8Array;
  /** Their preference (1/0): favour partners whose level is close to theirs. */
  similarLevel: Uint8Array;
  reliability: Float64Array;
  levels: Uint8Array;
  slots: Uint32Array;
  /** Free tags, normalised for comparison (NFKC, lower case, single spaces). */
  tags: (readonly string[])[] = [];

  constructor(private capacity = 16) {
    this.natives = new Uint16Array(capacity);
    this.targets = new Uint16Array(capacity);
    this.speaks = new Uint16Array(capacity);
    this.interests = new Uint32Array(capacity);
    this.modes = new Uint8Array(capacity);
    this.similarLevel = new Uint8Array(capacity);
    this.reliability = new Float64Array(capacity);
    this.levels = new Uint8Array(capacity * LANGUAGES);
    this.slots = new Uint32Array(capacity * SLOT_WORDS);
  }

  /** Appends a person; returns their row. */
  add(fields: MatchFields): number {
    if (this.length === this.capacity) this.grow();
    const row = this.length++;
    this.write(row, fields);
    return row;
  }

  /** Packs a person into `row` (replacing whoever was there). */
  write(row: number, fields: MatchFields): void {
    const levels = this.levels.subarray(row * LANGUAGES, (row + 1) * LANGUAGES);
    levels.fill(0);
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
    const preferences = preferencesOf(fields.preferences);
    const tags = [...new Set(fields.tags.map(normalizeTag))].filter((tag) => tag.length > 0);
    const reliability = Number.isFinite(fields.reliability) ? fields.reliability : 0;
    this.userIds[row] = fields.userId;
    this.natives[row] = natives;
    this.targets[row] = targets;
    this.speaks[row] = speaks;
    this.interests[row] = maskOf(fields.interests, interestKeys);
    this.modes[row] = maskOf(preferences.modes, practiceModes);
    this.similarLevel[row] = preferences.similarLevel ? 1 : 0;
    this.reliability[row] = Math.min(1, Math.max(0, reliability));
    this.tags[row] = tags.length > 0 ? tags : NO_TAGS;
    const slots = this.slots.subarray(row * SLOT_WORDS, (row + 1) * SLOT_WORDS);
    slots.fill(0);
    const bits = fields.weekSlots;
    for (let i = 0; i < WEEK_SLOTS; i++)
      if (bits.charCodeAt(i) === 49) slots[i >>> 5] = (slots[i >>> 5] ?? 0) | (1 << (i & 31));
  }

  /** Removes a row by moving the last one into it; returns the user id now at `row`, if any. */
  removeAt(row: number): string | undefined {
    const last = --this.length;
    if (row !== last) {
      this.userIds[row] = this.userIds[last] ?? '';
      this.tags[row] = this.tags[last] ?? NO_TAGS;
      for (const column of [
        this.natives,
        this.targets,
        this.speaks,
        this.interests,
        this.modes,
        this.similarLevel,
        this.reliability,
      ])
        column[row] = column[last] ?? 0;
      this.levels.copyWithin(row * LANGUAGES, last * LANGUAGES, (last + 1) * LANGUAGES);
      this.slots.copyWithin(row * SLOT_WORDS, last * SLOT_WORDS, (last + 1) * SLOT_WORDS);
    }
    this.userIds.length = this.length;
    this.tags.length = this.length;
    return row < this.length ? this.userIds[row] : undefined;
  }

  private grow(): void {
    this.capacity *= 2;
    const wider = <T extends Uint8Array | Uint16Array | Uint32Array | Float64Array>(
      old: T,
      make: (n: number) => T,
      stride = 1,
    ): T => {
      const next = make(this.capacity * stride);
      next.set(old);
      return next;
    };
    this.natives = wider(this.natives, (n) => new Uint16Array(n));
    this.targets = wider(this.targets, (n) => new Uint16Array(n));
    this.speaks = wider(this.speaks, (n) => new Uint16Array(n));
    this.interests = wider(this.interests, (n) => new Uint32Array(n));
    this.modes = wider(this.modes, (n) => new Uint8Array(n));
    this.similarLevel = wider(this.similarLevel, (n) => new Uint8Array(n));
    this.reliability = wider(this.reliability, (n) => new Float64Array(n));
    this.levels = wider(this.levels, (n) => new Uint8Array(n), LANGUAGES);
    this.slots = wider(this.slots, (n) => new Uint32Array(n), SLOT_WORDS);
  }
}

/** One person, packed (a row of a table; a lone person is the only row of their own). */
export interface MatchProfile {
  readonly table: ProfileTable;
  readonly row: number;
}

/** Packs one person for the matcher. */
export function matchProfile(fields: MatchFields): MatchProfile {
  const table = new ProfileTable(1);
  return { table, row: table.add(fields) };
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

/** The slot string ('1' = free) of a person's packed week. */
export function slotString(profile: MatchProfile): string {
  const { table, row } = profile;
  let bits = '';
  for (let i = 0; i < WEEK_SLOTS; i++)
    bits += ((table.slots[row * SLOT_WORDS + (i >>> 5)] ?? 0) >>> (i & 31)) & 1 ? '1' : '0';
  return bits;
}

const DEFAULT_PREFERENCES = partnerPreferencesSchema.parse({});

/**
 * The stored preferences (read field by field: the index packs a hundred thousand of them at
 * start); a missing or unreadable field takes its default.
 */
function preferencesOf(stored: unknown): { modes: readonly string[]; similarLevel: boolean } {
  const value = (typeof stored === 'object' && stored !== null ? stored : {}) as {
    modes?: unknown;
    similarLevel?: unknown;
  };
  const modes = Array.isArray(value.modes)
    ? value.modes.filter((m): m is string => typeof m === 'string')
    : DEFAULT_PREFERENCES.modes;
  return {
    modes: modes.length > 0 ? modes : DEFAULT_PREFERENCES.modes,
    similarLevel:
      typeof value.similarLevel === 'boolean' ? value.similarLevel : DEFAULT_PREFERENCES.similarLevel,
  };
}
