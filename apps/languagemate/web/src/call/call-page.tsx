// PLACEHOLDER: replaced by the call screen of the other web helper (lm-web2) at merge.
import { EmptyState } from '@app/ui';

/** Placeholder of the call page. */
export function CallPage() {
  return <EmptyState title="Call" />;
}
