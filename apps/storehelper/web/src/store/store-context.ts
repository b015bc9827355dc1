import type { Store } from '@app/storehelper-contracts';
import { useOutletContext } from 'react-router';

/** What a store's pages get from its layout: the store, with the caller's role in it. */
export interface StoreContext {
  store: Store;
  /** The owner (or an admin acting as one): approves replies, imports, changes settings. */
  isOwner: boolean;
}

/** The store whose page this is (inside StoreLayout). */
export function useStoreContext(): StoreContext {
  return useOutletContext<StoreContext>();
}
