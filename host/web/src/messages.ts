/** The portal's own texts: the i18next namespace `portal` (the admin page's are loaded with it). */
export const messages = {
  en: {
    nav: { adminBilling: 'Billing admin' },
  },
  ko: {
    nav: { adminBilling: '결제 관리' },
  },
};
