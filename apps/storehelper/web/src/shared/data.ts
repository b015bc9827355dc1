import { call } from '@app/client';
import type { StorehelperPaths } from '@app/storehelper-contracts';
import { useApi } from '@app/ui';
import { useQuery } from '@tanstack/react-query';

/** React Query keys of the app, in one place so changes invalidate the right lists. */
export const keys = {
  all: ['storehelper'] as const,
  stores: ['storehelper', 'stores'] as const,
  store: (storeId: string) => ['storehelper', 'store', storeId] as const,
  reviews: (storeId: string) => ['storehelper', 'reviews', storeId] as const,
  review: (reviewId: string) => ['storehelper', 'review', reviewId] as const,
  alerts: (storeId: string) => ['storehelper', 'alerts', storeId] as const,
  templates: (storeId: string) => ['storehelper', 'templates', storeId] as const,
  dashboard: (storeId: string) => ['storehelper', 'dashboard', storeId] as const,
  staff: (storeId: string) => ['storehelper', 'staff', storeId] as const,
  competitors: (storeId: string) => ['storehelper', 'competitors', storeId] as const,
  runs: (storeId: string) => ['storehelper', 'runs', storeId] as const,
  reports: (storeId: string) => ['storehelper', 'reports', storeId] as const,
};

/** One store with the caller's role in it. */
export function useStore(storeId: string) {
  const api = useApi<StorehelperPaths>();
  return useQuery({
    queryKey: keys.store(storeId),
    queryFn: () => call(api.GET('/api/v1/storehelper/stores/{storeId}', { params: { path: { storeId } } })),
  });
}

/** The store's reply templates. */
export function useTemplates(storeId: string) {
  const api = useApi<StorehelperPaths>();
  return useQuery({
    queryKey: keys.templates(storeId),
    queryFn: () =>
      call(api.GET('/api/v1/storehelper/stores/{storeId}/templates', { params: { path: { storeId } } })),
  });
}
