import type { Translation } from '../i18n.js';

/** The courses texts; `ko` has exactly the same keys (the type checks it). */
export const en = {
  title: 'courses',
};

export const ko: Translation<typeof en> = {
  title: 'courses',
};
