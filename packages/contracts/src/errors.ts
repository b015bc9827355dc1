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
  ACCOUNT_SUSPENDED: {
    status: 403,
    reportable: false,
    message: 'This account is suspended. Contact the administrators of this service.',
  },
  FORBIDDEN: { status: 403, reportable: false, message: 'You are not allowed to do this.' },
  REAUTHENTICATION_REQUIRED: {
    status: 403,
    reportable: false,
    message: 'Confirm it is you: enter your current password (or sign in again).',
  },
  EMAIL_NOT_VERIFIED: {
    status: 403,
    reportable: false,
    message: 'Confirm your email address first: open the link we mailed you.',
  },
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
  // billing (docs/billing.md)
  PLAN_LIMIT: {
    status: 402,
    reportable: false,
    message: 'Your plan does not include this. Upgrade to continue.',
  },
  ONLINE_PAYMENT_UNAVAILABLE: {
    status: 409,
    reportable: false,
    message: 'Online payment is not set up here; an administrator can change your plan.',
  },
  INVALID_SIGNATURE: { status: 400, reportable: false, message: 'The signature of this request is invalid.' },
  // background work and delivery
  UNSAFE_URL: {
    status: 400,
    reportable: false,
    message: 'This URL points at a private or local address, which the server does not call.',
  },
  QUOTA_EXCEEDED: { status: 413, reportable: false, message: 'Your storage quota is used up.' },
  FILE_NOT_USABLE: {
    status: 400,
    reportable: false,
    message: 'A file cannot be used here: use your own new upload (each upload can be used once).',
  },
  FILE_IN_USE: {
    status: 409,
    reportable: false,
    message: 'This file is in use; delete what uses it instead.',
  },
  AUDIO_TOO_LONG: {
    status: 422,
    reportable: false,
    message: 'This recording is longer than allowed.',
  },
  // chat
  CHAT_EDIT_WINDOW_PASSED: {
    status: 409,
    reportable: false,
    message: 'This message is too old to be edited or deleted.',
  },
} as const satisfies Record<string, { status: number; reportable: boolean; message: string }>;

/** One entry of an error catalogue. */
export interface ErrorEntry {
  readonly status: number;
  readonly reportable: boolean;
  readonly message: string;
}

/**
 * Codes that apps add with `defineErrors` (declaration merging: an app's contracts augment this
 * interface, so `new AppError('QUIZ_TIME_OVER')` type-checks where that app's contracts are in scope).
 */
// biome-ignore lint/suspicious/noEmptyInterface: filled by the apps' declaration merging
export interface AppErrorCodes {}

/** A stable error code: the platform's catalogue or one an app defined. */
export type ErrorCode = keyof typeof errorCatalogue | keyof AppErrorCodes;

/** Codes that apps registered, with the app that owns each. */
const appCatalogue = new Map<string, ErrorEntry & { readonly app: string }>();

/**
 * Declares an app's own error codes. They join the one catalogue (same body shape, same handler);
 * a code that the platform or another app already uses is refused, so a code always means one thing.
 * Registering the same app's catalogue again (a module loaded twice) is a no-op.
 */
export function defineErrors<const C extends Record<string, ErrorEntry>>(app: string, catalogue: C): C {
  for (const [code, entry] of Object.entries(catalogue)) {
    if (!/^[A-Z][A-Z0-9_]+$/.test(code))
      throw new Error(`error code ${code} of ${app}: use UPPER_SNAKE_CASE`);
    const owner = Object.hasOwn(errorCatalogue, code) ? 'platform' : appCatalogue.get(code)?.app;
    if (owner && owner !== app)
      throw new Error(`error code ${code} of ${app} is already defined by ${owner}`);
    appCatalogue.set(code, { ...entry, app });
  }
  return Object.freeze(catalogue);
}

/** The catalogue entry of a code (platform or app), or undefined for an unknown code. */
export function errorEntry(code: string): ErrorEntry | undefined {
  return Object.hasOwn(errorCatalogue, code)
    ? errorCatalogue[code as keyof typeof errorCatalogue]
    : appCatalogue.get(code);
}

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

/** Returns true when `code` is a known catalogue code (the platform's or a registered app's). */
export function isErrorCode(code: string): code is ErrorCode {
  return errorEntry(code) !== undefined;
}
