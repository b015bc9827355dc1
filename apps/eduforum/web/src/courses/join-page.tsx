import { EmptyState } from '@app/ui';

export function JoinPage() {
  return <EmptyState title="JoinPage" />;
}
