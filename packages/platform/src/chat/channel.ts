import { chatClientEvents } from '@app/contracts';
import { z } from 'zod';
import { AppError } from '../http/app-error.js';
import { clientEvent } from '../realtime/gateway/channels.js';
import type { Gateway } from '../realtime/gateway/gateway.js';
import type { ChatService } from './service.js';

const RESUME_LIMIT = 200;

/**
 * The `chat:<roomId>` channel type: members only. `send` stores the message before the ack (which
 * carries it); `resume` returns what was missed after a sequence number; `read` moves the read
 * position; `typing` is relayed and never stored.
 */
export function registerChatChannel(gateway: Gateway, chat: ChatService): void {
  gateway.channels.register('chat', {
    id: z.uuid(),
    authorize: (auth, roomId) => chat.isMember(roomId, auth.userId),
    clientEvents: {
      typing: clientEvent({ schema: chatClientEvents.typing }),
      send: clientEvent({
        schema: chatClientEvents.send,
        handle: async ({ auth, id, payload }) => {
          // The same gate as POST /chat/rooms/:roomId/messages (docs/decisions/015).
          if (!(await gateway.isEmailVerified(auth))) throw new AppError('EMAIL_NOT_VERIFIED');
          return chat.send(id, auth.userId, payload);
        },
      }),
      read: clientEvent({
        schema: chatClientEvents.read,
        handle: async ({ auth, id, payload }) => ({ seq: await chat.markRead(id, auth.userId, payload.seq) }),
      }),
      resume: clientEvent({
        schema: chatClientEvents.resume,
        handle: ({ auth, id, payload }) =>
          chat.history(id, auth.userId, { afterSeq: payload.afterSeq, limit: RESUME_LIMIT }),
      }),
    },
  });
}
