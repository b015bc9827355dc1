import type { SubscriptionStatus } from '@app/contracts';

/** The columns of `platform.subscriptions` that decide whether a subscription gives its plan now. */
export interface SubscriptionTerms {
  readonly status: SubscriptionStatus | string;
  readonly current_period_end: Date | null;
  readonly cancel_at_period_end: boolean;
  readonly source: 'stripe' | 'manual' | string;
}

/**
 * How long a paid Stripe period may be overdue before its plan stops counting: renewal webhooks can
 * arrive a little after the period ends, and a customer must not lose their plan in between.
 */
export const RENEWAL_GRACE_MS = 24 * 60 * 60 * 1000;

/**
 * Whether a subscription gives its plan at `now` (docs/billing.md, "Which plan counts"):
 * - trialing, active and past_due (Stripe is retrying the payment) count; every other state does not;
 * - one set to cancel at period end counts until that end, then the account is on the free plan
 *   (even before Stripe's `customer.subscription.deleted` arrives);
 * - a Stripe period that ended more than RENEWAL_GRACE_MS ago without a renewal no longer counts;
 * - a manual assignment counts until its `current_period_end` (null: until an admin ends it).
 */
export function givesPlan(subscription: SubscriptionTerms, now: Date): boolean {
  if (!['trialing', 'active', 'past_due'].includes(subscription.status)) return false;
  const end = subscription.current_period_end;
  if (end === null) return subscription.source === 'manual';
  if (subscription.cancel_at_period_end || subscription.source === 'manual') return end > now;
  return end.getTime() + RENEWAL_GRACE_MS > now.getTime();
}
