import { z } from 'zod';

/**
 * The platform's error catalogue: every error a client can see has one stable `code` from here.
 * `status` is the HTTP status it is sent with; `reportable` errors are logged at error level
 * because they point at a bug or an outage rather than at a caller's mistake.
 */
export const errorCatalogue = {
  BAD_REQUEST: { status: 400, reportable: false, message: 'The request could not be understood.' },
  VALIDATION_FAILED: { status: 400, reportable: false, message: 'Some fields are invalid.' },
  INVALID_JSON: { status: 400, reportable: false, message: 'The request body is not valid JSON.' },
  INVALID_CURSOR: { status: 400, reportable: false, message: 'The pagination cursor is invalid.' },
  UNAUTHENTICATED: { status: 401, reportable: false, message: 'Sign-in is required.' },
  INVALID_CREDENTIALS: { status: 401, reportable: false, message: 'The email or password is wrong.' },
  INVALID_TOKEN: { status: 401, reportable: false, message: 'The token is invalid or has expired.' },
  TOKEN_REUSED: {
    status: 401,
    reportable: false,
    message: 'This refresh token was already used; the session has been signed out for safety.',
  },
  INVALID_CODE: { status: 401, reportable: false, message: 'The code is wrong or was already used.' },
  WEAK_PASSWORD: { status: 400, reportable: false, message: 'Choose a longer or less common password.' },
  EMAIL_TAKEN: { status: 409, reportable: false, message: 'An account with this email already exists.' },
  ACCOUNT_LOCKED: {
    status: 429,
    reportable: false,
    message: 'Too many failed sign-ins for this account. Try again later.',
  },
  FORBIDDEN: { status: 403, reportable: false, message: 'You are not allowed to do this.' },
  TWO_FACTOR_NOT_ENABLED: { status: 409, reportable: false, message: 'Two-factor sign-in is not enabled.' },
  NOT_FOUND: { status: 404, reportable: false, message: 'The resource was not found.' },
  ROUTE_NOT_FOUND: { status: 404, reportable: false, message: 'No such endpoint.' },
  METHOD_NOT_ALLOWED: { status: 405, reportable: false, message: 'This method is not allowed here.' },
  CONFLICT: { status: 409, reportable: false, message: 'The request conflicts with the current state.' },
  PAYLOAD_TOO_LARGE: { status: 413, reportable: false, message: 'The request body is too large.' },
  URI_TOO_LONG: { status: 414, reportable: false, message: 'A part of the address is too long.' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, reportable: false, message: 'This content type is not supported.' },
  RATE_LIMITED: { status: 429, reportable: false, message: 'Too many requests. Try again later.' },
  INTERNAL: { status: 500, reportable: true, message: 'Something went wrong on our side.' },
  NOT_READY: { status: 503, reportable: true, message: 'The service is not ready.' },
  SERVICE_UNAVAILABLE: { status: 503, reportable: true, message: 'The service is temporarily unavailable.' },
  // background work and delivery
  UNSAFE_URL: {
    status: 400,
    reportable: false,
    message: 'This URL points at a private or local address, which the server does not call.',
  },
  QUOTA_EXCEEDED: { status: 413, reportable: false, message: 'Your storage quota is used up.' },
  // eduforum
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
} as const satisfies Record<string, { status: number; reportable: boolean; message: string }>;

/** A stable error code from the catalogue. */
export type ErrorCode = keyof typeof errorCatalogue;

export const errorCodes = Object.keys(errorCatalogue) as [ErrorCode, ...ErrorCode[]];

/** The body of every error response: `{ error: { code, message, details? } }`. */
export const errorBodySchema = z
  .object({
    error: z.object({
      code: z.string().describe('Stable machine-readable code from the error catalogue'),
      message: z.string().describe('Human-readable message (English); clients translate by code'),
      details: z.unknown().optional().describe('Structured details, e.g. field errors'),
    }),
  })
  .meta({ id: 'Error' });

export type ErrorBody = z.infer<typeof errorBodySchema>;

/** One field problem in a VALIDATION_FAILED error's `details.issues`. */
export const fieldIssueSchema = z.object({
  path: z.string().describe('Dotted path of the field, prefixed by where it was: body, query, params'),
  message: z.string(),
});

export type FieldIssue = z.infer<typeof fieldIssueSchema>;

/** Returns true when `code` is a known catalogue code. */
export function isErrorCode(code: string): code is ErrorCode {
  return Object.hasOwn(errorCatalogue, code);
}
