import i18next, { type i18n } from 'i18next';
import LanguageDetector from 'i18next-browser-languagedetector';
import { initReactI18next } from 'react-i18next';
import { en } from './en.js';
import { ko } from './ko.js';

export const languages = ['ko', 'en'] as const;
export type Language = (typeof languages)[number];

/** Where the chosen language is remembered (shared by every app of the origin). */
export const LANGUAGE_STORAGE_KEY = 'campus.language';

/**
 * One i18next instance for the page: the language comes from the user's earlier choice, else from
 * the browser (ko-KR -> ko), else English. `<html lang>` follows it, for screen readers and for
 * Korean line breaking (styles.css).
 */
export function createI18n(): i18n {
  const instance = i18next.createInstance();
  instance
    .use(LanguageDetector)
    .use(initReactI18next)
    .init({
      resources: { en: { translation: en }, ko: { translation: ko } },
      supportedLngs: [...languages],
      nonExplicitSupportedLngs: true,
      load: 'languageOnly',
      fallbackLng: 'en',
      interpolation: { escapeValue: false },
      detection: {
        order: ['localStorage', 'navigator'],
        lookupLocalStorage: LANGUAGE_STORAGE_KEY,
        caches: ['localStorage'],
      },
      initAsync: false,
      react: { useSuspense: false },
    });
  const applyLang = (language: string) => {
    document.documentElement.lang = currentLanguage(language);
  };
  applyLang(instance.language);
  instance.on('languageChanged', applyLang);
  return instance;
}

/** The supported language a detected one maps to (`ko-KR` -> `ko`). */
export function currentLanguage(language: string | undefined): Language {
  return language?.toLowerCase().startsWith('ko') ? 'ko' : 'en';
}

/** Same keys, strings in another language: what an app's `ko` texts must be for its `en` ones. */
export type Translation<T> = { [K in keyof T]: T[K] extends string ? string : Translation<T[K]> };
