import type { contentSchema } from '@app/eduforum-contracts';
import { notFound } from '@app/platform';
import type { z } from 'zod';
import type { EduforumDeps } from '../deps.js';
import { isStaff } from '../policies.js';

type Content = z.infer<typeof contentSchema>;

/**
 * Course content: references to files of the files module with a visibility (everyone enrolled,
 * or staff only). The file itself, its upload and download, belong to the files module.
 */
export class ContentService {
  constructor(private readonly deps: EduforumDeps) {}

  async add(
    userId: string,
    courseId: string,
    input: { title: string; fileId: string; visibility: Content['visibility'] },
  ): Promise<Content> {
    await this.deps.policy.require(userId, { course: courseId }, 'course.edit');
    const row = await this.deps.db
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
    return toContent(row);
  }

  /** What the caller may see: staff see everything, students what is for everyone. */
  async list(userId: string, courseId: string): Promise<Content[]> {
    const role = await this.deps.policy.require(userId, { course: courseId }, 'course.view');
    let q = this.deps.db
      .selectFrom('eduforum.course_content')
      .selectAll()
      .where('course_id', '=', courseId)
      .orderBy('id');
    if (!isStaff(role)) q = q.where('visibility', '=', 'everyone');
    return (await q.execute()).map(toContent);
  }

  async remove(userId: string, courseId: string, contentId: string): Promise<void> {
    await this.deps.policy.require(userId, { course: courseId }, 'course.edit');
    const removed = await this.deps.db
      .deleteFrom('eduforum.course_content')
      .where('course_id', '=', courseId)
      .where('id', '=', contentId)
      .executeTakeFirst();
    if (Number(removed.numDeletedRows) === 0) throw notFound('Content');
  }
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
