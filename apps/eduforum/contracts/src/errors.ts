import { defineErrors } from '@app/contracts';

/** eduforum's own error codes; they join the platform's catalogue (one error shape for clients). */
export const eduforumErrors = defineErrors('eduforum', {
  ROSTER_INVALID: {
    status: 422,
    reportable: false,
    message: 'Some roster rows are invalid; nothing was imported.',
  },
  INVALID_TRANSITION: {
    status: 409,
    reportable: false,
    message: 'This is not possible in the current state.',
  },
  SESSION_NOT_LIVE: { status: 409, reportable: false, message: 'The session is not live.' },
  POLL_NOT_OPEN: { status: 409, reportable: false, message: 'The poll is not open for votes.' },
  QUIZ_NOT_OPEN: { status: 409, reportable: false, message: 'The quiz is not open.' },
  QUIZ_TIME_OVER: { status: 409, reportable: false, message: 'The time for this quiz is over.' },
  ALREADY_SUBMITTED: { status: 409, reportable: false, message: 'This was already submitted.' },
});

type EduforumErrorCodes = { [K in keyof typeof eduforumErrors]: true };

declare module '@app/contracts' {
  interface AppErrorCodes extends EduforumErrorCodes {}
}
