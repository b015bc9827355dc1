import type { Entitlements } from '@app/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useWebApp } from '../app/context.js';
import { useEntitlements } from './data.js';
import { billingKeys } from './keys.js';

/** How long the billing page waits for the payment's webhook after Stripe sends the browser back. */
export const CONFIRM_WAIT_MS = 20_000;
const POLL_MS = 1_500;

/** Whether the entitlements show a plan paid through Stripe (what a finished checkout gives). */
function paidOnline(me: Entitlements | undefined): boolean {
  const subscription = me?.subscription;
  return (
    subscription?.source === 'stripe' &&
    (subscription.status === 'active' || subscription.status === 'trialing')
  );
}

/**
 * The billing page's entitlements, and what Stripe's return (`?checkout=success|cancel`) means
 * for them. Stripe's webhook may arrive a moment after the browser: after a success, `/me` is asked
 * again every 1.5 s until the paid plan shows (`confirmed`, the parameter is then dropped from the
 * address so a reload does not wait again) or 20 s have passed (`timedOut`).
 */
export function useCheckoutReturn() {
  const [params, setParams] = useSearchParams();
  const queryClient = useQueryClient();
  const app = useWebApp().manifest.name;
  const outcome = params.get('checkout');
  const [timedOut, setTimedOut] = useState(false);
  const [confirmed, setConfirmed] = useState(false);
  const waiting = outcome === 'success' && !confirmed && !timedOut;
  const me = useEntitlements({ refetchInterval: waiting ? POLL_MS : false });
  const done = waiting && paidOnline(me.data);

  useEffect(() => {
    if (outcome !== 'success') return;
    const timer = setTimeout(() => setTimedOut(true), CONFIRM_WAIT_MS);
    return () => clearTimeout(timer);
  }, [outcome]);

  useEffect(() => {
    if (!done) return;
    setConfirmed(true);
    // The invoice and the plan's credits came with the same events.
    void queryClient.invalidateQueries({ queryKey: billingKeys.invoices(app) });
    void queryClient.invalidateQueries({ queryKey: billingKeys.credits(app) });
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        next.delete('checkout');
        return next;
      },
      { replace: true },
    );
  }, [done, app, queryClient, setParams]);

  return {
    me,
    /** Waiting for the webhook of a finished checkout. */
    confirming: waiting && !done,
    confirmed,
    timedOut: timedOut && !confirmed && outcome === 'success',
    canceled: outcome === 'cancel',
  };
}
