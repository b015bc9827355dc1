import { type ErrorBody, type ErrorCode, errorCatalogue, errorEntry, type FieldIssue } from '@app/contracts';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { classifyDatabaseError, type DatabaseFailure, OUTAGE_RETRY_AFTER_S } from '../db/errors.js';
import { AppError } from './app-error.js';

interface Mapped {
  status: number;
  body: ErrorBody;
  reportable: boolean;
  /** A caller's mistake that still points at something to fix on our side: logged as a warning. */
  warning?: string;
}

const codeByStatus: Partial<Record<number, keyof typeof errorCatalogue>> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  414: 'URI_TOO_LONG',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'RATE_LIMITED',
  503: 'SERVICE_UNAVAILABLE',
};

/**
 * Database refusals a schema or a check should have caught first: the caller gets the 4xx it
 * deserves, and the log a warning naming what is missing.
 */
const lastLine: Record<Exclude<DatabaseFailure, 'unavailable'>, Mapped> = {
  input: {
    ...respond('VALIDATION_FAILED', 'A value in the request is out of range or not allowed.'),
    warning: 'the database refused a request value: a schema bound is missing',
  },
  conflict: {
    ...respond('CONFLICT', 'This duplicates existing data or refers to something that does not exist.'),
    warning: 'a database constraint refused the write: a check is missing',
  },
  missing: {
    ...respond('NOT_FOUND', errorCatalogue.NOT_FOUND.message),
    warning: 'a query found no row where the code expected one: a not-found check is missing',
  },
};

/** Maps anything a handler threw to the one error shape; 5xx bodies never carry internals. */
export function toErrorResponse(error: unknown, requestId: string): Mapped {
  if (error instanceof AppError) {
    return respond(error.code, error.message, error.details);
  }
  const fastifyError = error as Partial<FastifyError>;
  if (hasZodFastifySchemaValidationErrors(error)) {
    const where = String(fastifyError.validationContext ?? 'request');
    const issues: FieldIssue[] = error.validation.map((v) => ({
      path: [where, ...v.instancePath.split('/').filter(Boolean)].join('.'),
      message: v.message ?? 'Invalid value',
    }));
    return respond('VALIDATION_FAILED', errorCatalogue.VALIDATION_FAILED.message, { issues });
  }
  if (!isResponseSerializationError(error) && typeof fastifyError.statusCode === 'number') {
    const status = fastifyError.statusCode;
    if (status >= 400 && status < 500) {
      if (
        fastifyError.code?.startsWith('FST_ERR_CTP_') &&
        /JSON/i.test(fastifyError.code + (fastifyError.message ?? ''))
      ) {
        if (fastifyError.code !== 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
          return respond('INVALID_JSON', fastifyError.message ?? errorCatalogue.INVALID_JSON.message);
        }
      }
      const code = codeByStatus[status] ?? 'BAD_REQUEST';
      return respond(code, fastifyError.message || errorCatalogue[code].message);
    }
  }
  const database = classifyDatabaseError(error);
  if (database === 'unavailable') {
    return respond('SERVICE_UNAVAILABLE', errorCatalogue.SERVICE_UNAVAILABLE.message, {
      retryAfter: OUTAGE_RETRY_AFTER_S,
    });
  }
  if (database !== undefined) return lastLine[database];
  return respond('INTERNAL', `${errorCatalogue.INTERNAL.message} Reference: ${requestId}`);
}

function respond(code: ErrorCode, message: string, details?: unknown): Mapped {
  const entry = errorEntry(code) ?? errorCatalogue.INTERNAL;
  const error: ErrorBody['error'] = { code, message };
  if (details !== undefined) error.details = details;
  return { status: entry.status, body: { error }, reportable: entry.reportable };
}

/**
 * The central Fastify error handler: log by severity, answer in the catalogue's shape. Every error
 * answer names its request id, also when it failed in a hook that runs before the one that sets
 * the header on ordinary answers (the access rule, for instance).
 */
export function errorHandler(error: unknown, request: FastifyRequest, reply: FastifyReply): void {
  const mapped = toErrorResponse(error, request.id);
  void reply.header('x-request-id', request.id);
  const retryAfter = (mapped.body.error.details as { retryAfter?: unknown } | undefined)?.retryAfter;
  if (typeof retryAfter === 'number') void reply.header('retry-after', String(retryAfter));
  if (mapped.reportable) request.log.error({ err: error }, 'request failed');
  else if (mapped.warning) request.log.warn({ err: error, route: request.routeOptions.url }, mapped.warning);
  else request.log.info({ code: mapped.body.error.code }, 'request rejected');
  void reply.status(mapped.status).send(mapped.body);
}

/** Unknown routes answer 404 in the same shape as every other error. */
export function notFoundHandler(request: FastifyRequest, reply: FastifyReply): void {
  void reply.header('x-request-id', request.id);
  const body: ErrorBody = {
    error: {
      code: 'ROUTE_NOT_FOUND',
      message: `No endpoint ${request.method} ${request.url.split('?')[0]}.`,
    },
  };
  void reply.status(404).send(body);
}
