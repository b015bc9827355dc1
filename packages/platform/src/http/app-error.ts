import { type ErrorCode, errorEntry } from '@app/contracts';

/**
 * An error meant for the caller: it carries a catalogue code (the platform's or one an app defined
 * with `defineErrors`), and its message and details are sent as they are. Anything thrown that is
 * not an AppError (or a Fastify client error) becomes a generic 500 whose details stay in the log.
 */
export class AppError extends Error {
  readonly status: number;
  readonly reportable: boolean;

  constructor(
    readonly code: ErrorCode,
    message?: string,
    readonly details?: unknown,
  ) {
    const entry = errorEntry(code);
    // A code nobody defined is a bug of ours: it reaches the caller as a 500, and the log says why.
    if (!entry) throw new Error(`AppError: unknown error code ${code} (define it with defineErrors)`);
    super(message ?? entry.message);
    this.name = 'AppError';
    this.status = entry.status;
    this.reportable = entry.reportable;
  }
}

/** Shorthand for a 404 of a named resource. */
export function notFound(what: string): AppError {
  return new AppError('NOT_FOUND', `${what} was not found.`);
}
