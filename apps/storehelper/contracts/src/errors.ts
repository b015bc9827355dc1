import { defineErrors } from '@app/contracts';

/**
 * storehelper's own error codes, added to the platform's one catalogue (same `{ error: { code,
 * message, details } }` shape). Add a code when no platform code (NOT_FOUND, CONFLICT, ...) says it:
 * `NAME: { status: 409, reportable: false, message: 'What went wrong, for a developer.' }`; the web
 * translates codes in its messages.
 */
export const storehelperErrors = defineErrors('storehelper', {
  COLLECTION_RUNNING: {
    status: 409,
    reportable: false,
    message: 'A collection of this store is already running; wait for it to finish.',
  },
  REPLY_NOT_APPROVABLE: {
    status: 409,
    reportable: false,
    message:
      'This reply cannot be approved now (it is already approved or posted, or a quality check failed).',
  },
  REPLY_CHECK_FAILED: {
    status: 422,
    reportable: false,
    message: 'The reply failed a quality check; edit it (details.checks says which).',
  },
  NOT_CONNECTED: { status: 409, reportable: false, message: 'The store is not connected to this platform.' },
  COMPETITOR_READ_ONLY: { status: 409, reportable: false, message: 'A competitor is tracked read-only.' },
  SOURCE_DISABLED: {
    status: 503,
    reportable: false,
    message: 'Collection from this platform is switched off by the operator (kill switch).',
  },
  IMPORT_INVALID: {
    status: 422,
    reportable: false,
    message: 'The spreadsheet has rows that cannot be imported; nothing was imported (details list them).',
  },
});

type StorehelperErrorCodes = { [K in keyof typeof storehelperErrors]: true };

declare module '@app/contracts' {
  interface AppErrorCodes extends StorehelperErrorCodes {}
}
