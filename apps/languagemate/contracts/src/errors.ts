import { defineErrors } from '@app/contracts';

/**
 * languagemate's own error codes, added to the platform's one catalogue (same `{ error: { code,
 * message, details } }` shape). Add a code when no platform code (NOT_FOUND, CONFLICT, ...) says it:
 * `NAME: { status: 409, reportable: false, message: 'What went wrong, for a developer.' }`; the web
 * translates codes in its messages.
 */
export const languagemateErrors = defineErrors('languagemate', {
  PROFILE_REQUIRED: { status: 409, reportable: false, message: 'Finish your profile first.' },
  ALREADY_PARTNERS: { status: 409, reportable: false, message: 'You are already partners.' },
  REQUEST_NOT_PENDING: {
    status: 409,
    reportable: false,
    message: 'This request was already answered or withdrawn.',
  },
  NOT_PARTNERS: { status: 403, reportable: false, message: 'This needs the two of you to be partners.' },
  SUSPENDED: {
    status: 403,
    reportable: false,
    message: 'Your account is suspended from messaging, requests and calls.',
  },
  SAFETY_HOLD: {
    status: 422,
    reportable: false,
    message: 'The message was held by the safety filter and not sent.',
  },
  SAFETY_WARNING: {
    status: 422,
    reportable: false,
    message: 'The message may break the community rules; send it again with the warning acknowledged.',
  },
  SESSION_CONFLICT: {
    status: 409,
    reportable: false,
    message: 'One of you already has a session at that time.',
  },
});

type LanguagemateErrorCodes = { [K in keyof typeof languagemateErrors]: true };

declare module '@app/contracts' {
  interface AppErrorCodes extends LanguagemateErrorCodes {}
}
