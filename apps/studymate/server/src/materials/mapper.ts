import type { Material, materialErrorCodes } from '@app/studymate-contracts';
import type { Selectable } from 'kysely';
import type { StudymateMaterials } from '../db.generated.js';

type ErrorCode = (typeof materialErrorCodes)[number];

export function toMaterial(row: Selectable<StudymateMaterials>): Material {
  return {
    id: row.id,
    subjectId: row.subject_id,
    title: row.title,
    kind: row.kind as Material['kind'],
    status: row.status as Material['status'],
    progress: row.progress,
    errorCode: (row.error_code as ErrorCode | null) ?? null,
    pageCount: row.page_count,
    charCount: row.char_count,
    lang: row.lang,
    createdAt: row.created_at.toISOString(),
  };
}
