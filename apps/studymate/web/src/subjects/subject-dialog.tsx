import { ApiError, call } from '@app/client';
import { type StudymatePaths, type Subject, subjectInputSchema } from '@app/studymate-contracts';
import { Button, Dialog, Form, TextAreaField, TextField, useApi, useToast, useZodForm } from '@app/ui';
import { useQueryClient } from '@tanstack/react-query';
import { keys } from '../shared/data.js';
import { useT } from '../shared/i18n.js';

/** Colours to pick from (each dark enough to read as a dot on white and on the dark theme). */
export const subjectColors = [
  '#6d28d9',
  '#2563eb',
  '#0891b2',
  '#16a34a',
  '#ca8a04',
  '#ea580c',
  '#dc2626',
  '#db2777',
];

/** Create (subject null) or edit a subject: name, colour, goal. */
export function SubjectDialog({
  subject,
  open,
  onClose,
  onSaved,
  onPlanLimit,
}: {
  subject: Subject | null;
  open: boolean;
  onClose: () => void;
  onSaved: (subject: { id: string }) => void;
  /** Called with a refusal; returns true when it was a plan limit (the page shows the prompt). */
  onPlanLimit: (error: unknown) => boolean;
}) {
  const { t } = useT();
  return (
    <Dialog open={open} onClose={onClose} title={subject ? t('subjects.editTitle') : t('subjects.newTitle')}>
      {open && (
        <SubjectForm
          key={subject?.id ?? 'new'}
          subject={subject}
          onDone={(saved) => {
            onSaved(saved);
            onClose();
          }}
          onPlanLimit={onPlanLimit}
          onCancel={onClose}
        />
      )}
    </Dialog>
  );
}

function SubjectForm({
  subject,
  onDone,
  onPlanLimit,
  onCancel,
}: {
  subject: Subject | null;
  onDone: (subject: { id: string }) => void;
  onPlanLimit: (error: unknown) => boolean;
  onCancel: () => void;
}) {
  const { t } = useT();
  const api = useApi<StudymatePaths>();
  const toast = useToast();
  const queryClient = useQueryClient();
  const form = useZodForm(subjectInputSchema, {
    name: subject?.name ?? '',
    color: subject?.color ?? subjectColors[0] ?? '#6d28d9',
    goal: subject?.goal ?? '',
  });
  const submit = form.onSubmit(async (body) => {
    try {
      if (subject) {
        await call(
          api.PUT('/api/v1/studymate/subjects/{id}', { params: { path: { id: subject.id } }, body }),
        );
        toast(t('subjects.saved'));
        onDone(subject);
      } else {
        const created = await call(api.POST('/api/v1/studymate/subjects', { body }));
        toast(t('subjects.created', { name: created.name }));
        onDone(created);
      }
    } catch (error) {
      // A plan limit is not a mistake in the form: the page says what to do instead.
      if (onPlanLimit(error)) return;
      if (error instanceof ApiError && error.code === 'VALIDATION_FAILED' && error.fieldErrors.name) {
        form.setFormError(t('subjects.nameTaken'));
        return;
      }
      throw error;
    } finally {
      await queryClient.invalidateQueries({ queryKey: keys.subjects });
      void queryClient.invalidateQueries({ queryKey: keys.dashboard });
    }
  });
  const color = String(form.values.color);
  return (
    <Form onSubmit={submit} error={form.formError}>
      <TextField label={t('subjects.name')} maxLength={80} autoComplete="off" {...form.field('name')} />
      <fieldset className="flex flex-col gap-2">
        <legend className="mb-1.5 text-sm font-semibold">{t('subjects.color')}</legend>
        <div className="flex flex-wrap items-center gap-2">
          {subjectColors.map((option, index) => (
            <label
              key={option}
              className="relative flex size-11 cursor-pointer items-center justify-center rounded-full has-[:focus-visible]:outline-3 has-[:focus-visible]:outline-ring"
            >
              <input
                type="radio"
                name="color"
                value={option}
                checked={color === option}
                onChange={() => form.set('color', option)}
                className="sr-only"
              />
              <span
                aria-hidden="true"
                className={`size-8 rounded-full border-2 ${color === option ? 'border-fg' : 'border-transparent'}`}
                style={{ background: option }}
              />
              <span className="sr-only">{t('subjects.colorN', { n: index + 1 })}</span>
            </label>
          ))}
          <label className="flex min-h-11 items-center gap-2 text-sm">
            <input
              type="color"
              value={color}
              onChange={(event) => form.set('color', event.target.value)}
              className="h-9 w-12 cursor-pointer rounded border border-border bg-surface"
            />
            {t('subjects.customColor')}
          </label>
        </div>
        {form.errors.color && <p className="text-sm font-medium text-danger">{form.errors.color}</p>}
      </fieldset>
      <TextAreaField
        label={t('subjects.goal')}
        hint={t('subjects.goalHint')}
        maxLength={500}
        rows={3}
        {...form.field('goal')}
      />
      <div className="flex flex-wrap justify-end gap-2">
        <Button variant="secondary" onClick={onCancel}>
          {t('subjects.cancel')}
        </Button>
        <Button type="submit" loading={form.submitting}>
          {subject ? t('subjects.save') : t('subjects.create')}
        </Button>
      </div>
    </Form>
  );
}
