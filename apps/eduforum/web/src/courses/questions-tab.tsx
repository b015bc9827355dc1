import { call } from '@app/client';
import type { EduforumPaths, Question } from '@app/eduforum-contracts';
import { Badge, Button, EmptyState, ErrorState, LoadingState, useApi, useToast } from '@app/ui';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useErrorText } from '../error-text.js';
import { useT } from '../i18n.js';
import { ConfirmDialog } from './bits.js';
import { type Course, keys } from './data.js';
import { QuestionDialog } from './question-form.js';

/** The question bank (staff): kind, tags, difficulty and points; create, edit, retire. */
export function QuestionsTab({ course }: { course: Course }) {
  const { t } = useT();
  const api = useApi<EduforumPaths>();
  const toast = useToast();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const courseId = course.id;
  const [editing, setEditing] = useState<{ question?: Question } | null>(null);
  const [removing, setRemoving] = useState<Question | null>(null);
  const query = useQuery({
    queryKey: keys.questions(courseId),
    queryFn: () =>
      call(api.GET('/api/v1/eduforum/courses/{courseId}/questions', { params: { path: { courseId } } })),
  });
  const remove = async (question: Question) => {
    try {
      await call(
        api.DELETE('/api/v1/eduforum/courses/{courseId}/questions/{questionId}', {
          params: { path: { courseId, questionId: question.id } },
        }),
      );
      toast(t('courses.questions.deleted'));
      await queryClient.invalidateQueries({ queryKey: keys.questions(courseId) });
    } catch (error) {
      toast(errorText(error), 'danger');
      throw error;
    }
  };

  return (
    <section aria-labelledby="questions-heading" className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <div>
          <h2 id="questions-heading" className="text-xl font-semibold">
            {t('courses.questions.title')}
          </h2>
          <p className="text-sm text-fg-muted">{t('courses.questions.lead')}</p>
        </div>
        <Button onClick={() => setEditing({})}>{t('courses.questions.new')}</Button>
      </div>
      {query.isPending ? (
        <LoadingState />
      ) : query.isError ? (
        <ErrorState message={errorText(query.error)} onRetry={() => query.refetch()} />
      ) : query.data.items.length === 0 ? (
        <EmptyState title={t('courses.questions.emptyTitle')}>
          <p>{t('courses.questions.emptyBody')}</p>
        </EmptyState>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-border">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">{t('courses.questions.title')}</caption>
            <thead className="bg-surface-muted">
              <tr>
                <th scope="col" className="px-3 py-2">
                  {t('courses.questions.prompt')}
                </th>
                <th scope="col" className="hidden px-3 py-2 md:table-cell">
                  {t('courses.questions.tags')}
                </th>
                <th scope="col" className="hidden px-3 py-2 sm:table-cell">
                  {t('courses.questions.difficulty')}
                </th>
                <th scope="col" className="hidden px-3 py-2 sm:table-cell">
                  {t('courses.questions.points')}
                </th>
                <th scope="col" className="px-3 py-2">
                  {t('courses.questions.actions')}
                </th>
              </tr>
            </thead>
            <tbody>
              {query.data.items.map((question) => (
                <tr key={question.id} className="border-t border-border align-top">
                  <td className="px-3 py-2">
                    <Badge>{t(`courses.questions.kinds.${question.kind}`)}</Badge>
                    <p className="mt-1 line-clamp-3 whitespace-pre-line">{question.prompt}</p>
                  </td>
                  <td className="hidden px-3 py-2 md:table-cell">{question.tags.join(', ') || '—'}</td>
                  <td className="hidden px-3 py-2 tabular-nums sm:table-cell">{question.difficulty}</td>
                  <td className="hidden px-3 py-2 tabular-nums sm:table-cell">{question.points}</td>
                  <td className="px-3 py-2">
                    <div className="flex flex-wrap gap-2">
                      <Button
                        variant="secondary"
                        onClick={() => setEditing({ question })}
                        aria-label={`${t('courses.questions.edit')}: ${question.prompt.slice(0, 60)}`}
                      >
                        {t('courses.questions.edit')}
                      </Button>
                      <Button
                        variant="danger"
                        onClick={() => setRemoving(question)}
                        aria-label={`${t('courses.questions.delete')}: ${question.prompt.slice(0, 60)}`}
                      >
                        {t('courses.questions.delete')}
                      </Button>
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <QuestionDialog
        courseId={courseId}
        question={editing?.question}
        open={editing !== null}
        onClose={() => setEditing(null)}
      />
      <ConfirmDialog
        open={removing !== null}
        onClose={() => setRemoving(null)}
        title={t('courses.questions.deleteTitle')}
        body={t('courses.questions.deleteBody')}
        confirmLabel={t('courses.questions.delete')}
        onConfirm={() => (removing ? remove(removing) : Promise.resolve())}
      />
    </section>
  );
}
