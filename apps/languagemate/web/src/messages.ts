import * as admin from './admin/messages.js';
import { callMessages } from './call/messages.js';
import { chatMessages } from './chat/messages.js';
import * as dashboard from './dashboard/messages.js';
import * as home from './home/messages.js';
import * as onboarding from './onboarding/messages.js';
import * as schedule from './schedule/messages.js';
import * as shared from './shared/messages.js';

/** languagemate's texts: the i18next namespace `languagemate` (`useTranslation('languagemate')`), one part per area. */
export const messages = {
  en: {
    ...shared.en,
    ...home.en,
    ...dashboard.en,
    ...schedule.en,
    ...admin.en,
    onboarding: onboarding.en,
    ...chatMessages.en,
    ...callMessages.en,
  },
  ko: {
    ...shared.ko,
    ...home.ko,
    ...dashboard.ko,
    ...schedule.ko,
    ...admin.ko,
    onboarding: onboarding.ko,
    ...chatMessages.ko,
    ...callMessages.ko,
  },
};
