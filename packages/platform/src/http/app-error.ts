import { type ErrorCode, errorCatalogue } from '@app/contracts';

/**
 * An error meant for the caller: it carries a catalogue code, and its message and details are sent
 * as they are. Anything thrown that is not an AppError (or a Fastify client error) becomes a
 * generic 500 whose details stay in the log.
 */
export class AppError extends Error {
  readonly status: number;

  constructor(
    readonly code: ErrorCode,
    message?: string,
    readonly details?: unknown,
  ) {
    super(message ?? errorCatalogue[code].message);
    this.name = 'AppError';
    this.status = errorCatalogue[code].status;
  }
}

/** Shorthand for a 404 of a named resource. */
export function notFound(what: string): AppError {
  return new AppError('NOT_FOUND', `${what} was not found.`);
}
