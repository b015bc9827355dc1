import { ApiError } from '@app/client';
import { type FormEvent, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
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

export interface ZodForm<S extends z.ZodType> {
  values: z.input<S>;
  errors: Partial<Record<string, string>>;
  formError: string | undefined;
  submitting: boolean;
  /** Props for a TextField/SelectField bound to `name`. */
  field(name: keyof z.input<S> & string): {
    name: string;
    value: string;
    error: string | undefined;
    onChange(event: { target: { value: string } }): void;
  };
  set(name: keyof z.input<S> & string, value: unknown): void;
  /** Validates with the schema, then runs `submit`; API errors become field or form errors. */
  onSubmit(submit: (data: z.output<S>) => Promise<void>): (event: FormEvent) => void;
  setFormError(message: string | undefined): void;
}

/**
 * Form state validated by a zod schema (often the very schema the server uses, from contracts).
 * Field errors come from the schema before sending, and from the server's VALIDATION_FAILED
 * details or from codes tied to a field (`fieldOfCode`, e.g. EMAIL_TAKEN -> email).
 */
export function useZodForm<S extends z.ZodType>(
  schema: S,
  initial: z.input<S>,
  options: { fieldOfCode?: Partial<Record<string, string>> } = {},
): ZodForm<S> {
  const { t } = useTranslation();
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<Partial<Record<string, string>>>({});
  const [formError, setFormError] = useState<string>();
  const [submitting, setSubmitting] = useState(false);

  const set = (name: string, value: unknown) => {
    setValues((current) => ({ ...(current as object), [name]: value }) as z.input<S>);
    setErrors((current) => ({ ...current, [name]: undefined }));
  };

  return {
    values,
    errors,
    formError,
    submitting,
    set,
    setFormError,
    field: (name) => ({
      name,
      value: String((values as Record<string, unknown>)[name] ?? ''),
      error: errors[name],
      onChange: (event) => set(name, event.target.value),
    }),
    onSubmit: (submit) => (event) => {
      event.preventDefault();
      if (submitting) return;
      const parsed = schema.safeParse(values);
      if (!parsed.success) {
        const next: Partial<Record<string, string>> = {};
        for (const issue of parsed.error.issues) {
          const key = issue.path.join('.');
          next[key] ??= issueMessage(issue, t);
        }
        setErrors(next);
        setFormError(undefined);
        focusFirstInvalid(event.currentTarget as HTMLFormElement, Object.keys(next));
        return;
      }
      setErrors({});
      setFormError(undefined);
      setSubmitting(true);
      submit(parsed.data)
        .catch((error: unknown) => {
          const field = error instanceof ApiError ? options.fieldOfCode?.[error.code] : undefined;
          if (field) {
            setErrors({ [field]: errorMessage(error, t) });
            return;
          }
          if (error instanceof ApiError && error.code === 'VALIDATION_FAILED') {
            const fields = Object.keys(error.fieldErrors);
            if (fields.length) {
              setErrors(Object.fromEntries(fields.map((name) => [name, t('validation.invalid')])));
              return;
            }
          }
          setFormError(errorMessage(error, t));
        })
        .finally(() => setSubmitting(false));
    },
  };
}

function focusFirstInvalid(form: HTMLFormElement, names: string[]) {
  // After React renders the errors, move focus to the first field that has one.
  requestAnimationFrame(() => {
    for (const name of names) {
      const element = form.elements.namedItem(name);
      if (element instanceof HTMLElement) {
        element.focus();
        return;
      }
    }
  });
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
