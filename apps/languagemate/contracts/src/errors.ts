import { defineErrors } from '@app/contracts';

/**
 * languagemate's own error codes, added to the platform's one catalogue (same `{ error: { code,
 * message, details } }` shape). Add a code when no platform code (NOT_FOUND, CONFLICT, ...) says it:
 * `NAME: { status: 409, reportable: false, message: 'What went wrong, for a developer.' }`; the web
 * translates codes in its messages.
 */
export const languagemateErrors = defineErrors('languagemate', {
  PROFILE_REQUIRED: {
    status: 409,
    reportable: false,
    message: 'Finish your profile (languages, availability) first.',
  },
});

type LanguagemateErrorCodes = { [K in keyof typeof languagemateErrors]: true };

declare module '@app/contracts' {
  interface AppErrorCodes extends LanguagemateErrorCodes {}
}
