import { call } from '@app/client';
import type { Course, EduforumAction, EduforumPaths } from '@app/eduforum-contracts';
import { useApi } from '@app/ui';
import { useQuery } from '@tanstack/react-query';

/** React Query keys of this area, in one place so mutations invalidate the right lists. */
export const keys = {
  me: ['eduforum', 'me'] as const,
  courses: ['eduforum', 'courses'] as const,
  course: (courseId: string) => ['eduforum', 'course', courseId] as const,
  sessions: (courseId: string) => ['eduforum', 'course', courseId, 'sessions'] as const,
  members: (courseId: string) => ['eduforum', 'course', courseId, 'members'] as const,
  /** Under members: refreshing the members refreshes the pending invitations too. */
  invitations: (courseId: string) => ['eduforum', 'course', courseId, 'members', 'invitations'] as const,
  content: (courseId: string) => ['eduforum', 'course', courseId, 'content'] as const,
  questions: (courseId: string) => ['eduforum', 'course', courseId, 'questions'] as const,
};

/** The caller's app-wide role: decides whether "New course" is offered (the API decides for real). */
export function useMe() {
  const api = useApi<EduforumPaths>();
  return useQuery({
    queryKey: keys.me,
    queryFn: () => call(api.GET('/api/v1/eduforum/me')),
    staleTime: 60_000,
  });
}

/** One course as the caller sees it (with `myRole`). */
export function useCourse(courseId: string) {
  const api = useApi<EduforumPaths>();
  return useQuery({
    queryKey: keys.course(courseId),
    queryFn: () => call(api.GET('/api/v1/eduforum/courses/{courseId}', { params: { path: { courseId } } })),
  });
}

/** Whether the caller may do `action` in the course: the abilities the API sent, never re-decided here. */
export function can(course: Pick<Course, 'abilities'>, action: EduforumAction): boolean {
  return course.abilities.includes(action);
}

export type { Course };
