import type { materialErrorCodes } from '@app/studymate-contracts';
import mammoth from 'mammoth';
import { extractText, getDocumentProxy } from 'unpdf';

export type MaterialErrorCode = (typeof materialErrorCodes)[number];
export type DocumentKind = 'pdf' | 'docx' | 'markdown' | 'text';

/** A piece of a document's text and the page it is on (null when the format has no pages). */
export interface PageText {
  readonly page: number | null;
  readonly text: string;
}

/** A document that cannot be read, with the reason the learner sees. */
export class ExtractionError extends Error {
  constructor(
    readonly code: MaterialErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ExtractionError';
  }
}

/** Which kind of material an upload is, from its sniffed content type and its name; undefined = not accepted. */
export function documentKind(contentType: string, fileName: string): DocumentKind | undefined {
  if (contentType === 'application/pdf') return 'pdf';
  if (contentType === 'application/vnd.openxmlformats-officedocument.wordprocessingml.document')
    return 'docx';
  if (contentType.startsWith('text/plain')) return /\.(md|markdown)$/i.test(fileName) ? 'markdown' : 'text';
  return undefined;
}

/**
 * The text of a document, page by page for PDF. Throws ExtractionError for bytes that are not the
 * kind, encrypted PDFs and documents without any text (scans: studymate does no OCR).
 */
export async function extractDocument(bytes: Uint8Array, kind: DocumentKind): Promise<PageText[]> {
  const pages = await extractPages(bytes, kind);
  if (!pages.some((page) => /\p{L}|\p{N}/u.test(page.text)))
    throw new ExtractionError(
      'NO_TEXT',
      kind === 'pdf'
        ? 'The PDF has no text layer (scanned pages are images; studymate cannot read them).'
        : 'The document has no text.',
    );
  return pages;
}

async function extractPages(bytes: Uint8Array, kind: DocumentKind): Promise<PageText[]> {
  switch (kind) {
    case 'pdf':
      return extractPdf(bytes);
    case 'docx':
      return extractDocx(bytes);
    case 'markdown':
      return [{ page: null, text: stripMarkdown(decodeText(bytes)) }];
    case 'text':
      return [{ page: null, text: decodeText(bytes) }];
  }
}

async function extractPdf(bytes: Uint8Array): Promise<PageText[]> {
  let pdf: Awaited<ReturnType<typeof getDocumentProxy>>;
  try {
    // pdf.js takes ownership of the buffer it is given: pass a copy.
    pdf = await getDocumentProxy(new Uint8Array(bytes));
  } catch (error) {
    const name = (error as { name?: string }).name;
    if (name === 'PasswordException')
      throw new ExtractionError(
        'ENCRYPTED',
        'The PDF is protected by a password; remove it and upload again.',
      );
    if (name === 'InvalidPDFException' || name === 'FormatError')
      throw new ExtractionError('NOT_A_DOCUMENT', 'The file is not a readable PDF.');
    throw new ExtractionError('UNREADABLE', 'The PDF could not be read.');
  }
  try {
    const { text } = await extractText(pdf, { mergePages: false });
    return text.map((pageText, index) => ({ page: index + 1, text: pageText }));
  } catch {
    throw new ExtractionError('UNREADABLE', 'The PDF could not be read.');
  } finally {
    await pdf.cleanup();
  }
}

async function extractDocx(bytes: Uint8Array): Promise<PageText[]> {
  try {
    const { value } = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
    return [{ page: null, text: value }];
  } catch {
    throw new ExtractionError('NOT_A_DOCUMENT', 'The file is not a readable Word document.');
  }
}

/** UTF-8, or CP949 as Korean Windows saves text. */
function decodeText(bytes: Uint8Array): string {
  for (const encoding of ['utf-8', 'euc-kr'])
    try {
      return new TextDecoder(encoding, { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
    } catch {}
  throw new ExtractionError('NOT_A_DOCUMENT', 'The file is not readable text (UTF-8 or CP949).');
}

/** Markdown to readable text: headings, emphasis, links, images, code fences and HTML tags reduced to their words. */
export function stripMarkdown(markdown: string): string {
  return markdown
    .replace(/```[^\n]*\n([\s\S]*?)```/g, '$1')
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/<[^>\n]+>/g, '')
    .replace(/^\s{0,3}#{1,6}\s+/gm, '')
    .replace(/^\s{0,3}>\s?/gm, '')
    .replace(/^\s*[-*+]\s+/gm, '')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/(\*|_)(\S.*?)\1/g, '$2')
    .replace(/`([^`]+)`/g, '$1');
}
