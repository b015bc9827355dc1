import { type Api, call, type paths } from '@app/client';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useApi, useWebApp } from '../app/context.js';

// What the shell needs of billing (its links), kept apart from the hooks built on `useQuery`:
// a module shared by the first screen and a lazy page travels with the first screen.

/** React Query keys of an app's billing data (invalidate `billingKeys.all(app)` after a change). */
export const billingKeys = {
  all: (app: string) => ['billing', app] as const,
  plans: (app: string) => ['billing', app, 'plans'] as const,
  me: (app: string) => ['billing', app, 'me'] as const,
  credits: (app: string) => ['billing', app, 'credits'] as const,
  invoices: (app: string) => ['billing', app, 'invoices'] as const,
};

type Plans = paths['/api/v1/billing/plans']['get']['responses'][200]['content']['application/json'];
const PLANS_STALE_MS = 10 * 60_000;
const count = (data: Plans | undefined) => (data?.plans.length ?? 0) > 0;

/** Whether the web app is a product with its own billing (the portal is not). */
export function isBillableApp(app: string): boolean {
  return app !== 'portal';
}

/** The plans request, shared by `usePlans` and the shell's `useHasPlans` (one cache entry). */
export function plansQuery(api: Api, app: string) {
  return {
    queryKey: billingKeys.plans(app),
    queryFn: () => call(api.GET('/api/v1/billing/plans', { params: { query: { app } } })),
    staleTime: PLANS_STALE_MS,
  };
}

/**
 * Whether the app has plans to show (the shell's Pricing and Billing links). It shares
 * `usePlans`'s cache entry, but asks through the QueryClient rather than `useQuery`, so an app whose
 * first screen has no query of its own does not carry the query observer's code in its first
 * screen's bundle (the budget of seed 004).
 */
export function useHasPlans(): boolean {
  const api = useApi();
  const app = useWebApp().manifest.name;
  const queryClient = useQueryClient();
  const [has, setHas] = useState(() => count(queryClient.getQueryData<Plans>(billingKeys.plans(app))));
  useEffect(() => {
    if (!isBillableApp(app)) return;
    let live = true;
    queryClient
      .fetchQuery(plansQuery(api, app))
      .then((data) => live && setHas(count(data)))
      // No links when the plans cannot be read; the pages say why if visited.
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [api, app, queryClient]);
  return has;
}
