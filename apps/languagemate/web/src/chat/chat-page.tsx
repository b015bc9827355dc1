// PLACEHOLDER: replaced by the conversation screen of the other web helper (lm-web2) at merge.
import { EmptyState } from '@app/ui';

/** Placeholder of the conversation page. */
export function ChatPage() {
  return <EmptyState title="Chat" />;
}
