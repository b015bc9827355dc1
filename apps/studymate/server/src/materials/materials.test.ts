import { makePerson, uploadFile } from '@app/platform/testing';
import { jsPDF, type jsPDFOptions } from 'jspdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeSubject, PHOTOSYNTHESIS, processed, startWorld, type World } from '../test/world.js';

let world: World;
beforeAll(async () => {
  world = await startWorld();
});
afterAll(async () => {
  await world?.close();
});

/** A PDF with one paragraph per page. */
function pdfOf(pages: string[], options: jsPDFOptions = {}): Buffer {
  const doc = new jsPDF(options);
  pages.forEach((text, i) => {
    if (i > 0) doc.addPage();
    doc.text(doc.splitTextToSize(text, 180), 10, 20);
  });
  return Buffer.from(doc.output('arraybuffer'));
}

async function upload(who: { token: string }, name: string, bytes: Buffer) {
  const res = await uploadFile(world.app, who.token, 'document', name, bytes);
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: string }>().id;
}

describe('studymate materials', () => {
  it('reads pasted text into passages and writes a summary whose sentences cite their passages, and key terms', async () => {
    const learner = await makePerson(world.app);
    const subjectId = await makeSubject(world, learner);
    const created = await world.call(learner, 'POST', '/materials', {
      subjectId,
      title: 'Photosynthesis',
      text: PHOTOSYNTHESIS,
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json().status).toBe('queued');
    const detail = await processed(world, learner, created.json().id);
    expect(detail.material).toMatchObject({
      status: 'ready',
      progress: 100,
      kind: 'paste',
      lang: 'en',
      pageCount: null,
    });
    expect(detail.passages.map((p: { ordinal: number }) => p.ordinal)).toEqual([0, 1, 2, 3, 4]);
    expect(detail.analysis.provider).toBe('local');
    expect(detail.analysis.summary.length).toBeGreaterThanOrEqual(3);
    for (const sentence of detail.analysis.summary) {
      // The local summary is extractive: each sentence is in the passage it cites.
      expect(sentence.passages.length).toBeGreaterThan(0);
      const cited = sentence.passages.map((o: number) => detail.passages[o].text).join(' ');
      expect(cited).toContain(sentence.text.slice(0, 30));
    }
    const terms = detail.analysis.keyTerms.map((t: { term: string }) => t.term.toLowerCase());
    expect(
      terms.some((t: string) => t.includes('photosynthesis') || t.includes('calvin') || t.includes('light')),
    ).toBe(true);
    for (const term of detail.analysis.keyTerms.filter((t: { passage: number | null }) => t.passage !== null))
      expect(detail.passages[term.passage].text.toLowerCase()).toContain(term.term.toLowerCase());
  });

  it('keeps the page of every passage of an uploaded PDF', async () => {
    const learner = await makePerson(world.app);
    const subjectId = await makeSubject(world, learner);
    const paragraphs = PHOTOSYNTHESIS.split('\n\n');
    const fileId = await upload(learner, 'biology.pdf', pdfOf(paragraphs));
    const created = await world.call(learner, 'POST', '/materials', { subjectId, fileId });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ kind: 'pdf', title: 'biology' });
    const detail = await processed(world, learner, created.json().id);
    expect(detail.material).toMatchObject({ status: 'ready', pageCount: 5 });
    expect(detail.passages.map((p: { page: number }) => p.page)).toEqual([1, 2, 3, 4, 5]);
    expect(detail.passages[2].text).toContain('Calvin cycle');
  });

  it('reads Markdown without its markup', async () => {
    const learner = await makePerson(world.app);
    const subjectId = await makeSubject(world, learner);
    const markdown = `# Cells\n\nThe **mitochondria** is the [powerhouse](https://example.test) of the cell.\n\n- Ribosomes make proteins.\n`;
    const fileId = await upload(learner, 'cells.md', Buffer.from(markdown));
    const created = await world.call(learner, 'POST', '/materials', { subjectId, fileId });
    const detail = await processed(world, learner, created.json().id);
    expect(detail.material.kind).toBe('markdown');
    const text = detail.passages.map((p: { text: string }) => p.text).join('\n');
    expect(text).toContain('The mitochondria is the powerhouse of the cell.');
    expect(text).not.toMatch(/[#*[\]]/);
  });

  it('says why a PDF cannot be read: not a PDF, encrypted, or only images', async () => {
    const learner = await makePerson(world.app);
    const subjectId = await makeSubject(world, learner);
    const cases: [string, Buffer, string][] = [
      ['broken.pdf', Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(2000, 7)]), 'NOT_A_DOCUMENT'],
      [
        'secret.pdf',
        pdfOf(['Top secret notes about enzymes.'], {
          encryption: { userPassword: 'pw', ownerPassword: 'owner' },
        }),
        'ENCRYPTED',
      ],
      ['scan.pdf', imageOnlyPdf(), 'NO_TEXT'],
    ];
    for (const [name, bytes, code] of cases) {
      const fileId = await upload(learner, name, bytes);
      const created = await world.call(learner, 'POST', '/materials', { subjectId, fileId });
      expect(created.statusCode, created.body).toBe(201);
      const detail = await processed(world, learner, created.json().id);
      expect(detail.material, name).toMatchObject({ status: 'failed', errorCode: code });
      expect(detail.passages).toEqual([]);
    }
  });

  it('refuses a file over 10 MB at upload, other document types, someone else’s upload and a bad subject', async () => {
    const learner = await makePerson(world.app);
    const other = await makePerson(world.app);
    const subjectId = await makeSubject(world, learner);
    const tooBig = await uploadFile(
      world.app,
      learner.token,
      'document',
      'big.txt',
      Buffer.alloc(10 * 1024 * 1024 + 1, 97),
    );
    expect(tooBig.statusCode).toBe(413);
    const xlsx = await upload(learner, 'sheet.xlsx', await xlsxBytes());
    const refused = await world.call(learner, 'POST', '/materials', { subjectId, fileId: xlsx });
    expect(refused.statusCode).toBe(415);
    expect(refused.json().error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    const theirs = await upload(other, 'theirs.txt', Buffer.from('Their notes about cells.'));
    expect(
      (await world.call(learner, 'POST', '/materials', { subjectId, fileId: theirs })).json().error.code,
    ).toBe('FILE_NOT_USABLE');
    const otherSubject = await makeSubject(world, other);
    const wrongSubject = await world.call(learner, 'POST', '/materials', {
      subjectId: otherSubject,
      title: 'x',
      text: 'Some text.',
    });
    expect(wrongSubject.statusCode).toBe(400);
    expect(
      (await world.call(learner, 'POST', '/materials', { subjectId, title: 'x', text: '   ' })).statusCode,
    ).toBe(400);
    expect(
      (await world.call(learner, 'POST', '/materials', { subjectId, title: 'x', text: 'a', fileId: theirs }))
        .statusCode,
    ).toBe(400);
  });

  it('shows a material, its file and its highlights only to its owner; deleting releases everything', async () => {
    const learner = await makePerson(world.app);
    const other = await makePerson(world.app);
    const subjectId = await makeSubject(world, learner);
    const created = await world.call(learner, 'POST', '/materials', {
      subjectId,
      title: 'Notes',
      text: PHOTOSYNTHESIS,
    });
    const id = created.json().id;
    await processed(world, learner, id);
    expect((await world.call(other, 'GET', `/materials/${id}`)).statusCode).toBe(404);
    expect((await world.call(other, 'DELETE', `/materials/${id}`)).statusCode).toBe(404);
    const highlight = await world.call(learner, 'POST', `/materials/${id}/highlights`, {
      passage: 1,
      start: 4,
      end: 20,
      note: 'exam!',
    });
    expect(highlight.statusCode, highlight.body).toBe(201);
    expect(
      (
        await world.call(learner, 'POST', `/materials/${id}/highlights`, {
          passage: 1,
          start: 4,
          end: 100000,
        })
      ).statusCode,
    ).toBe(400);
    expect(
      (await world.call(learner, 'POST', `/materials/${id}/highlights`, { passage: 99, start: 0, end: 2 }))
        .statusCode,
    ).toBe(400);
    expect(
      (await world.call(learner, 'POST', `/materials/${id}/highlights`, { passage: 1, start: 9, end: 3 }))
        .statusCode,
    ).toBe(400);
    expect(
      (await world.call(other, 'POST', `/materials/${id}/highlights`, { passage: 1, start: 4, end: 20 }))
        .statusCode,
    ).toBe(404);
    const detail = (await world.call(learner, 'GET', `/materials/${id}`)).json();
    expect(detail.highlights).toEqual([
      { id: highlight.json().id, passage: 1, start: 4, end: 20, note: 'exam!' },
    ]);
    const list = (await world.call(learner, 'GET', '/materials')).json();
    expect(list.items.map((m: { id: string }) => m.id)).toContain(id);
    expect((await world.call(other, 'GET', '/materials')).json().items).toEqual([]);
    expect((await world.call(learner, 'DELETE', `/materials/${id}`)).statusCode).toBe(204);
    expect((await world.call(learner, 'GET', `/materials/${id}`)).statusCode).toBe(404);
  });

  it('counts materials against the Free plan’s limit with a 402 naming the limit', async () => {
    const learner = await makePerson(world.app);
    const subjectId = await makeSubject(world, learner);
    await world.app.platform.db
      .insertInto('studymate.materials' as never)
      .values(
        Array.from({ length: 20 }, (_, i) => ({
          user_id: learner.id,
          subject_id: subjectId,
          title: `m${i}`,
          kind: 'paste',
          status: 'ready',
        })) as never,
      )
      .execute();
    const refused = await world.call(learner, 'POST', '/materials', {
      subjectId,
      title: 'one more',
      text: 'Text.',
    });
    expect(refused.statusCode).toBe(402);
    expect(refused.json().error.code).toBe('PLAN_LIMIT');
  });
});

/** A one-page PDF whose only content is an image (a scan without a text layer). */
function imageOnlyPdf(): Buffer {
  const doc = new jsPDF();
  const size = 8;
  const rgba = new Uint8ClampedArray(size * size * 4).fill(128);
  doc.addImage({ data: rgba, width: size, height: size } as never, 'RGBA', 10, 10, 100, 100);
  return Buffer.from(doc.output('arraybuffer'));
}

/** A minimal XLSX workbook (a real one, so it sniffs as a spreadsheet). */
async function xlsxBytes(): Promise<Buffer> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('Sheet1').addRow(['front', 'back']);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
