import type { Translation } from '../i18n.js';

/** The whiteboard texts; `ko` has exactly the same keys (the type checks it). */
export const en = {
  title: 'whiteboard',
};

export const ko: Translation<typeof en> = {
  title: 'whiteboard',
};
