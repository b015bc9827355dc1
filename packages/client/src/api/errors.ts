import type { ErrorCode } from '@app/contracts';

/** One field problem, keyed by the field's path inside the body (`email`, `items.0.name`). */
export type FieldErrors = Record<string, string>;

/**
 * An error answer of the API (`{ error: { code, message, details } }`), a network failure
 * (`NETWORK`) or no answer in time (`TIMEOUT`). `code` is a catalogue code whenever the server
 * sent one; pages translate by code.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode | 'NETWORK' | 'TIMEOUT' | 'UNKNOWN',
    message: string,
    readonly details?: unknown,
    readonly retryAfterS?: number,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** Field errors of a VALIDATION_FAILED answer, by field path without the `body.` prefix. */
  get fieldErrors(): FieldErrors {
    const issues = (this.details as { issues?: { path?: unknown; message?: unknown }[] } | undefined)?.issues;
    const result: FieldErrors = {};
    if (!Array.isArray(issues)) return result;
    for (const issue of issues) {
      if (typeof issue.path !== 'string' || typeof issue.message !== 'string') continue;
      const field = issue.path.replace(/^(body|query|params)\.?/, '');
      result[field] ??= issue.message;
    }
    return result;
  }
}

/** Builds the ApiError for a response status and its (parsed JSON, if any) body. */
export function toApiError(status: number, body: unknown, retryAfter?: string | null): ApiError {
  const error = (body as { error?: { code?: unknown; message?: unknown; details?: unknown } } | undefined)
    ?.error;
  // The server only sends catalogue codes; this module stays free of the catalogue at run time
  // (the first screen's bundle), so any string is taken as one.
  const code = typeof error?.code === 'string' && error.code !== '' ? (error.code as ErrorCode) : 'UNKNOWN';
  const message = typeof error?.message === 'string' ? error.message : `HTTP ${status}`;
  const retry = retryAfter ? Number.parseInt(retryAfter, 10) : Number.NaN;
  return new ApiError(status, code, message, error?.details, Number.isFinite(retry) ? retry : undefined);
}
