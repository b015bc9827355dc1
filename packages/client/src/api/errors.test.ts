import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ApiError, toApiError } from './errors.js';

describe('toApiError', () => {
  it('reads the catalogue code, message, field errors and Retry-After of an error body', () => {
    const error = toApiError(
      400,
      {
        error: {
          code: 'VALIDATION_FAILED',
          message: 'Some fields are invalid.',
          details: {
            issues: [
              { path: 'body.email', message: 'Invalid email' },
              { path: 'body.email', message: 'second problem of the same field' },
              { path: 'query.limit', message: 'Too big' },
            ],
          },
        },
      },
      '30',
    );
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 400, code: 'VALIDATION_FAILED', retryAfterS: 30 });
    expect(error.fieldErrors).toEqual({ email: 'Invalid email', limit: 'Too big' });
  });

  it('never throws and always yields a code and a message, whatever the body', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 400, max: 599 }),
        fc.anything(),
        fc.option(fc.string()),
        (status, body, retry) => {
          const error = toApiError(status, body, retry);
          expect(error.status).toBe(status);
          expect(typeof error.code).toBe('string');
          expect(error.code.length).toBeGreaterThan(0);
          expect(typeof error.message).toBe('string');
          expect(typeof error.fieldErrors).toBe('object');
          if (error.retryAfterS !== undefined) expect(Number.isFinite(error.retryAfterS)).toBe(true);
        },
      ),
    );
  });
});
