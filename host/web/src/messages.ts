/** The portal's own texts: the i18next namespace `portal` (the admin pages' are loaded with them). */
export const messages = {
  en: {
    nav: { adminConsole: 'Admin' },
  },
  ko: {
    nav: { adminConsole: '관리' },
  },
};
