import { call } from '@app/client';
import type { Attempt, Quiz, StudymatePaths } from '@app/studymate-contracts';
import { Button, buttonClass, Card, Notice, useApi, useFormat, useToast } from '@app/ui';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { keys } from '../shared/data.js';
import { useErrorText } from '../shared/error-text.js';
import { useT } from '../shared/i18n.js';
import { useStartAttempt } from './use-start-attempt.js';

/** The score, every answer at a glance, cards from the mistakes, another try. */
export function QuizResult({ quiz, attempt }: { quiz: Quiz; attempt: Attempt }) {
  const { t } = useT();
  const api = useApi<StudymatePaths>();
  const toast = useToast();
  const format = useFormat();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const again = useStartAttempt(quiz);
  const score = attempt.score ?? 0;
  const percent = new Intl.NumberFormat(format.locale, { style: 'percent', maximumFractionDigits: 0 });
  const byOrdinal = new Map(attempt.answers.map((answer) => [answer.ordinal, answer]));
  const mistakes = quiz.questions.filter((q) => !byOrdinal.get(q.ordinal)?.correct).length;
  const cards = useMutation({
    mutationFn: () =>
      call(api.POST('/api/v1/studymate/attempts/{id}/cards', { params: { path: { id: attempt.id } } })),
    onSuccess: ({ created }) => {
      toast(created > 0 ? t('quiz.cardsCreated', { count: created }) : t('quiz.cardsNone'));
      void queryClient.invalidateQueries({ queryKey: keys.cards });
      void queryClient.invalidateQueries({ queryKey: keys.review });
      void queryClient.invalidateQueries({ queryKey: keys.dashboard });
    },
  });
  return (
    <div className="flex flex-col gap-6">
      <Card className="flex flex-col gap-4">
        <h2 className="text-lg font-semibold">{t('quiz.result')}</h2>
        <p className="text-5xl font-bold tabular-nums">
          {score}
          <span className="text-2xl font-normal text-fg-muted"> / {attempt.maxScore}</span>
        </p>
        <p className="text-fg-muted">
          {t('quiz.resultLine', { percent: percent.format(attempt.maxScore ? score / attempt.maxScore : 0) })}
        </p>
        {cards.isError && <Notice tone="danger">{errorText(cards.error)}</Notice>}
        <div className="flex flex-wrap gap-2">
          {mistakes > 0 && (
            <Button onClick={() => cards.mutate()} loading={cards.isPending} disabled={cards.isSuccess}>
              {t('quiz.mistakeCards', { count: mistakes })}
            </Button>
          )}
          <Button variant="secondary" onClick={() => again.mutate()} loading={again.isPending}>
            {t('quiz.again')}
          </Button>
          <Link to={`/materials/${quiz.materialId}`} className={buttonClass('ghost')}>
            {t('quiz.backToMaterial')}
          </Link>
        </div>
      </Card>
      <Card className="flex flex-col gap-3">
        <h2 className="text-lg font-semibold">{t('quiz.answers')}</h2>
        <ol className="flex flex-col divide-y divide-border">
          {quiz.questions.map((question, index) => {
            const answer = byOrdinal.get(question.ordinal);
            const shown = (text: string) =>
              question.type === 'true-false'
                ? t(`quiz.${text.toLowerCase() === 'true' ? 'true' : 'false'}`)
                : text;
            return (
              <li key={question.ordinal} className="flex flex-col gap-1 py-3">
                <p className="font-semibold">
                  <span className={answer?.correct ? 'text-success' : 'text-danger'}>
                    {answer?.correct ? '✓' : '✗'}{' '}
                    <span className="sr-only">
                      {answer?.correct ? t('quiz.correct') : t('quiz.incorrect')}
                    </span>
                  </span>
                  {index + 1}. {question.prompt}
                </p>
                <p className="text-sm">
                  {answer ? `${t('quiz.yourAnswerWas')} ${shown(answer.answer)}` : t('quiz.unanswered')}
                  {answer && !answer.correct && ` · ${t('quiz.expected')} ${shown(answer.expected)}`}
                </p>
                {question.passage !== null && (
                  <Link
                    to={`/materials/${quiz.materialId}?passage=${question.passage}`}
                    className="self-start text-sm font-semibold text-accent underline underline-offset-4"
                  >
                    {t('quiz.seePassage', { n: question.passage + 1 })}
                  </Link>
                )}
              </li>
            );
          })}
        </ol>
      </Card>
    </div>
  );
}
