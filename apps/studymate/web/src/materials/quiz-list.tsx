import { call } from '@app/client';
import type { StudymatePaths } from '@app/studymate-contracts';
import { Card, ErrorState, LoadingState, useApi, useFormat } from '@app/ui';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { keys } from '../shared/data.js';
import { useErrorText } from '../shared/error-text.js';
import { useT } from '../shared/i18n.js';

/** The quizzes made from a material, newest first, with the best score of each. */
export function QuizList({ materialId }: { materialId: string }) {
  const { t } = useT();
  const api = useApi<StudymatePaths>();
  const format = useFormat();
  const errorText = useErrorText();
  const quizzes = useQuery({
    queryKey: keys.quizzesOf(materialId),
    queryFn: () =>
      call(api.GET('/api/v1/studymate/materials/{id}/quizzes', { params: { path: { id: materialId } } })),
  });
  return (
    <Card className="flex flex-col gap-3">
      <h2 id="quizzes" className="scroll-mt-20 text-lg font-semibold">
        {t('reader.quizzes')}
      </h2>
      {quizzes.isPending ? (
        <LoadingState />
      ) : quizzes.isError ? (
        <ErrorState message={errorText(quizzes.error)} onRetry={() => void quizzes.refetch()} />
      ) : quizzes.data.items.length === 0 ? (
        <p className="text-fg-muted">{t('reader.noQuizzes')}</p>
      ) : (
        <ul className="flex flex-col divide-y divide-border">
          {quizzes.data.items.map((quiz) => (
            <li key={quiz.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
              <Link
                to={`/quizzes/${quiz.id}`}
                className="font-semibold text-accent underline underline-offset-4"
              >
                {t('reader.quizItem', {
                  difficulty: t(`difficulty.${quiz.difficulty}`),
                  count: quiz.questions,
                })}
              </Link>
              <span className="text-sm text-fg-muted">
                {quiz.best === null
                  ? format.date(quiz.createdAt)
                  : t('reader.best', { score: quiz.best, max: quiz.questions })}
              </span>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
