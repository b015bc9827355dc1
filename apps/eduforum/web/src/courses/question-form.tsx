import { call } from '@app/client';
import type { EduforumPaths, Question } from '@app/eduforum-contracts';
import {
  Button,
  CheckboxField,
  Dialog,
  Notice,
  SelectField,
  TextAreaField,
  TextField,
  useApi,
  useToast,
} from '@app/ui';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { useErrorText } from '../error-text.js';
import { useT } from '../i18n.js';
import { keys } from './data.js';
import {
  checkDraft,
  type DraftErrors,
  draftOf,
  emptyDraft,
  nextOptionId,
  type QuestionDraft,
  type QuestionKind,
} from './question-draft.js';

const kinds: QuestionKind[] = ['single', 'multiple', 'true_false', 'short'];

/** Create a bank question, or edit one (`question` given). */
export function QuestionDialog({
  courseId,
  question,
  open,
  onClose,
}: {
  courseId: string;
  question?: Question | undefined;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useT();
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={question ? t('courses.questions.editTitle') : t('courses.questions.newTitle')}
      {...(question ? { description: t('courses.questions.editNote') } : {})}
    >
      <QuestionForm key={question?.id ?? 'new'} courseId={courseId} question={question} onDone={onClose} />
    </Dialog>
  );
}

function QuestionForm({
  courseId,
  question,
  onDone,
}: {
  courseId: string;
  question?: Question | undefined;
  onDone: () => void;
}) {
  const { t } = useT();
  const api = useApi<EduforumPaths>();
  const toast = useToast();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<QuestionDraft>(() => (question ? draftOf(question) : emptyDraft()));
  const [errors, setErrors] = useState<DraftErrors>({});
  const [formError, setFormError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const update = (patch: Partial<QuestionDraft>) => setDraft((current) => ({ ...current, ...patch }));

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const checked = checkDraft(draft);
    if (!checked.ok) {
      setErrors(checked.errors);
      setFormError(t('courses.questions.fixErrors'));
      return;
    }
    setErrors({});
    setFormError(undefined);
    setBusy(true);
    try {
      await call(
        api.POST('/api/v1/eduforum/courses/{courseId}/questions', {
          params: { path: { courseId } },
          body: checked.body,
        }),
      );
      // The API has no edit: a new version replaces the old one, which is retired (quizzes
      // already prepared keep the version they picked).
      if (question)
        await call(
          api.DELETE('/api/v1/eduforum/courses/{courseId}/questions/{questionId}', {
            params: { path: { courseId, questionId: question.id } },
          }),
        );
      await queryClient.invalidateQueries({ queryKey: keys.questions(courseId) });
      toast(question ? t('courses.questions.updated') : t('courses.questions.created'));
      onDone();
    } catch (error) {
      setFormError(errorText(error));
    } finally {
      setBusy(false);
    }
  };

  const choice = draft.kind === 'single' || draft.kind === 'multiple';
  return (
    <form
      onSubmit={submit}
      noValidate
      aria-label={question ? t('courses.questions.editTitle') : t('courses.questions.newTitle')}
      className="flex flex-col gap-4"
    >
      {formError && <Notice tone="danger">{formError}</Notice>}
      <SelectField
        label={t('courses.questions.kind')}
        value={draft.kind}
        onChange={(event) => {
          update({ kind: event.target.value as QuestionKind, correct: [] });
          setErrors({});
        }}
        options={kinds.map((kind) => ({ value: kind, label: t(`courses.questions.kinds.${kind}`) }))}
      />
      <TextAreaField
        label={t('courses.questions.prompt')}
        rows={3}
        value={draft.prompt}
        onChange={(event) => update({ prompt: event.target.value })}
        error={errors.prompt ? t('courses.questions.errors.prompt') : undefined}
      />
      {choice && <ChoiceOptions draft={draft} update={update} errors={errors} />}
      {draft.kind === 'true_false' && (
        <TrueFalse draft={draft} update={update} invalid={errors.correct === true} />
      )}
      {draft.kind === 'short' && (
        <>
          <TextAreaField
            label={t('courses.questions.accepted')}
            hint={t('courses.questions.acceptedHint')}
            rows={3}
            value={draft.accepted}
            onChange={(event) => update({ accepted: event.target.value })}
            error={errors.shortAnswer ? t('courses.questions.errors.accepted') : undefined}
          />
          <CheckboxField
            label={t('courses.questions.caseSensitive')}
            checked={draft.caseSensitive}
            onChange={(event) => update({ caseSensitive: event.target.checked })}
          />
          <CheckboxField
            label={t('courses.questions.normalizeSpace')}
            checked={draft.normalizeSpace}
            onChange={(event) => update({ normalizeSpace: event.target.checked })}
          />
        </>
      )}
      <TextField
        label={t('courses.questions.tags')}
        hint={t('courses.questions.tagsHint')}
        value={draft.tags}
        onChange={(event) => update({ tags: event.target.value })}
        error={errors.tags ? t('courses.questions.errors.tags') : undefined}
      />
      <div className="grid grid-cols-2 gap-3">
        <SelectField
          label={t('courses.questions.difficulty')}
          value={draft.difficulty}
          onChange={(event) => update({ difficulty: event.target.value })}
          options={['1', '2', '3', '4', '5'].map((level) => ({ value: level, label: level }))}
        />
        <TextField
          type="number"
          inputMode="numeric"
          min={0}
          max={100}
          label={t('courses.questions.points')}
          value={draft.points}
          onChange={(event) => update({ points: event.target.value })}
          error={errors.points ? t('courses.questions.errors.points') : undefined}
        />
      </div>
      <TextAreaField
        label={t('courses.questions.explanation')}
        hint={t('courses.questions.explanationHint')}
        value={draft.explanation}
        maxLength={2000}
        rows={2}
        onChange={(event) => update({ explanation: event.target.value })}
      />
      <div className="flex flex-wrap gap-2">
        <Button type="submit" loading={busy}>
          {t('courses.common.save')}
        </Button>
        <Button variant="secondary" onClick={onDone}>
          {t('courses.common.cancel')}
        </Button>
      </div>
    </form>
  );
}

interface PartProps {
  draft: QuestionDraft;
  update: (patch: Partial<QuestionDraft>) => void;
}

/** Options of a single/multiple choice question, each with its "correct" mark. */
function ChoiceOptions({ draft, update, errors }: PartProps & { errors: DraftErrors }) {
  const { t } = useT();
  const group = useId();
  const single = draft.kind === 'single';
  const problem = errors.options
    ? t('courses.questions.errors.options')
    : errors.correct
      ? single
        ? t('courses.questions.errors.correctSingle')
        : t('courses.questions.errors.correctMultiple')
      : undefined;
  const mark = (id: string, on: boolean) =>
    update({
      correct: single
        ? on
          ? [id]
          : []
        : on
          ? [...draft.correct, id]
          : draft.correct.filter((c) => c !== id),
    });
  return (
    <fieldset className="flex flex-col gap-2" aria-describedby={problem ? `${group}-error` : `${group}-hint`}>
      <legend className="mb-1 text-sm font-semibold">{t('courses.questions.options')}</legend>
      <p id={`${group}-hint`} className="text-sm text-fg-muted">
        {single ? t('courses.questions.optionsHintSingle') : t('courses.questions.optionsHintMultiple')}
      </p>
      {draft.options.map((option, index) => {
        const label = t('courses.questions.option', { n: index + 1 });
        return (
          <div key={option.id} className="flex items-center gap-2">
            <input
              type={single ? 'radio' : 'checkbox'}
              name={`${group}-correct`}
              checked={draft.correct.includes(option.id)}
              onChange={(event) => mark(option.id, event.target.checked)}
              aria-label={t('courses.questions.markCorrect', { option: label })}
              className="size-5 shrink-0 accent-accent"
            />
            <input
              type="text"
              value={option.text}
              aria-label={label}
              placeholder={label}
              aria-invalid={errors.options && !option.text.trim() ? true : undefined}
              onChange={(event) =>
                update({
                  options: draft.options.map((o) =>
                    o.id === option.id ? { ...o, text: event.target.value } : o,
                  ),
                })
              }
              className="block min-h-11 w-full min-w-0 rounded-lg border border-border bg-surface px-3 py-2 text-base aria-[invalid=true]:border-danger"
            />
            <Button
              variant="ghost"
              disabled={draft.options.length <= 2}
              onClick={() =>
                update({
                  options: draft.options.filter((o) => o.id !== option.id),
                  correct: draft.correct.filter((c) => c !== option.id),
                })
              }
            >
              <span aria-hidden="true">×</span>
              <span className="sr-only">{t('courses.questions.removeOption', { option: label })}</span>
            </Button>
          </div>
        );
      })}
      {problem && (
        <p id={`${group}-error`} className="text-sm font-medium text-danger">
          {problem}
        </p>
      )}
      <Button
        variant="secondary"
        className="self-start"
        disabled={draft.options.length >= 10}
        onClick={() => update({ options: [...draft.options, { id: nextOptionId(draft.options), text: '' }] })}
      >
        {t('courses.questions.addOption')}
      </Button>
    </fieldset>
  );
}

/** The answer of a true/false question. */
function TrueFalse({ draft, update, invalid }: PartProps & { invalid: boolean }) {
  const { t } = useT();
  const group = useId();
  return (
    <fieldset className="flex flex-col gap-1" aria-describedby={invalid ? `${group}-error` : undefined}>
      <legend className="mb-1 text-sm font-semibold">{t('courses.questions.answer')}</legend>
      {(['true', 'false'] as const).map((value) => (
        <div key={value} className="flex min-h-11 items-center gap-3">
          <input
            id={`${group}-${value}`}
            type="radio"
            name={`${group}-tf`}
            checked={draft.correct[0] === value}
            onChange={() => update({ correct: [value] })}
            className="size-5 accent-accent"
          />
          <label htmlFor={`${group}-${value}`}>{t(`courses.questions.${value}`)}</label>
        </div>
      ))}
      {invalid && (
        <p id={`${group}-error`} className="text-sm font-medium text-danger">
          {t('courses.questions.errors.trueFalse')}
        </p>
      )}
    </fieldset>
  );
}
