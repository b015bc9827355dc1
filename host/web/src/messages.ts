/** The portal's own texts: the i18next namespace `portal` (the admin pages' are loaded with them). */
export const messages = {
  en: {
    nav: { adminConsole: 'Admin', adminBilling: 'Billing admin' },
  },
  ko: {
    nav: { adminConsole: '관리', adminBilling: '결제 관리' },
  },
};
