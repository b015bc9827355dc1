import { defineErrors } from '@app/contracts';

/**
 * storehelper's own error codes, added to the platform's one catalogue (same `{ error: { code,
 * message, details } }` shape). Add a code when no platform code (NOT_FOUND, CONFLICT, ...) says it:
 * `NAME: { status: 409, reportable: false, message: 'What went wrong, for a developer.' }`; the web
 * translates codes in its messages.
 */
export const storehelperErrors = defineErrors('storehelper', {});

type StorehelperErrorCodes = { [K in keyof typeof storehelperErrors]: true };

declare module '@app/contracts' {
  interface AppErrorCodes extends StorehelperErrorCodes {}
}
