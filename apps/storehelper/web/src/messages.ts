import * as dashboard from './dashboard/messages.js';
import * as importing from './import/messages.js';
import * as inbox from './inbox/messages.js';
import * as reports from './reports/messages.js';
import * as settings from './settings/messages.js';
import * as shared from './shared/messages.js';
import * as store from './store/messages.js';

/** storehelper's texts: the i18next namespace `storehelper` (`useTranslation('storehelper')`), one part per area. */
export const messages = {
  en: {
    ...shared.en,
    ...store.en,
    ...inbox.en,
    ...dashboard.en,
    ...importing.en,
    ...settings.en,
    ...reports.en,
  },
  ko: {
    ...shared.ko,
    ...store.ko,
    ...inbox.ko,
    ...dashboard.ko,
    ...importing.ko,
    ...settings.ko,
    ...reports.ko,
  },
};
