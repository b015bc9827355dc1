import { ApiError, call, RealtimeError } from '@app/client';
import type { ChatMessage } from '@app/contracts';
import type { EduforumPaths } from '@app/eduforum-contracts';
import { Button, useApi, useFormat, useRealtime, useToast } from '@app/ui';
import { type FormEvent, Fragment, useEffect, useId, useRef, useState } from 'react';
import { useErrorText } from '../error-text.js';
import { useT } from '../i18n.js';
import { LiveActionError } from './use-live-room.js';
import { useOnline } from './use-online.js';

/** A message typed while offline (or whose sending was cut off), sent again on reconnect. */
interface Queued {
  clientId: string;
  body: string;
}

/**
 * A failure of the connection, not a refusal: the message waits and is sent again. Right after a
 * reconnect the room's channel may not be joined again yet (NOT_SUBSCRIBED): that too is a wait.
 */
function lostConnection(error: unknown): boolean {
  if (error instanceof RealtimeError) return error.code === 'NOT_SUBSCRIBED';
  return !(error instanceof ApiError || error instanceof LiveActionError);
}

/** How long to wait before trying the queue again after the connection failed it. */
const RETRY_MS = 1000;

/**
 * A chat room of the live session (the main room's or a breakout room's): the last 50 messages,
 * new ones live on `chat:<roomId>`, and a box to send. `send` decides the path (the session's
 * `chat` event counts for TalkTime; a breakout room uses the chat channel directly).
 */
export function ChatPanel({
  roomId,
  names,
  send,
  label,
}: {
  roomId: string;
  names: Record<string, string>;
  /** Absent: the history only (a session that has ended). */
  send?: (body: string, clientId: string) => Promise<unknown>;
  label: string;
}) {
  const { t } = useT();
  const errorText = useErrorText();
  const api = useApi<EduforumPaths>();
  const toast = useToast();
  const format = useFormat();
  const { client, state } = useRealtime();
  const [messages, setMessages] = useState<ChatMessage[]>([]);
  const [draft, setDraft] = useState('');
  const [sending, setSending] = useState(false);
  const [queued, setQueued] = useState<Queued[]>([]);
  const flushing = useRef(false);
  const [retries, setRetries] = useState(0);
  const online = useOnline() && state === 'open';
  const listRef = useRef<HTMLOListElement>(null);
  const inputId = useId();

  useEffect(() => {
    if (state !== 'open') return;
    let cancelled = false;
    let leave: (() => Promise<void>) | undefined;
    const merge = (incoming: ChatMessage[]) =>
      setMessages((current) => {
        const bySeq = new Map(current.map((m) => [m.seq, m]));
        for (const m of incoming) bySeq.set(m.seq, m);
        return [...bySeq.values()].sort((a, b) => a.seq - b.seq).slice(-200);
      });
    const load = async () => {
      const page = await call(
        api.GET('/api/v1/chat/rooms/{roomId}/messages', {
          params: { path: { roomId }, query: { limit: 50 } },
        }),
      ).catch(() => null);
      if (page && !cancelled) merge(page.items as ChatMessage[]);
    };
    client
      .subscribe(
        `chat:${roomId}`,
        (event) => {
          if (
            event.event === 'message' ||
            event.event === 'message.edited' ||
            event.event === 'message.deleted'
          )
            merge([event.payload as ChatMessage]);
        },
        { onResubscribed: () => void load() },
      )
      .then((stop) => {
        if (cancelled) return void stop();
        leave = stop;
        void load();
      })
      .catch(() => undefined);
    return () => {
      cancelled = true;
      void leave?.().catch(() => undefined);
    };
  }, [api, client, roomId, state]);

  // Keep the newest message in view.
  // biome-ignore lint/correctness/useExhaustiveDependencies: scroll whenever the list grows
  useEffect(() => {
    const list = listRef.current;
    if (list) list.scrollTop = list.scrollHeight;
  }, [messages.length]);

  const deliver = async (item: Queued) => {
    if (!send) return;
    const message = (await send(item.body, item.clientId)) as ChatMessage | undefined;
    if (message && typeof message === 'object' && 'seq' in message)
      setMessages((current) =>
        current.some((m) => m.seq === message.seq) ? current : [...current, message].slice(-200),
      );
  };

  // Back online: what was typed meanwhile goes out in order (the client id makes a resend harmless).
  // biome-ignore lint/correctness/useExhaustiveDependencies: deliver and the texts change every render
  useEffect(() => {
    if (!online || queued.length === 0 || flushing.current) return;
    flushing.current = true;
    void (async () => {
      for (const item of queued) {
        try {
          await deliver(item);
        } catch (error) {
          if (lostConnection(error)) {
            setTimeout(() => setRetries((n) => n + 1), RETRY_MS);
            break;
          }
          toast(errorText(error), 'danger');
        }
        setQueued((current) => current.filter((q) => q.clientId !== item.clientId));
      }
      flushing.current = false;
    })();
  }, [online, queued, retries]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const typed = draft;
    const body = typed.trim();
    if (!body || sending || !send) return;
    const item = { clientId: crypto.randomUUID(), body };
    // Empty the box for the next message, unless the next one is already being typed.
    const clear = () => setDraft((current) => (current === typed ? '' : current));
    if (!online) {
      setQueued((current) => [...current, item]);
      clear();
      return;
    }
    setSending(true);
    try {
      await deliver(item);
      clear();
    } catch (error) {
      if (lostConnection(error)) {
        setQueued((current) => [...current, item]);
        clear();
      } else toast(errorText(error), 'danger');
    } finally {
      setSending(false);
    }
  };

  return (
    <section aria-label={label} className="flex h-full min-h-64 flex-col">
      <ol
        ref={listRef}
        aria-live="polite"
        aria-relevant="additions"
        className="flex max-h-96 flex-1 flex-col gap-2 overflow-y-auto pr-1"
        data-testid="chat-messages"
      >
        {messages.length === 0 && <li className="text-sm text-fg-muted">{t('live.chat.empty')}</li>}
        {messages.map((m, i) => {
          // Lines are grouped by day: the day once, above its first line; each line shows its time.
          const day = format.day(m.createdAt);
          const previous = messages[i - 1];
          const newDay = !previous || format.day(previous.createdAt) !== day;
          return (
            <Fragment key={m.seq}>
              {newDay && (
                <li className="py-1 text-center text-xs font-semibold text-fg-muted">
                  <time dateTime={m.createdAt.slice(0, 10)}>{day}</time>
                </li>
              )}
              <li className="rounded-lg bg-surface-muted px-3 py-2 text-sm">
                <p className="flex items-baseline justify-between gap-2 text-xs text-fg-muted">
                  <span className="font-semibold text-fg">
                    {(m.senderId && names[m.senderId]) || t('live.someone')}
                  </span>
                  <time dateTime={m.createdAt} title={format.dateTime(m.createdAt)}>
                    {format.time(m.createdAt)}
                  </time>
                </p>
                <p className="whitespace-pre-wrap break-words">
                  {m.deletedAt ? t('live.chat.deleted') : m.body}
                </p>
              </li>
            </Fragment>
          );
        })}
        {queued.map((q) => (
          <li
            key={q.clientId}
            className="rounded-lg border border-dashed border-border px-3 py-2 text-sm"
            data-testid="chat-queued"
          >
            <p className="text-xs text-fg-muted">{t('live.chat.queued')}</p>
            <p className="whitespace-pre-wrap break-words">{q.body}</p>
          </li>
        ))}
      </ol>
      {send && !online && <p className="mt-2 text-xs text-fg-muted">{t('live.chat.offline')}</p>}
      {send && (
        <form onSubmit={submit} className="mt-3 flex gap-2">
          <label htmlFor={inputId} className="sr-only">
            {t('live.chat.message')}
          </label>
          <input
            id={inputId}
            value={draft}
            maxLength={4000}
            onChange={(e) => setDraft(e.target.value)}
            placeholder={t('live.chat.placeholder')}
            className="min-h-11 flex-1 rounded-lg border border-border bg-surface px-3"
          />
          <Button type="submit" loading={sending} disabled={!draft.trim()}>
            {t('live.chat.send')}
          </Button>
        </form>
      )}
    </section>
  );
}
