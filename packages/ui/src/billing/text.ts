import { useNamespace } from '../i18n/namespace.js';
import { en, ko } from './messages.js';

/** Billing's `t` (namespace `billing`); its texts are added on first use, with the code that uses them. */
export function useBillingText() {
  return useNamespace('billing', { en, ko }).t;
}
