import * as cards from './cards/messages.js';
import * as home from './home/messages.js';
import * as materials from './materials/messages.js';
import * as quizzes from './quizzes/messages.js';
import * as review from './review/messages.js';
import * as settings from './settings/messages.js';
import * as shared from './shared/messages.js';
import * as subjects from './subjects/messages.js';

/** studymate's texts: the i18next namespace `studymate` (`useTranslation('studymate')`), one part per area. */
export const messages = {
  en: {
    ...shared.en,
    ...home.en,
    ...subjects.en,
    ...materials.en,
    ...quizzes.en,
    ...review.en,
    ...cards.en,
    ...settings.en,
  },
  ko: {
    ...shared.ko,
    ...home.ko,
    ...subjects.ko,
    ...materials.ko,
    ...quizzes.ko,
    ...review.ko,
    ...cards.ko,
    ...settings.ko,
  },
};
