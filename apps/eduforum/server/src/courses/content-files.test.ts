import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { App } from '@app/platform';
import {
  createTestDatabase,
  downloadFile,
  listenTestApp,
  type TestDatabase,
  uploadText,
} from '@app/platform/testing';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eduforum } from '../index.js';
import { call, makeCourse, type World } from '../test-support.js';

let database: TestDatabase;
let dataDir: string;
let app: App;
let world: World;

beforeAll(async () => {
  database = await createTestDatabase();
  dataDir = await mkdtemp(path.join(tmpdir(), 'campus-content-'));
  ({ app } = await listenTestApp(database.url, { DATA_DIR: dataDir }, { apps: [eduforum] }));
  world = await makeCourse(app, 2);
});

afterAll(async () => {
  await app?.close();
  await database?.drop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

/** Two days pass (the upload grace period is 24 h), then the daily cleanup runs. */
async function cleanupTwoDaysLater(fileIds: string[]) {
  await app.platform.db
    .updateTable('platform.files')
    .set({ created_at: sql<Date>`now() - interval '2 days'` })
    .where('id', 'in', fileIds)
    .execute();
  await app.platform.files.cleanup();
}

async function publish(
  who: World['professor'],
  courseId: string,
  fileId: string,
  visibility: 'everyone' | 'staff' = 'everyone',
) {
  return call(app, who, 'POST', `/courses/${courseId}/content`, { title: '자료', fileId, visibility });
}

describe('course content files', () => {
  it('keeps published files past the orphan grace period', async () => {
    const { professor, students, courseId } = world;
    const file = await uploadText(app, professor.token, 'week 1 slides');
    const abandoned = await uploadText(app, professor.token, 'never published');
    expect((await publish(professor, courseId, file.id)).statusCode).toBe(201);
    await cleanupTwoDaysLater([file.id, abandoned.id]);
    expect((await downloadFile(app, professor.token, abandoned.id)).status).toBe(404);
    expect(await downloadFile(app, students[0]?.token ?? '', file.id)).toEqual({
      status: 200,
      body: 'week 1 slides',
    });
    const listed = await call(app, students[0] ?? null, 'GET', `/courses/${courseId}/content`);
    expect(listed.json().items.map((c: { fileId: string }) => c.fileId)).toContain(file.id);
  });

  it('lists and serves staff-only content to staff only, and nothing to outsiders', async () => {
    const { professor, ta, students, outsider, courseId } = world;
    const key = await uploadText(app, professor.token, 'answer key');
    const item = await call(app, professor, 'POST', `/courses/${courseId}/content`, {
      title: '정답지',
      fileId: key.id,
      visibility: 'staff',
    });
    expect(item.statusCode).toBe(201);
    const titles = async (who: typeof ta | undefined) =>
      (await call(app, who ?? null, 'GET', `/courses/${courseId}/content`))
        .json()
        .items.map((c: { title: string }) => c.title);
    expect(await titles(ta)).toContain('정답지');
    expect(await titles(students[0])).not.toContain('정답지');
    expect((await downloadFile(app, ta.token, key.id)).status).toBe(200);
    expect((await downloadFile(app, students[0]?.token ?? '', key.id)).status).toBe(404);
    expect((await downloadFile(app, outsider.token, key.id)).status).toBe(404);
  });

  it('stops a removed student downloading what they could before', async () => {
    const { professor, courseId } = world;
    const leaving = world.students[1];
    if (!leaving) throw new Error('the world has two students');
    const file = await uploadText(app, professor.token, 'week 2 notes');
    expect((await publish(professor, courseId, file.id)).statusCode).toBe(201);
    expect((await downloadFile(app, leaving.token, file.id)).status).toBe(200);
    const removed = await call(app, professor, 'DELETE', `/courses/${courseId}/members/${leaving.id}`);
    expect(removed.statusCode).toBe(204);
    expect((await downloadFile(app, leaving.token, file.id)).status).toBe(404);
  });

  it("refuses to publish another course's file, someone else's upload or a made-up id", async () => {
    const { professor, ta, courseId } = world;
    const published = await uploadText(app, professor.token, 'original');
    expect((await publish(professor, courseId, published.id)).statusCode).toBe(201);
    // A second professor with their own course tries to republish it there.
    const other = await makeCourse(app, 1, '다른 강의');
    const copied = await publish(other.professor, other.courseId, published.id);
    expect(copied.statusCode).toBe(400);
    expect(copied.json().error.code).toBe('FILE_NOT_USABLE');
    expect((await downloadFile(app, other.professor.token, published.id)).status).toBe(404);
    // Even the same professor cannot use one upload twice (each record owns its file).
    expect((await publish(professor, courseId, published.id)).statusCode).toBe(400);
    const tasUpload = await uploadText(app, ta.token, "the TA's file");
    expect((await publish(professor, courseId, tasUpload.id)).statusCode).toBe(400);
    const madeUp = await publish(professor, courseId, '0190a0b0-0000-7000-8000-000000000001');
    expect(madeUp.json().error.code).toBe('FILE_NOT_USABLE');
    // Nothing was listed for the refused ones.
    const items = (await call(app, professor, 'GET', `/courses/${courseId}/content`)).json().items;
    expect(items.filter((c: { fileId: string }) => c.fileId === published.id)).toHaveLength(1);
  });

  it('releases the file when the content is removed', async () => {
    const { professor, courseId } = world;
    const file = await uploadText(app, professor.token, 'old syllabus');
    const item = (await publish(professor, courseId, file.id)).json();
    const removed = await call(app, professor, 'DELETE', `/courses/${courseId}/content/${item.id}`);
    expect(removed.statusCode).toBe(204);
    expect((await downloadFile(app, professor.token, file.id)).status).toBe(404);
    await app.platform.files.cleanup();
    const row = await app.platform.db
      .selectFrom('platform.files')
      .select('id')
      .where('id', '=', file.id)
      .executeTakeFirst();
    expect(row).toBeUndefined();
  });
});
