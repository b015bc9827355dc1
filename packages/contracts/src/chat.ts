import { z } from 'zod';
import { appNameSchema } from './apps.js';
import { pageQuerySchema } from './pagination.js';

/** Longest message body; text is stored as text and never rendered as HTML. */
export const CHAT_BODY_MAX = 4_000;

export const chatMessageSchema = z
  .object({
    id: z.uuid(),
    roomId: z.uuid(),
    seq: z.number().int().describe('Position in the room: 1, 2, 3... without gaps'),
    senderId: z.uuid().nullable(),
    body: z.string().describe('Empty when deleted'),
    attachments: z.array(z.uuid()),
    clientId: z.string().nullable(),
    createdAt: z.iso.datetime(),
    editedAt: z.iso.datetime().nullable(),
    deletedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'ChatMessage' });
export type ChatMessage = z.infer<typeof chatMessageSchema>;

export const chatRoomSchema = z.object({
  id: z.uuid(),
  app: appNameSchema,
  kind: z.enum(['direct', 'group']),
  title: z.string().nullable(),
  lastSeq: z.number().int(),
  lastReadSeq: z.number().int().describe("The caller's read position"),
  memberIds: z.array(z.uuid()),
  createdAt: z.iso.datetime(),
});
export type ChatRoom = z.infer<typeof chatRoomSchema>;

/**
 * Warnings the sender was shown and sends anyway: an app's chat guard may refuse a message with a
 * warning (its own error code, naming the warning in `details`); the client asks the sender and sends
 * again with the warning's name here. Short lowercase slugs; the app decides what they mean.
 */
export const chatAcknowledgeSchema = z
  .array(
    z
      .string()
      .max(40)
      .regex(/^[a-z0-9]+(?:[._-][a-z0-9]+)*$/, 'a short lowercase slug, e.g. tone.harsh'),
  )
  .max(5)
  .default([])
  .describe('Warnings the sender saw and sends anyway (an app chat guard reads them)');

export const sendMessageSchema = z.object({
  body: z.string().trim().min(1).max(CHAT_BODY_MAX),
  attachments: z.array(z.uuid()).max(10).default([]),
  clientId: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,64}$/)
    .optional()
    .describe('Idempotency key: a retry with the same clientId returns the first message'),
  acknowledge: chatAcknowledgeSchema,
});

export const editMessageSchema = z.object({
  body: z.string().trim().min(1).max(CHAT_BODY_MAX),
  acknowledge: chatAcknowledgeSchema,
});

/** `GET /api/v1/chat/rooms/:roomId/messages/search` query: text to find, and the page. */
export const searchMessagesQuerySchema = pageQuerySchema.extend({
  q: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .describe('Text to find in message bodies: case-insensitive, anywhere in the body, taken literally'),
});

/** Client events on `chat:<roomId>` channels (see docs/realtime.md). */
export const chatClientEvents = {
  send: sendMessageSchema,
  typing: z.object({}),
  read: z.object({ seq: z.number().int().min(0) }),
  resume: z.object({ afterSeq: z.number().int().min(0) }),
} as const;
