import type { FileScopeResolver } from '@app/platform';
import type { StudymateDeps } from '../deps.js';

const MATERIAL_SCOPE = /^material:([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;

/** Who may download a material's upload (`studymate:material:<id>`): the learner it belongs to. */
export function materialFileScope(deps: StudymateDeps): FileScopeResolver {
  return async (userId, rest) => {
    const materialId = MATERIAL_SCOPE.exec(rest)?.[1];
    if (!materialId) return false;
    const row = await deps.db
      .selectFrom('studymate.materials')
      .select('id')
      .where('id', '=', materialId)
      .where('user_id', '=', userId)
      .executeTakeFirst();
    return row !== undefined;
  };
}
