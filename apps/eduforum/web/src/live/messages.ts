import type { Translation } from '../i18n.js';

/** The live texts; `ko` has exactly the same keys (the type checks it). */
export const en = {
  title: 'live',
};

export const ko: Translation<typeof en> = {
  title: 'live',
};
