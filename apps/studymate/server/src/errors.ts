import { AppError } from '@app/platform';

/** A 400 VALIDATION_FAILED naming one field of the body, as the request validator reports them. */
export function invalidField(field: string, message: string): AppError {
  return new AppError('VALIDATION_FAILED', message, { issues: [{ path: `body.${field}`, message }] });
}
