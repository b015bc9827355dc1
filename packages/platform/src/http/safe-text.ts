import type { FieldIssue } from '@app/contracts';
import type { FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';
import { AppError } from './app-error.js';

/**
 * Text PostgreSQL cannot store: NUL (refused in `text` and `jsonb`) and unpaired UTF-16 surrogates
 * (not Unicode scalar values: `jsonb` refuses their `\ud800` escapes, and `text` silently turns
 * them into U+FFFD). With the `u` flag, a well-formed pair is one code point and does not match.
 */
const UNSAFE = /[\0\p{Cs}]/u;
/** One answer names a few bad fields, not every string of a huge body. */
const MAX_ISSUES = 10;
/**
 * No API shape nests this deep; deeper input is an attack on recursive code further on (response
 * serialisation, `JSON.stringify` into jsonb, PostgreSQL's own stack-depth limit).
 */
export const MAX_DEPTH = 64;

/** Why `text` cannot be stored, or undefined when it can. */
export function unsafeTextReason(text: string): string | undefined {
  if (!UNSAFE.test(text)) return undefined;
  return text.includes('\0')
    ? 'Must not contain the NUL character (\\u0000).'
    : 'Must be valid Unicode text (it contains an unpaired surrogate).';
}

/**
 * Walks a parsed JSON value (strings, and object keys too) and returns one issue per string that
 * PostgreSQL would refuse, and one for nesting deeper than {@link MAX_DEPTH}, with dotted paths
 * under `root` in the shape zod validation errors use (`body.options.0.text`). Iterative, so deep
 * input cannot overflow the stack here.
 */
export function findUnsafeText(value: unknown, root: string): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const stack: [unknown, string, number][] = [[value, root, 0]];
  while (stack.length > 0 && issues.length < MAX_ISSUES) {
    const [current, path, depth] = stack.pop() as [unknown, string, number];
    if (depth > MAX_DEPTH) {
      issues.push({ path, message: `Nested too deeply (more than ${MAX_DEPTH} levels).` });
      break;
    }
    if (typeof current === 'string') {
      const message = unsafeTextReason(current);
      if (message) issues.push({ path, message });
    } else if (Array.isArray(current)) {
      for (let i = current.length - 1; i >= 0; i--) stack.push([current[i], `${path}.${i}`, depth + 1]);
    } else if (isPlainObject(current)) {
      for (const [key, child] of Object.entries(current)) {
        const keyReason = unsafeTextReason(key);
        // The key itself goes into the path with its bad characters replaced (the path is echoed).
        const shown = keyReason ? key.replace(/[\0\p{Cs}]/gu, '\uFFFD') : key;
        if (keyReason) issues.push({ path: `${path}.${shown}`, message: `Field name: ${keyReason}` });
        stack.push([child, `${path}.${shown}`, depth + 1]);
      }
    }
  }
  return issues;
}

/**
 * JSON objects, and parsed query strings and params (whose prototype is itself a null-prototype
 * object); not Buffers, streams or other bodies of custom parsers.
 */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const proto: object | null = Object.getPrototypeOf(value);
  return proto === null || proto === Object.prototype || Object.getPrototypeOf(proto) === null;
}

/**
 * Fastify `preValidation` hook for every route: a body, query string or path parameter with text
 * PostgreSQL cannot store is a 400 VALIDATION_FAILED naming the field, before any schema or
 * handler sees it. One kernel check instead of a refinement on every string field of every app.
 */
export function rejectUnsafeText(
  request: FastifyRequest,
  _reply: FastifyReply,
  done: HookHandlerDoneFunction,
): void {
  const issues = [
    ...findUnsafeText(request.params, 'params'),
    ...findUnsafeText(request.query, 'querystring'),
    ...findUnsafeText(request.body, 'body'),
  ];
  if (issues.length === 0) {
    done();
    return;
  }
  done(new AppError('VALIDATION_FAILED', undefined, { issues }));
}
