import { call } from '@app/client';
import type { Quiz, StudymatePaths } from '@app/studymate-contracts';
import { Button, Card, ErrorState, LoadingState, PageHeader, useApi, useTitle } from '@app/ui';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams, useSearchParams } from 'react-router';
import { keys } from '../shared/data.js';
import { useErrorText } from '../shared/error-text.js';
import { useT } from '../shared/i18n.js';
import { QuizResult } from './result.js';
import { QuizRunner } from './runner.js';
import { useStartAttempt } from './use-start-attempt.js';

/**
 * A quiz: start an attempt, answer one question at a time with feedback after each, submit, see
 * the score. The attempt is in the address (`?attempt=`), so a reload continues it.
 */
export function QuizPage() {
  const { t } = useT();
  useTitle(t('quiz.title'));
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  const attemptId = params.get('attempt');
  const api = useApi<StudymatePaths>();
  const errorText = useErrorText();
  const quiz = useQuery({
    queryKey: keys.quiz(id),
    queryFn: () => call(api.GET('/api/v1/studymate/quizzes/{id}', { params: { path: { id } } })),
  });
  const attempt = useQuery({
    queryKey: keys.attempt(attemptId ?? ''),
    enabled: attemptId !== null,
    queryFn: () =>
      call(api.GET('/api/v1/studymate/attempts/{id}', { params: { path: { id: attemptId ?? '' } } })),
  });
  const header = quiz.data ? (
    <>
      <p className="mb-2 text-sm">
        <Link
          to={`/materials/${quiz.data.materialId}`}
          className="font-semibold text-accent underline underline-offset-4"
        >
          ← {t('quiz.backToMaterial')}
        </Link>
      </p>
      <PageHeader
        title={t('quiz.title')}
        lead={t('quiz.lead', {
          difficulty: t(`difficulty.${quiz.data.difficulty}`),
          count: quiz.data.questions.length,
        })}
      />
    </>
  ) : (
    <PageHeader title={t('quiz.title')} />
  );
  if (quiz.isPending || (attemptId !== null && attempt.isPending)) return <LoadingState />;
  if (quiz.isError)
    return (
      <>
        {header}
        <ErrorState message={errorText(quiz.error)} onRetry={() => void quiz.refetch()} />
      </>
    );
  if (attemptId !== null && attempt.isError)
    return (
      <>
        {header}
        <ErrorState message={errorText(attempt.error)} onRetry={() => void attempt.refetch()} />
      </>
    );
  return (
    <>
      {header}
      {attempt.data && attemptId !== null ? (
        attempt.data.submittedAt ? (
          <QuizResult quiz={quiz.data} attempt={attempt.data} />
        ) : (
          <QuizRunner key={attempt.data.id} quiz={quiz.data} attempt={attempt.data} />
        )
      ) : (
        <QuizStart quiz={quiz.data} />
      )}
    </>
  );
}

function QuizStart({ quiz }: { quiz: Quiz }) {
  const { t } = useT();
  const errorText = useErrorText();
  const start = useStartAttempt(quiz);
  return (
    <Card className="flex flex-col items-start gap-4">
      <p>{t('quiz.intro', { count: quiz.questions.length })}</p>
      <p className="text-sm text-fg-muted">{t('quiz.keys')}</p>
      {start.isError && <ErrorState message={errorText(start.error)} />}
      <Button onClick={() => start.mutate()} loading={start.isPending}>
        {t('quiz.start')}
      </Button>
    </Card>
  );
}
