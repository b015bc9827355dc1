import type { contentSchema } from '@app/eduforum-contracts';
import { type Caller, callerId, type FileScopeResolver, notFound } from '@app/platform';
import type { z } from 'zod';
import type { EduforumDeps } from '../deps.js';
import { allows, isStaff } from '../policies.js';

type Content = z.infer<typeof contentSchema>;

/** The file scope of one content item: `eduforum:content:<contentId>` (its course and visibility decide). */
const scopeOf = (contentId: string) => `eduforum:content:${contentId}`;
const CONTENT_SCOPE = /^content:([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;

/** Who may see an item: whoever may view the course, and only staff what is for staff. */
function maySee(role: Parameters<typeof isStaff>[0], visibility: string): boolean {
  return allows(role, 'course.view') && (visibility === 'everyone' || isStaff(role));
}

/**
 * Course content: references to files of the files module with a visibility (everyone enrolled,
 * or staff only). The file is attached to the item when it is published (the publisher's own new
 * upload only) and released when the item is removed; downloads ask `contentFileScope`.
 */
export class ContentService {
  constructor(private readonly deps: EduforumDeps) {}

  async add(
    caller: Caller,
    courseId: string,
    input: { title: string; fileId: string; visibility: Content['visibility'] },
  ): Promise<Content> {
    await this.deps.policy.require(caller, { course: courseId }, 'course.edit');
    const userId = callerId(caller);
    const row = await this.deps.db.transaction().execute(async (trx) => {
      const inserted = await trx
        .insertInto('eduforum.course_content')
        .values({
          course_id: courseId,
          title: input.title,
          file_id: input.fileId,
          visibility: input.visibility,
          created_by: userId,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      await this.deps.platform.files.attach(trx, {
        fileIds: [input.fileId],
        ownerId: userId,
        scope: scopeOf(inserted.id),
      });
      return inserted;
    });
    return toContent(row);
  }

  /** What the caller may see: staff see everything, students what is for everyone. */
  async list(caller: Caller, courseId: string): Promise<Content[]> {
    const role = await this.deps.policy.require(caller, { course: courseId }, 'course.view');
    let q = this.deps.db
      .selectFrom('eduforum.course_content')
      .selectAll()
      .where('course_id', '=', courseId)
      .orderBy('id');
    if (!isStaff(role)) q = q.where('visibility', '=', 'everyone');
    return (await q.execute()).map(toContent);
  }

  async remove(caller: Caller, courseId: string, contentId: string): Promise<void> {
    await this.deps.policy.require(caller, { course: courseId }, 'course.edit');
    await this.deps.db.transaction().execute(async (trx) => {
      const removed = await trx
        .deleteFrom('eduforum.course_content')
        .where('course_id', '=', courseId)
        .where('id', '=', contentId)
        .returning('file_id')
        .executeTakeFirst();
      if (!removed) throw notFound('Content');
      await this.deps.platform.files.detach(trx, { fileIds: [removed.file_id], scope: scopeOf(contentId) });
    });
  }
}

/**
 * eduforum's file-scope check (`fileScopes` of its setup): a content item's file is for those who
 * may see the item now, so a student loses staff-only files and a removed member loses them all.
 */
export function contentFileScope(deps: EduforumDeps): FileScopeResolver {
  return async (userId, rest) => {
    const contentId = CONTENT_SCOPE.exec(rest)?.[1];
    if (!contentId) return false;
    const item = await deps.db
      .selectFrom('eduforum.course_content')
      .select(['course_id', 'visibility'])
      .where('id', '=', contentId)
      .executeTakeFirst();
    if (!item) return false;
    return maySee(await deps.policy.roleIn(userId, 'course', item.course_id), item.visibility);
  };
}

function toContent(row: {
  id: string;
  title: string;
  file_id: string;
  visibility: string;
  created_at: Date;
}): Content {
  return {
    id: row.id,
    title: row.title,
    fileId: row.file_id,
    visibility: row.visibility as Content['visibility'],
    createdAt: row.created_at.toISOString(),
  };
}
