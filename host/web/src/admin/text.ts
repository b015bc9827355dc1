import { useNamespace } from '@app/ui';
import { en, ko } from './messages.js';

/** The admin console's `t` (namespace `portalConsole`), its texts loaded with its pages. */
export function useConsoleText() {
  return useNamespace('portalConsole', { en, ko }).t;
}
