import type { ChatMessage } from '@app/contracts';
import type { Selectable } from 'kysely';
import type { PlatformChatMessages } from '../db.generated.js';

/** Message row -> API shape; a deleted message keeps its place (seq) but loses its content. */
export function toChatMessage(row: Selectable<PlatformChatMessages>): ChatMessage {
  const deleted = row.deleted_at !== null;
  return {
    id: row.id,
    roomId: row.room_id,
    seq: row.seq,
    senderId: row.sender_id,
    body: deleted ? '' : row.body,
    attachments: deleted ? [] : row.attachments,
    clientId: row.client_id,
    createdAt: row.created_at.toISOString(),
    editedAt: row.edited_at?.toISOString() ?? null,
    deletedAt: row.deleted_at?.toISOString() ?? null,
  };
}
