import type { EduforumDeps } from '../deps.js';

/**
 * eduforum's context for 1:1 calls: people who share a course (students, TAs and the professor of
 * one course) may ring each other. The kernel also allows people who share an eduforum chat room
 * and refuses anyone blocked either way.
 */
export function registerCallPolicy(deps: EduforumDeps): void {
  deps.platform.calls.allowCallers('eduforum', async (callerId, calleeId) => {
    const shared = await deps.db
      .selectFrom('eduforum.course_members as a')
      .innerJoin('eduforum.course_members as b', 'b.course_id', 'a.course_id')
      .select('a.course_id')
      .where('a.user_id', '=', callerId)
      .where('b.user_id', '=', calleeId)
      .limit(1)
      .executeTakeFirst();
    return shared !== undefined;
  });
}
