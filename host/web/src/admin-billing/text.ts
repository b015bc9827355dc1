import { useNamespace } from '@app/ui';
import { en, ko } from './messages.js';

/** The admin billing page's `t` (namespace `portalAdmin`), its texts loaded with the page. */
export function useAdminText() {
  return useNamespace('portalAdmin', { en, ko }).t;
}
