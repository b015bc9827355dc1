import path from 'node:path';
import { z } from 'zod';

const bool = z.stringbool({ truthy: ['true', '1', 'yes', 'on'], falsy: ['false', '0', 'no', 'off'] });
const positiveInt = z.coerce.number().int().positive();
const bytes = positiveInt.max(5 * 1024 * 1024 * 1024);

/** Environment variables of file storage (documented in .env.example). */
export const filesEnvShape = {
  FILES_DRIVER: z.enum(['local', 's3']).default('local'),
  FILES_MAX_BYTES: bytes.default(10 * 1024 * 1024),
  FILES_IMAGE_MAX_BYTES: bytes.optional(),
  FILES_AUDIO_MAX_BYTES: bytes.optional(),
  FILES_DOCUMENT_MAX_BYTES: bytes.optional(),
  FILES_AUDIO_MAX_DURATION_S: positiveInt.max(6 * 60 * 60).default(5 * 60),
  FILES_USER_QUOTA_BYTES: positiveInt.default(1024 * 1024 * 1024),
  // Links are minted after the access check and are the only credential of the bytes: they live
  // minutes, so a lost membership stops downloads soon.
  FILES_URL_TTL_S: positiveInt.min(10).max(900).default(300),
  FILES_ORPHAN_GRACE_HOURS: positiveInt.max(24 * 365).default(24),
  S3_ENDPOINT: z.url({ protocol: /^https?$/ }).optional(),
  S3_REGION: z.string().min(1).default('us-east-1'),
  S3_BUCKET: z.string().min(3).max(63).optional(),
  S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  S3_FORCE_PATH_STYLE: bool.default(true),
};

type FilesEnv = z.infer<z.ZodObject<typeof filesEnvShape>>;

/** Upload purposes, each with its own size limit and content allow-list. */
export const filePurposes = ['image', 'audio', 'document'] as const;
export type FilePurpose = (typeof filePurposes)[number];

/** Settings of file storage. */
export interface FilesConfig {
  readonly driver: 'local' | 's3';
  /** Where the local driver keeps blobs (`DATA_DIR/blobs`). */
  readonly localDir: string;
  readonly maxBytes: Readonly<Record<FilePurpose, number>>;
  /** Longest audio upload, measured from the file (422 AUDIO_TOO_LONG beyond). */
  readonly audioMaxDurationMs: number;
  readonly userQuotaBytes: number;
  /** Lifetime of signed download URLs. */
  readonly urlTtlS: number;
  /** Files nobody attached within this many hours are removed by the cleanup job. */
  readonly orphanGraceHours: number;
  readonly s3:
    | {
        readonly endpoint: string | undefined;
        readonly region: string;
        readonly bucket: string;
        readonly accessKeyId: string | undefined;
        readonly secretAccessKey: string | undefined;
        readonly forcePathStyle: boolean;
      }
    | undefined;
}

export function toFilesConfig(env: FilesEnv & { DATA_DIR: string }): FilesConfig {
  return {
    driver: env.FILES_DRIVER,
    localDir: path.resolve(env.DATA_DIR, 'blobs'),
    maxBytes: {
      image: env.FILES_IMAGE_MAX_BYTES ?? env.FILES_MAX_BYTES,
      audio: env.FILES_AUDIO_MAX_BYTES ?? env.FILES_MAX_BYTES,
      document: env.FILES_DOCUMENT_MAX_BYTES ?? env.FILES_MAX_BYTES,
    },
    audioMaxDurationMs: env.FILES_AUDIO_MAX_DURATION_S * 1000,
    userQuotaBytes: env.FILES_USER_QUOTA_BYTES,
    urlTtlS: env.FILES_URL_TTL_S,
    orphanGraceHours: env.FILES_ORPHAN_GRACE_HOURS,
    s3: env.S3_BUCKET
      ? {
          endpoint: env.S3_ENDPOINT,
          region: env.S3_REGION,
          bucket: env.S3_BUCKET,
          accessKeyId: env.S3_ACCESS_KEY_ID,
          secretAccessKey: env.S3_SECRET_ACCESS_KEY,
          forcePathStyle: env.S3_FORCE_PATH_STYLE,
        }
      : undefined,
  };
}
