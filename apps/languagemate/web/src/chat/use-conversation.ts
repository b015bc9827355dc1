import { type ApiError, call, RealtimeError, toApiError } from '@app/client';
import { type ChatMessage, chatMessageSchema } from '@app/contracts';
import type { LanguagematePaths } from '@app/languagemate-contracts';
import { CORRECTION_EVENT, type Correction, correctionSchema } from '@app/languagemate-contracts';
import { useApi, useChannel, useRealtime } from '@app/ui';
import { useCallback, useEffect, useRef, useState } from 'react';
import { z } from 'zod';
import {
  addOutgoing,
  emptyList,
  lastSeq,
  type MessageListState,
  mergeMessages,
  outgoingFailed,
  outgoingRetry,
  removeOutgoing,
  withPage,
} from './message-list.js';

const PAGE = 30;
/** How long "typing…" stays after the partner's last keystroke signal. */
const TYPING_SHOWN_MS = 4_000;
/** At most one typing signal per this many ms. */
const TYPING_EVERY_MS = 2_500;

const resumeAckSchema = z.object({ items: z.array(chatMessageSchema), more: z.boolean() });
const readEventSchema = z.object({ userId: z.string(), seq: z.number() });
const fromEventSchema = z.object({ from: z.string() });
const presenceEventSchema = z.object({ userId: z.string() });

/** A refusal in a channel ack (`{ error: {...} }`) or a refused frame, as the ApiError pages render. */
function ackError(error: unknown): ApiError {
  if (error instanceof RealtimeError)
    return toApiError(0, { error: { code: error.code, message: error.message, details: error.details } });
  return toApiError(0, error);
}

/**
 * A 1:1 conversation on `chat:<roomId>`: history (the latest page over REST, older pages on demand),
 * live messages, edits and deletions, resume after a reconnect, optimistic sends with a clientId
 * (queued while offline, retried with the same id), typing, read receipts, the partner's presence
 * and the corrections made in the room.
 */
export function useConversation(roomId: string, partnerId: string) {
  const api = useApi<LanguagematePaths>();
  const { client, state: connection } = useRealtime();
  const channel = `chat:${roomId}`;
  const listRef = useRef<MessageListState>(emptyList);
  const [list, setList] = useState<MessageListState>(emptyList);
  const [loadError, setLoadError] = useState<unknown>();
  const [loadingOlder, setLoadingOlder] = useState(false);
  const [partnerTyping, setPartnerTyping] = useState(false);
  const [partnerReadSeq, setPartnerReadSeq] = useState(0);
  const [partnerOnline, setPartnerOnline] = useState<boolean>();
  const [corrections, setCorrections] = useState<Correction[]>([]);
  const loaded = useRef(false);
  const subscribed = useRef(false);
  const typingTimer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const lastTypingSent = useRef(0);
  const readSent = useRef(0);

  const update = useCallback((change: (state: MessageListState) => MessageListState) => {
    listRef.current = change(listRef.current);
    setList(listRef.current);
  }, []);

  const addCorrection = useCallback((correction: Correction) => {
    setCorrections((current) =>
      current.some((c) => c.id === correction.id) ? current : [...current, correction],
    );
  }, []);

  /** Sends one outgoing message (again) if connected; otherwise it waits for the connection. */
  const deliver = useCallback(
    async (clientId: string) => {
      const message = listRef.current.outgoing.find((o) => o.clientId === clientId);
      if (!message || client.state !== 'open') return;
      const payload = {
        body: message.body,
        attachments: message.attachments,
        clientId,
        ...(message.acknowledge.length > 0 ? { acknowledge: message.acknowledge } : {}),
      };
      try {
        const result = await client.publish(channel, 'send', payload);
        const stored = chatMessageSchema.safeParse(result);
        update((s) =>
          stored.success ? mergeMessages(s, [stored.data]) : outgoingFailed(s, clientId, ackError(result)),
        );
      } catch (error) {
        // A lost connection leaves it `sending`: it goes again (same clientId) once reconnected.
        if (error instanceof RealtimeError) update((s) => outgoingFailed(s, clientId, ackError(error)));
      }
    },
    [channel, client, update],
  );

  const flushOutgoing = useCallback(() => {
    for (const o of listRef.current.outgoing) if (o.status === 'sending') void deliver(o.clientId);
  }, [deliver]);

  /**
   * What was missed while away: new messages by resuming after the last seq we have, edits and
   * deletions (which resume does not replay) by reloading the latest page; then what waited is sent.
   */
  const catchUp = useCallback(
    async (reloadLatest: boolean) => {
      if (!loaded.current || !subscribed.current) return;
      try {
        for (let round = 0; round < 10; round++) {
          const ack = resumeAckSchema.parse(
            await client.publish(channel, 'resume', { afterSeq: lastSeq(listRef.current) }),
          );
          update((s) => mergeMessages(s, ack.items));
          if (!ack.more) break;
        }
        if (reloadLatest) {
          const page = await call(
            api.GET('/api/v1/chat/rooms/{roomId}/messages', {
              params: { path: { roomId }, query: { limit: PAGE } },
            }),
          );
          update((s) => withPage(s, page, 'latest'));
        }
      } catch {
        // The next reconnect catches up again.
      }
      flushOutgoing();
    },
    [api, channel, client, flushOutgoing, roomId, update],
  );

  const loadLatest = useCallback(async () => {
    try {
      const [page, made] = await Promise.all([
        call(
          api.GET('/api/v1/chat/rooms/{roomId}/messages', {
            params: { path: { roomId }, query: { limit: PAGE } },
          }),
        ),
        call(api.GET('/api/v1/languagemate/rooms/{roomId}/corrections', { params: { path: { roomId } } })),
      ]);
      update((s) => withPage(s, page, 'latest'));
      for (const c of made.items) addCorrection(c);
      setLoadError(undefined);
      loaded.current = true;
      void catchUp(false);
    } catch (error) {
      setLoadError(error);
    }
  }, [addCorrection, api, catchUp, roomId, update]);

  const refreshPresence = useCallback(async () => {
    const answer = await call(
      api.GET('/api/v1/realtime/presence', { params: { query: { userIds: partnerId } } }),
    ).catch(() => undefined);
    if (answer) setPartnerOnline(answer.online.includes(partnerId));
  }, [api, partnerId]);

  useEffect(() => {
    void loadLatest();
    void refreshPresence();
  }, [loadLatest, refreshPresence]);

  useChannel(
    client,
    connection === 'open',
    channel,
    (event, payload) => {
      switch (event) {
        case 'message':
        case 'message.edited':
        case 'message.deleted': {
          const message = chatMessageSchema.safeParse(payload);
          if (!message.success) return;
          update((s) => mergeMessages(s, [message.data]));
          if (event === 'message' && message.data.senderId === partnerId) setPartnerTyping(false);
          return;
        }
        case 'read': {
          const read = readEventSchema.safeParse(payload);
          if (read.success && read.data.userId === partnerId)
            setPartnerReadSeq((seq) => Math.max(seq, read.data.seq));
          return;
        }
        case 'typing': {
          const from = fromEventSchema.safeParse(payload);
          if (!from.success || from.data.from !== partnerId) return;
          setPartnerTyping(true);
          clearTimeout(typingTimer.current);
          typingTimer.current = setTimeout(() => setPartnerTyping(false), TYPING_SHOWN_MS);
          return;
        }
        case 'presence.join':
        case 'presence.leave': {
          const who = presenceEventSchema.safeParse(payload);
          if (who.success && who.data.userId === partnerId) setPartnerOnline(event === 'presence.join');
          return;
        }
        case CORRECTION_EVENT: {
          const correction = correctionSchema.safeParse(payload);
          if (correction.success) addCorrection(correction.data);
          return;
        }
      }
    },
    () => {
      subscribed.current = true;
      readSent.current = 0;
      void refreshPresence();
      void catchUp(true);
    },
  );

  useEffect(() => {
    if (connection !== 'open') subscribed.current = false;
  }, [connection]);
  useEffect(() => () => clearTimeout(typingTimer.current), []);

  // Read receipts: the newest message from the partner counts as read while the page is visible.
  const newestFromPartner = [...list.messages].reverse().find((m) => m.senderId === partnerId)?.seq ?? 0;
  useEffect(() => {
    const markRead = () => {
      if (document.visibilityState !== 'visible' || connection !== 'open') return;
      if (newestFromPartner <= readSent.current) return;
      readSent.current = newestFromPartner;
      void client.publish(channel, 'read', { seq: newestFromPartner }).catch(() => {
        readSent.current = 0;
      });
    };
    markRead();
    document.addEventListener('visibilitychange', markRead);
    return () => document.removeEventListener('visibilitychange', markRead);
  }, [channel, client, connection, newestFromPartner]);

  const loadOlder = useCallback(async () => {
    const cursor = listRef.current.olderCursor;
    if (!cursor || loadingOlder) return;
    setLoadingOlder(true);
    try {
      const page = await call(
        api.GET('/api/v1/chat/rooms/{roomId}/messages', {
          params: { path: { roomId }, query: { limit: PAGE, cursor: Number(cursor) } },
        }),
      );
      update((s) => withPage(s, page, 'older'));
    } finally {
      setLoadingOlder(false);
    }
  }, [api, loadingOlder, roomId, update]);

  const send = useCallback(
    (body: string, attachments: string[] = []) => {
      const clientId = crypto.randomUUID();
      update((s) =>
        addOutgoing(s, {
          clientId,
          body,
          attachments,
          createdAt: new Date().toISOString(),
          status: 'sending',
          acknowledge: [],
        }),
      );
      void deliver(clientId);
    },
    [deliver, update],
  );

  /** Sends a failed message again (with the warnings the user accepted, if any). */
  const retry = useCallback(
    (clientId: string, acknowledge: string[] = []) => {
      update((s) => outgoingRetry(s, clientId, acknowledge));
      void deliver(clientId);
    },
    [deliver, update],
  );

  const discard = useCallback((clientId: string) => update((s) => removeOutgoing(s, clientId)), [update]);

  const typing = useCallback(() => {
    const now = Date.now();
    if (connection !== 'open' || now - lastTypingSent.current < TYPING_EVERY_MS) return;
    lastTypingSent.current = now;
    void client.publish(channel, 'typing', {}).catch(() => undefined);
  }, [channel, client, connection]);

  /** Edits (`body`) or deletes (`null`) one of the user's messages; throws the server's refusal. */
  const change = useCallback(
    async (message: ChatMessage, body: string | null) => {
      const path = { roomId, messageId: message.id };
      const changed =
        body === null
          ? await call(api.DELETE('/api/v1/chat/rooms/{roomId}/messages/{messageId}', { params: { path } }))
          : await call(
              api.PATCH('/api/v1/chat/rooms/{roomId}/messages/{messageId}', {
                params: { path },
                body: { body },
              }),
            );
      update((s) => mergeMessages(s, [changed]));
    },
    [api, roomId, update],
  );

  return {
    list,
    connection,
    loadError,
    reload: loadLatest,
    loadOlder,
    loadingOlder,
    send,
    retry,
    discard,
    typing,
    change,
    partnerTyping,
    partnerReadSeq,
    partnerOnline,
    corrections,
    addCorrection,
  };
}

export type Conversation = ReturnType<typeof useConversation>;
