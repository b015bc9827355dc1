// PLACEHOLDER: replaced by the call screen's texts of the other web helper (lm-web2) at merge.
/** Placeholder of the call texts. */
export const callMessages = { en: {}, ko: {} };
