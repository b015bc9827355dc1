import { call } from '@app/client';
import type { StudymatePaths } from '@app/studymate-contracts';
import { useApi } from '@app/ui';
import { useQuery } from '@tanstack/react-query';

/** React Query keys of the app, in one place so mutations invalidate the right lists. */
export const keys = {
  all: ['studymate'] as const,
  subjects: ['studymate', 'subjects'] as const,
  materials: (subjectId: string) => ['studymate', 'materials', subjectId] as const,
  material: (id: string) => ['studymate', 'material', id] as const,
  quizzesOf: (materialId: string) => ['studymate', 'quizzes-of', materialId] as const,
  quiz: (id: string) => ['studymate', 'quiz', id] as const,
  attempt: (id: string) => ['studymate', 'attempt', id] as const,
  review: ['studymate', 'review'] as const,
  cards: ['studymate', 'cards'] as const,
  settings: ['studymate', 'settings'] as const,
  dashboard: ['studymate', 'dashboard'] as const,
  timer: ['studymate', 'timer'] as const,
  reports: ['studymate', 'reports'] as const,
};

/** The caller's subjects, by name. */
export function useSubjects() {
  const api = useApi<StudymatePaths>();
  return useQuery({
    queryKey: keys.subjects,
    queryFn: () => call(api.GET('/api/v1/studymate/subjects')),
  });
}

/** The learner's settings and the optimiser's state. */
export function useSettings(options: { poll?: boolean } = {}) {
  const api = useApi<StudymatePaths>();
  return useQuery({
    queryKey: keys.settings,
    queryFn: () => call(api.GET('/api/v1/studymate/settings')),
    // While an optimisation is queued or running, its result is polled for.
    refetchInterval: (query) => (options.poll && query.state.data?.optimizer.pending ? 1500 : false),
  });
}

/** Everything the dashboard draws (last 30 days). */
export function useDashboard() {
  const api = useApi<StudymatePaths>();
  return useQuery({
    queryKey: keys.dashboard,
    queryFn: () => call(api.GET('/api/v1/studymate/dashboard', { params: { query: { days: 30 } } })),
  });
}
