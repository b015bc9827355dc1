import { z } from 'zod';

/** Languages one can learn or offer here (ISO 639-1), with their names in both UI languages. */
export const languages = {
  ko: { ko: '한국어', en: 'Korean' },
  en: { ko: '영어', en: 'English' },
  ja: { ko: '일본어', en: 'Japanese' },
  zh: { ko: '중국어', en: 'Chinese' },
  es: { ko: '스페인어', en: 'Spanish' },
  fr: { ko: '프랑스어', en: 'French' },
  de: { ko: '독일어', en: 'German' },
  vi: { ko: '베트남어', en: 'Vietnamese' },
} as const;
export const languageCodes = Object.keys(languages) as (keyof typeof languages)[];
export const languageSchema = z.enum(
  languageCodes as [keyof typeof languages, ...(keyof typeof languages)[]],
);
export type Language = z.infer<typeof languageSchema>;

/** CEFR levels, lowest first. */
export const cefrLevels = ['A1', 'A2', 'B1', 'B2', 'C1', 'C2'] as const;
export const cefrLevelSchema = z.enum(cefrLevels);
export type CefrLevel = z.infer<typeof cefrLevelSchema>;

/** The fixed interests everyone picks from (free tags are separate). */
export const interests = {
  films: { ko: '영화', en: 'Films' },
  music: { ko: '음악', en: 'Music' },
  travel: { ko: '여행', en: 'Travel' },
  food: { ko: '요리·음식', en: 'Food & cooking' },
  books: { ko: '독서', en: 'Books' },
  sports: { ko: '스포츠', en: 'Sports' },
  games: { ko: '게임', en: 'Games' },
  tech: { ko: '기술·IT', en: 'Technology' },
  art: { ko: '미술·디자인', en: 'Art & design' },
  business: { ko: '비즈니스', en: 'Business' },
  science: { ko: '과학', en: 'Science' },
  kpop: { ko: 'K-pop', en: 'K-pop' },
  drama: { ko: '드라마', en: 'TV dramas' },
  history: { ko: '역사', en: 'History' },
  fitness: { ko: '운동·건강', en: 'Fitness' },
  pets: { ko: '반려동물', en: 'Pets' },
} as const;
export const interestKeys = Object.keys(interests) as (keyof typeof interests)[];
export const interestSchema = z.enum(interestKeys as [keyof typeof interests, ...(keyof typeof interests)[]]);
export type Interest = z.infer<typeof interestSchema>;

/** Ways of practising a person may prefer. */
export const practiceModes = ['text', 'voice', 'video'] as const;
export const practiceModeSchema = z.enum(practiceModes);
