import type { FileScopeResolver } from '@app/platform';
import type { LanguagemateDeps } from '../deps.js';

const PHOTO_SCOPE = /^photo:([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;

/**
 * Who may load a profile photo (`languagemate:photo:<ownerId>`): its owner, and anyone signed in
 * whom the owner did not block and who did not block the owner (a block hides the whole profile).
 */
export function photoFileScope(deps: LanguagemateDeps): FileScopeResolver {
  return async (userId, rest) => {
    const ownerId = PHOTO_SCOPE.exec(rest)?.[1];
    if (!ownerId) return false;
    if (ownerId === userId) return true;
    return !(await deps.platform.blocks.between(userId, ownerId));
  };
}
