import { ApiError } from '@app/client';
import type { FormEvent, ReactNode } from 'react';
import type { z } from 'zod';
import { Notice } from './states.js';

type Translate = (key: string, options?: Record<string, unknown>) => string;

/** A zod issue in the user's language (zod's own messages are English only). */
export function issueMessage(issue: z.core.$ZodIssue, t: Translate): string {
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'string' && Number(issue.minimum) <= 1) return t('validation.required');
      return issue.origin === 'string'
        ? t('validation.tooShort', { min: issue.minimum })
        : t('validation.invalid');
    case 'too_big':
      return issue.origin === 'string'
        ? t('validation.tooLong', { max: issue.maximum })
        : t('validation.invalid');
    case 'invalid_format':
      return issue.format === 'email' ? t('validation.email') : t('validation.invalid');
    case 'invalid_type':
      return t('validation.required');
    case 'custom':
      // Refinements carry an i18n key as their message (e.g. `validation.passwordsDiffer`).
      return issue.message.startsWith('validation.') ? t(issue.message) : t('validation.invalid');
    default:
      return t('validation.invalid');
  }
}

/** The message of any failure, by catalogue code, in the user's language. */
export function errorMessage(error: unknown, t: Translate): string {
  if (error instanceof ApiError) {
    return t(`errors.${error.code}`, {
      seconds: error.retryAfterS ?? 60,
      defaultValue: t('errors.UNKNOWN'),
    });
  }
  return t('errors.UNKNOWN');
}

/** A form with a form-level error slot; fields are its children. */
export function Form({
  onSubmit,
  error,
  children,
  label,
}: {
  onSubmit: (event: FormEvent) => void;
  error?: string | undefined;
  children: ReactNode;
  label?: string;
}) {
  return (
    <form onSubmit={onSubmit} noValidate aria-label={label} className="flex flex-col gap-4">
      {error && <Notice tone="danger">{error}</Notice>}
      {children}
    </form>
  );
}
