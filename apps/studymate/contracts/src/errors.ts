import { defineErrors } from '@app/contracts';

/**
 * studymate's own error codes, added to the platform's one catalogue (same `{ error: { code,
 * message, details } }` shape); the web translates codes in its messages.
 */
export const studymateErrors = defineErrors('studymate', {
  MATERIAL_NOT_READY: {
    status: 409,
    reportable: false,
    message: 'The material is still being read (or could not be read); try again when it is ready.',
  },
  ATTEMPT_CLOSED: {
    status: 409,
    reportable: false,
    message: 'This quiz attempt was already submitted; start a new attempt to answer again.',
  },
  ALREADY_ANSWERED: {
    status: 409,
    reportable: false,
    message: 'This question was already answered in this attempt.',
  },
  ALREADY_REVIEWED: {
    status: 409,
    reportable: false,
    message: 'This card was already graded (the review was counted once); fetch the next card.',
  },
  DECK_INVALID: {
    status: 422,
    reportable: false,
    message: 'The deck has rows that cannot be imported; nothing was imported (details list them).',
  },
  NOTHING_TO_UNDO: { status: 409, reportable: false, message: 'There is no review to undo.' },
  NOT_ENOUGH_REVIEWS: {
    status: 409,
    reportable: false,
    message: 'The optimiser needs more of your own reviews before it can fit parameters.',
  },
  TIMER_RUNNING: {
    status: 409,
    reportable: false,
    message: 'A study timer is already running; stop it first.',
  },
  GRADE_NOT_ALLOWED: {
    status: 400,
    reportable: false,
    message: 'In pass/fail mode only Again (1) and Good (3) are allowed.',
  },
});

type StudymateErrorCodes = { [K in keyof typeof studymateErrors]: true };

declare module '@app/contracts' {
  interface AppErrorCodes extends StudymateErrorCodes {}
}
