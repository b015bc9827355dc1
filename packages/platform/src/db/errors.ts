import type { ErrorCode } from '@app/contracts';
import { NoResultError } from 'kysely';
import { AppError } from '../http/app-error.js';

/**
 * What a failed database call means for the caller, so the HTTP error handler and the realtime
 * gateway answer alike. The first three are last lines of defence: the caller's mistake, but one
 * that a schema bound or a check in the code should have caught first, so they are logged as
 * warnings to be fixed.
 * - `input`: PostgreSQL refused a value the request carried (out of range, not a number, bad
 *   text, index row too large, a CHECK constraint). A 400.
 * - `conflict`: a unique, exclusion or foreign-key constraint refused the write (a duplicate, or
 *   a reference to a row that does not exist). A 409.
 * - `missing`: a query that had to find a row found none (Kysely's `...OrThrow`). A 404.
 * - `unavailable`: the database cannot be reached or is shutting down (outage, failover, restart).
 *   A 503 with Retry-After: the request may well succeed in a moment.
 */
export type DatabaseFailure = 'input' | 'conflict' | 'missing' | 'unavailable';

/** Seconds a client is asked to wait before retrying during an outage. */
export const OUTAGE_RETRY_AFTER_S = 5;

/** SQLSTATEs outside class 22 that are about the value sent, not about our code. */
const INPUT_STATES = new Set([
  '54000', // program_limit_exceeded: index row too large, tsvector too long
  '54001', // statement_too_complex: stack depth exceeded on deeply nested jsonb
  '23514', // check_violation
]);

const CONFLICT_STATES = new Set([
  '23505', // unique_violation
  '23P01', // exclusion_violation
  '23503', // foreign_key_violation
]);

const UNAVAILABLE_STATES = new Set([
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now (starting up, or in recovery)
  '53300', // too_many_connections
  '25006', // read_only_sql_transaction: writing to a standby during a failover
]);

/** Socket errors of a connection that could not be made or was cut. */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
]);

/** node-postgres reports a lost or timed-out connection with a message and no code. */
const PG_CONNECTION_MESSAGE =
  /^(Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Cannot use a pool after calling end)/;

/** Classifies an error thrown by a database call (or anything else: then undefined). */
export function classifyDatabaseError(error: unknown, depth = 0): DatabaseFailure | undefined {
  if (!(error instanceof Error) || depth > 3) return undefined;
  if (error instanceof NoResultError) return 'missing';
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string') {
    if (isSqlState(error, code)) {
      if (code.startsWith('22') || INPUT_STATES.has(code)) return 'input';
      if (CONFLICT_STATES.has(code)) return 'conflict';
      if (code.startsWith('08') || UNAVAILABLE_STATES.has(code)) return 'unavailable';
      return undefined;
    }
    if (NETWORK_CODES.has(code)) return 'unavailable';
  }
  if (PG_CONNECTION_MESSAGE.test(error.message)) return 'unavailable';
  // Connecting to a host name with several addresses fails with all of them at once.
  if (error instanceof AggregateError && error.errors.length > 0) {
    const kinds = error.errors.map((inner: unknown) => classifyDatabaseError(inner, depth + 1));
    return kinds.every((kind) => kind === 'unavailable') ? 'unavailable' : undefined;
  }
  return error.cause === undefined ? undefined : classifyDatabaseError(error.cause, depth + 1);
}

/** A PostgreSQL error (pg's DatabaseError): a five-character SQLSTATE and a severity. */
function isSqlState(error: Error, code: string): boolean {
  return /^[0-9A-Z]{5}$/.test(code) && 'severity' in error;
}

/** Whether a database error is a unique violation (SQLSTATE 23505). */
export function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === '23505';
}

/**
 * For `.catch(...)` on a write: a unique violation becomes `AppError(code, message)` (a 409 CONFLICT
 * by default); anything else is rethrown.
 */
export function uniqueToConflict(message: string, code: ErrorCode = 'CONFLICT') {
  return (error: unknown): never => {
    if (isUniqueViolation(error)) throw new AppError(code, message);
    throw error;
  };
}
