import { call } from '@app/client';
import type { Attempt, Quiz, StudymatePaths } from '@app/studymate-contracts';
import { useApi } from '@app/ui';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { keys } from '../shared/data.js';

/** Starts an attempt and puts it in the address. */
export function useStartAttempt(quiz: Quiz) {
  const api = useApi<StudymatePaths>();
  const queryClient = useQueryClient();
  const [, setParams] = useSearchParams();
  return useMutation({
    mutationFn: () =>
      call(api.POST('/api/v1/studymate/quizzes/{id}/attempts', { params: { path: { id: quiz.id } } })),
    onSuccess: (attempt: Attempt) => {
      queryClient.setQueryData(keys.attempt(attempt.id), attempt);
      setParams({ attempt: attempt.id }, { replace: true });
    },
  });
}
