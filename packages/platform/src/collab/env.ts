import { z } from 'zod';
import type { CollabLimits } from './limits.js';

const positiveInt = z.coerce.number().int().positive();

/** Environment variables of `/collab`'s limits (documented in .env.example and docs/collab.md). */
export const collabEnvShape = {
  COLLAB_CONNECTION_MESSAGES_PER_S: positiveInt.max(100_000).default(200),
  COLLAB_CONNECTION_MESSAGE_BURST: positiveInt.max(1_000_000).default(400),
  COLLAB_CONNECTION_BYTES_PER_S: positiveInt.default(1024 * 1024),
  COLLAB_CONNECTION_BYTE_BURST: positiveInt.default(8 * 1024 * 1024),
  COLLAB_DOCUMENT_MESSAGES_PER_S: positiveInt.max(1_000_000).default(1_000),
  COLLAB_DOCUMENT_MESSAGE_BURST: positiveInt.max(10_000_000).default(2_000),
  COLLAB_DOCUMENT_BYTES_PER_S: positiveInt.default(4 * 1024 * 1024),
  COLLAB_DOCUMENT_BYTE_BURST: positiveInt.default(16 * 1024 * 1024),
  COLLAB_MAX_BUFFERED_BYTES: positiveInt.default(16 * 1024 * 1024),
  COLLAB_MAX_DOCUMENTS_PER_SOCKET: positiveInt.max(1_000).default(16),
  COLLAB_MAX_CONNECTIONS_PER_USER: positiveInt.max(100_000).default(20),
  COLLAB_MAX_CONNECTIONS_PER_USER_DOCUMENT: positiveInt.max(1_000).default(4),
  COLLAB_MAX_CONNECTIONS_PER_DOCUMENT: positiveInt.max(1_000_000).default(1_000),
};

type CollabEnv = z.infer<z.ZodObject<typeof collabEnvShape>>;

/** The limits of collaborative documents (docs/collab.md, "Limits"). */
export type CollabConfig = CollabLimits;

export function toCollabConfig(env: CollabEnv): CollabConfig {
  return {
    connection: {
      messagesPerS: env.COLLAB_CONNECTION_MESSAGES_PER_S,
      messageBurst: env.COLLAB_CONNECTION_MESSAGE_BURST,
      bytesPerS: env.COLLAB_CONNECTION_BYTES_PER_S,
      byteBurst: env.COLLAB_CONNECTION_BYTE_BURST,
    },
    document: {
      messagesPerS: env.COLLAB_DOCUMENT_MESSAGES_PER_S,
      messageBurst: env.COLLAB_DOCUMENT_MESSAGE_BURST,
      bytesPerS: env.COLLAB_DOCUMENT_BYTES_PER_S,
      byteBurst: env.COLLAB_DOCUMENT_BYTE_BURST,
    },
    maxBufferedBytes: env.COLLAB_MAX_BUFFERED_BYTES,
    maxDocumentsPerSocket: env.COLLAB_MAX_DOCUMENTS_PER_SOCKET,
    maxConnectionsPerUser: env.COLLAB_MAX_CONNECTIONS_PER_USER,
    maxConnectionsPerUserDocument: env.COLLAB_MAX_CONNECTIONS_PER_USER_DOCUMENT,
    maxConnectionsPerDocument: env.COLLAB_MAX_CONNECTIONS_PER_DOCUMENT,
  };
}

/** The limits when no COLLAB_* variable is set. */
export const defaultCollabLimits: CollabLimits = toCollabConfig(z.object(collabEnvShape).parse({}));
