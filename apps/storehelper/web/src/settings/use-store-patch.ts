import { call } from '@app/client';
import type { Store, StorehelperPaths } from '@app/storehelper-contracts';
import { useApi } from '@app/ui';
import { useQueryClient } from '@tanstack/react-query';
import { keys } from '../shared/data.js';

type Patch = NonNullable<
  StorehelperPaths['/api/v1/storehelper/stores/{storeId}']['patch']['requestBody']
>['content']['application/json'];

/** Saves some of a store's settings; the answer replaces the store in the cache. */
export function useStorePatch(storeId: string): (patch: Patch) => Promise<Store> {
  const api = useApi<StorehelperPaths>();
  const queryClient = useQueryClient();
  return async (patch) => {
    const store = await call(
      api.PATCH('/api/v1/storehelper/stores/{storeId}', { params: { path: { storeId } }, body: patch }),
    );
    queryClient.setQueryData(keys.store(storeId), store);
    await queryClient.invalidateQueries({ queryKey: keys.stores });
    return store;
  };
}
