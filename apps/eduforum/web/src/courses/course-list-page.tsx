import { EmptyState } from '@app/ui';

export function CoursesPage() {
  return <EmptyState title="CoursesPage" />;
}
