import { EmptyState } from '@app/ui';

export function CoursePage() {
  return <EmptyState title="CoursePage" />;
}
