// PLACEHOLDER: replaced by the conversation screen's texts of the other web helper (lm-web2) at merge.
/** Placeholder of the conversation texts. */
export const chatMessages = { en: {}, ko: {} };
