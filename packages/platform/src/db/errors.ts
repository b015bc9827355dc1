import type { ErrorCode } from '@app/contracts';
import { AppError } from '../http/app-error.js';

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
