import type { ImportField } from '@app/storehelper-contracts';

/** The fields a column can fill, in the order the mapping form shows them (required ones first). */
export const mappedFields = [
  'text',
  'reviewedAt',
  'rating',
  'tags',
  'author',
  'platform',
  'platformReviewId',
  'photos',
  'ownerReply',
] as const satisfies readonly ImportField[];

export type Mapping = Partial<Record<ImportField, string>>;

/** The suggested mapping of a preview, limited to known fields and existing headers. */
export function fromSuggested(suggested: Record<string, string>, headers: readonly string[]): Mapping {
  const mapping: Mapping = {};
  for (const field of mappedFields) {
    const header = suggested[field];
    if (header && headers.includes(header)) mapping[field] = header;
  }
  return mapping;
}

/** Whether the mapping names the two columns every import needs. */
export function isComplete(mapping: Mapping): boolean {
  return Boolean(mapping.text && mapping.reviewedAt);
}
