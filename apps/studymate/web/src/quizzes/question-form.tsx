import type { Quiz } from '@app/studymate-contracts';
import { Button, Notice, TextField } from '@app/ui';
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { useT } from '../shared/i18n.js';
import { QuestionHeading } from './question-heading.js';

type Question = Quiz['questions'][number];

/** Whether a key press belongs to a text field (number keys then type, not choose). */
function typing(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName)) &&
    !(target instanceof HTMLInputElement && target.type === 'radio')
  );
}

/**
 * One question: choices as radio buttons (number keys 1-4 pick one), or a text box for cloze and
 * short answers; Enter or "Check" sends it.
 */
export function QuestionForm({
  question,
  n,
  sending,
  error,
  onAnswer,
}: {
  question: Question;
  n: number;
  sending: boolean;
  error: string | null;
  onAnswer: (answer: string) => void;
}) {
  const { t } = useT();
  const [value, setValue] = useState('');
  const name = useId();
  const form = useRef<HTMLFormElement>(null);
  const choices =
    question.type === 'multiple-choice' || question.type === 'true-false' ? question.choices : null;

  useEffect(() => {
    // A new question: focus its first control, so the keyboard can answer at once.
    form.current?.querySelector<HTMLElement>('input')?.focus();
  }, []);

  useEffect(() => {
    if (!choices) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.altKey || event.ctrlKey || event.metaKey || typing(event.target)) return;
      // Enter checks the chosen answer (a focused button acts on its own).
      if (event.key === 'Enter') {
        if (event.target instanceof HTMLButtonElement || event.target instanceof HTMLAnchorElement) return;
        event.preventDefault();
        form.current?.requestSubmit();
        return;
      }
      const index = Number(event.key) - 1;
      const choice = Number.isInteger(index) ? choices[index] : undefined;
      if (choice === undefined) return;
      event.preventDefault();
      setValue(choice);
      form.current?.querySelector<HTMLInputElement>(`input[value="${CSS.escape(choice)}"]`)?.focus();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [choices]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (value.trim() && !sending) onAnswer(value.trim());
  };
  const label = (choice: string) =>
    question.type === 'true-false' ? t(`quiz.${choice.toLowerCase() === 'true' ? 'true' : 'false'}`) : choice;

  return (
    <form
      ref={form}
      onSubmit={submit}
      className="flex flex-col gap-4"
      aria-label={t('quiz.questionN', { n })}
    >
      <QuestionHeading question={question} n={n} />
      {choices ? (
        <fieldset className="flex flex-col gap-2">
          <legend className="sr-only">{question.prompt}</legend>
          {choices.map((choice, index) => (
            <label
              key={choice}
              className={`flex min-h-11 cursor-pointer items-center gap-3 rounded-lg border px-3 py-2 ${
                value === choice ? 'border-accent bg-surface-muted' : 'border-border'
              }`}
            >
              <input
                type="radio"
                name={name}
                value={choice}
                checked={value === choice}
                onChange={() => setValue(choice)}
                className="size-5 shrink-0 accent-accent"
              />
              <span
                aria-hidden="true"
                className="inline-flex size-6 shrink-0 items-center justify-center rounded border border-border text-xs font-semibold text-fg-muted"
              >
                {index + 1}
              </span>
              <span>{label(choice)}</span>
            </label>
          ))}
        </fieldset>
      ) : (
        <TextField
          label={question.type === 'cloze' ? t('quiz.fillBlank') : t('quiz.yourAnswer')}
          autoComplete="off"
          autoCapitalize="off"
          spellCheck={false}
          maxLength={2000}
          value={value}
          onChange={(event) => setValue(event.target.value)}
        />
      )}
      {error && <Notice tone="danger">{error}</Notice>}
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" loading={sending} disabled={!value.trim()}>
          {t('quiz.check')}
        </Button>
        {choices && (
          <span className="text-sm text-fg-muted">{t('quiz.keysShort', { count: choices.length })}</span>
        )}
      </div>
    </form>
  );
}
