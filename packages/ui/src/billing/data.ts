import { call } from '@app/client';
import { useQuery } from '@tanstack/react-query';
import { useApi, useSession, useWebApp } from '../app/context.js';
import { billingKeys, isBillableApp, plansQuery } from './keys.js';

/**
 * The app's plans (public: `GET /api/v1/billing/plans`), their labels and whether online payment
 * is set up. Apps that declared no plans answer an empty list; the portal asks nothing.
 */
export function usePlans() {
  const api = useApi();
  const app = useWebApp().manifest.name;
  return useQuery({
    ...plansQuery(api, app),
    enabled: isBillableApp(app),
  });
}

/**
 * The signed-in account's plan in the app (`GET /api/v1/billing/me`): limits with their use,
 * features, credits and the subscription giving the plan. Not asked when signed out.
 */
export function useEntitlements(options: { refetchInterval?: number | false } = {}) {
  const api = useApi();
  const app = useWebApp().manifest.name;
  const { status } = useSession();
  return useQuery({
    queryKey: billingKeys.me(app),
    queryFn: () => call(api.GET('/api/v1/billing/me', { params: { query: { app } } })),
    enabled: status === 'signed-in' && isBillableApp(app),
    refetchInterval: options.refetchInterval ?? false,
  });
}
