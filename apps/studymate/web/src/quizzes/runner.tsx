import { call } from '@app/client';
import type { AnswerFeedback, Attempt, Quiz, StudymatePaths } from '@app/studymate-contracts';
import { Button, buttonClass, Card, Notice, useApi } from '@app/ui';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { keys } from '../shared/data.js';
import { codeOf, useErrorText } from '../shared/error-text.js';
import { useT } from '../shared/i18n.js';
import { FeedbackPanel } from './feedback.js';
import { QuestionForm } from './question-form.js';
import { QuestionHeading } from './question-heading.js';

/** One question at a time; feedback after each answer; submit when all are answered. */
export function QuizRunner({ quiz, attempt }: { quiz: Quiz; attempt: Attempt }) {
  const { t } = useT();
  const api = useApi<StudymatePaths>();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const answered = new Map(attempt.answers.map((answer) => [answer.ordinal, answer]));
  const firstOpen = quiz.questions.find((q) => !answered.has(q.ordinal))?.ordinal ?? null;
  // The question on screen: the first unanswered one, or the one just answered (its feedback).
  const [viewing, setViewing] = useState<number | null>(firstOpen);
  const [notice, setNotice] = useState<string | null>(null);
  const question = quiz.questions.find((q) => q.ordinal === viewing) ?? null;
  const feedback = viewing !== null ? answered.get(viewing) : undefined;
  const attemptKey = keys.attempt(attempt.id);
  const reload = () => queryClient.invalidateQueries({ queryKey: attemptKey });

  const answer = useMutation({
    mutationFn: (body: { ordinal: number; answer: string }) =>
      call(
        api.POST('/api/v1/studymate/attempts/{id}/answers', { params: { path: { id: attempt.id } }, body }),
      ),
    onSuccess: (result: AnswerFeedback) => {
      setNotice(null);
      queryClient.setQueryData<Attempt>(attemptKey, (current) =>
        current
          ? { ...current, answers: [...current.answers.filter((a) => a.ordinal !== result.ordinal), result] }
          : current,
      );
    },
    onError: (error) => {
      // Answered in another tab, or the attempt was submitted there: show what the server has.
      const code = codeOf(error);
      if (code === 'ALREADY_ANSWERED' || code === 'ATTEMPT_CLOSED') {
        setNotice(errorText(error));
        void reload();
      }
    },
  });
  const submit = useMutation({
    mutationFn: () =>
      call(api.POST('/api/v1/studymate/attempts/{id}/submit', { params: { path: { id: attempt.id } } })),
    onSuccess: (done) => {
      queryClient.setQueryData(attemptKey, done);
      void queryClient.invalidateQueries({ queryKey: keys.quizzesOf(quiz.materialId) });
      void queryClient.invalidateQueries({ queryKey: keys.dashboard });
    },
    onError: (error) => {
      if (codeOf(error) === 'ATTEMPT_CLOSED') void reload();
    },
  });

  const count = quiz.questions.length;
  const done = attempt.answers.length;
  const position = question ? quiz.questions.indexOf(question) + 1 : count;
  const allAnswered = firstOpen === null;
  const next = () => {
    setNotice(null);
    setViewing(firstOpen);
  };

  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-col gap-1.5">
        <p className="text-sm font-semibold" aria-live="polite">
          {t('quiz.progress', { n: position, count, answered: done })}
        </p>
        <div
          role="progressbar"
          aria-label={t('quiz.progressLabel')}
          aria-valuemin={0}
          aria-valuemax={count}
          aria-valuenow={done}
          className="h-2 overflow-hidden rounded-full bg-surface-muted"
        >
          <div
            className="h-full rounded-full bg-accent"
            style={{ width: `${(done / Math.max(1, count)) * 100}%` }}
          />
        </div>
      </div>
      {notice && <Notice tone="warning">{notice}</Notice>}
      {question ? (
        <Card className="flex flex-col gap-4">
          {feedback ? (
            <>
              <QuestionHeading question={question} n={position} />
              <FeedbackPanel feedback={feedback} question={question} materialId={quiz.materialId} />
              <NextButton
                label={allAnswered ? t('quiz.finish') : t('quiz.next')}
                onClick={allAnswered ? () => submit.mutate() : next}
                loading={submit.isPending}
              />
            </>
          ) : (
            <QuestionForm
              key={question.ordinal}
              question={question}
              n={position}
              sending={answer.isPending}
              error={answer.isError && !notice ? errorText(answer.error) : null}
              onAnswer={(text) => answer.mutate({ ordinal: question.ordinal, answer: text })}
            />
          )}
        </Card>
      ) : (
        <Card className="flex flex-col items-start gap-3">
          <p>{t('quiz.allAnswered')}</p>
          <NextButton label={t('quiz.finish')} onClick={() => submit.mutate()} loading={submit.isPending} />
        </Card>
      )}
      {submit.isError && codeOf(submit.error) !== 'ATTEMPT_CLOSED' && (
        <Notice tone="danger">{errorText(submit.error)}</Notice>
      )}
      {!allAnswered && done > 0 && (
        <Button
          variant="ghost"
          className="self-start"
          onClick={() => submit.mutate()}
          loading={submit.isPending}
        >
          {t('quiz.submitEarly')}
        </Button>
      )}
    </div>
  );
}

/** The button after feedback; it takes focus so Enter goes on. */
function NextButton({ label, onClick, loading }: { label: string; onClick: () => void; loading: boolean }) {
  const ref = useRef<HTMLButtonElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <button
      ref={ref}
      type="button"
      onClick={onClick}
      disabled={loading}
      aria-busy={loading || undefined}
      className={buttonClass('primary', 'self-start')}
    >
      {label}
    </button>
  );
}
