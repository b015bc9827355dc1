import { EmptyState } from '@app/ui';

export function LiveRoomPage() {
  return <EmptyState title="LiveRoomPage" />;
}
