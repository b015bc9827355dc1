import { MATERIAL_MAX_BYTES } from '@app/studymate-contracts';

/** File name endings studymate reads (the server sniffs the content; this only spares a wasted upload). */
export const documentExtensions = ['.pdf', '.docx', '.md', '.markdown', '.txt'] as const;

/** The `accept` of the file input: the endings and their usual types. */
export const documentAccept = [
  ...documentExtensions,
  'application/pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'text/markdown',
  'text/plain',
].join(',');

/** Why a chosen file will not be uploaded (`type`, `size`, `empty`), or null when it may be. */
export function fileProblem(file: { name: string; size: number }): 'type' | 'size' | 'empty' | null {
  const name = file.name.toLowerCase();
  if (!documentExtensions.some((extension) => name.endsWith(extension))) return 'type';
  if (file.size === 0) return 'empty';
  if (file.size > MATERIAL_MAX_BYTES) return 'size';
  return null;
}

/** Bytes as "2.4 MB" / "730 KB" (decimal places only where they tell something). */
export function sizeText(bytes: number, locale: string): string {
  const number = (value: number) => new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(value);
  if (bytes >= 1024 * 1024) return `${number(bytes / (1024 * 1024))} MB`;
  return `${number(Math.max(1, Math.round(bytes / 1024)))} KB`;
}
