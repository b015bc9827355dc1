import { ApiError } from '@app/client';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { errorMessage, issueMessage } from './form.js';
import { edit, reseed, type SeedState, settle } from './form-seed.js';

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
  /** The person's input for `name` (from a control that `field` does not fit, e.g. a checkbox). */
  set(name: keyof z.input<S> & string, value: unknown): void;
  /** Validates with the schema, then runs `submit`; API errors become field or form errors. */
  onSubmit(submit: (data: z.output<S>) => Promise<void>): (event: FormEvent) => void;
  setFormError(message: string | undefined): void;
  /**
   * After a successful send (inside the `onSubmit` callback): puts `next` into the fields, e.g. an
   * empty box for the next entry, except where the person typed something new meanwhile.
   */
  reset(next: Partial<z.input<S>>): void;
}

type FieldOfCode = { fieldOfCode?: Partial<Record<string, string>> };

/**
 * Form state validated by a zod schema (often the very schema the server uses, from contracts).
 * Field errors come from the schema before sending, and from the server's VALIDATION_FAILED
 * details or from codes tied to a field (`fieldOfCode`, e.g. EMAIL_TAKEN -> email).
 */
export function useZodForm<S extends z.ZodType>(
  schema: S,
  initial: z.input<S>,
  options: FieldOfCode = {},
): ZodForm<S> {
  const { reseed: _internal, ...form } = useFormCore(schema, initial, options);
  return form;
}

/**
 * A form that edits loaded data (a profile, a course's settings). Render it only once the data is
 * there (show a loading state before), so nothing can be typed or sent ahead of it. It starts from
 * `toValues(data)`; when newer data arrives (a refetch, a change made in another tab, the answer
 * of the save), the fields the person has edited keep their input and only the others follow.
 */
export function useSeededForm<S extends z.ZodType, T>(
  schema: S,
  data: T,
  toValues: (data: T) => z.input<S>,
  options: FieldOfCode = {},
): ZodForm<S> {
  const { reseed: apply, ...form } = useFormCore(schema, toValues(data), options);
  // New data is taken while rendering (React's "adjust state when a prop changes"), so no frame
  // ever shows the old values next to the new data.
  const [seededFrom, setSeededFrom] = useState(data);
  if (!Object.is(seededFrom, data)) {
    setSeededFrom(data);
    apply(toValues(data));
  }
  return form;
}

function useFormCore<S extends z.ZodType>(
  schema: S,
  initial: z.input<S>,
  options: FieldOfCode,
): ZodForm<S> & { reseed(next: z.input<S>): void } {
  const { t } = useTranslation();
  const [state, setState] = useState<SeedState<z.input<S>>>(() => ({ values: initial, touched: new Set() }));
  const [errors, setErrors] = useState<Partial<Record<string, string>>>({});
  const [formError, setFormError] = useState<string>();
  const [submitting, setSubmitting] = useState(false);
  // The values of the send in progress: `reset` and the end of the send compare fields with them.
  const sending = useRef<z.input<S> | undefined>(undefined);
  const { values } = state;

  const set = (name: string, value: unknown) => {
    setState((current) => edit(current, name, value));
    setErrors((current) => ({ ...current, [name]: undefined }));
  };

  return {
    values,
    errors,
    formError,
    submitting,
    set,
    setFormError,
    reseed: (next) => setState((current) => reseed(current, next)),
    reset: (next) =>
      setState((current) => settle(current, sending.current ?? current.values, next as z.input<S>)),
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
      const sent = values;
      sending.current = sent;
      submit(parsed.data)
        .then(() => setState((current) => settle(current, sent)))
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
        .finally(() => {
          sending.current = undefined;
          setSubmitting(false);
        });
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
