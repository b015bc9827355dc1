import type { FileScopeResolver } from '@app/platform';
import type { StorehelperDeps } from '../deps.js';

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const IMPORT_SCOPE = new RegExp(`^import:(${UUID}):(${UUID})$`, 'i');

/** Who may download an imported spreadsheet (`storehelper:import:<storeId>:<runId>`): the store's owner and staff. */
export function importFileScope(deps: StorehelperDeps): FileScopeResolver {
  return async (userId, rest) => {
    const storeId = IMPORT_SCOPE.exec(rest)?.[1];
    if (!storeId) return false;
    const role = await deps.policy.roleIn(userId, 'store', storeId).catch(() => null);
    return role === 'owner' || role === 'staff' || role === 'admin';
  };
}
