import type { ChatMessage } from '@app/contracts';

/** A message the user sent that the server has not stored yet (or refused). */
export interface OutgoingMessage {
  /** The idempotency key: every retry sends the same one, so the server stores it once. */
  clientId: string;
  body: string;
  attachments: string[];
  createdAt: string;
  /** `sending`: in flight or waiting for the connection; `failed`: refused or lost, can be retried. */
  status: 'sending' | 'failed';
  /** Why it failed (an ApiError from the ack or the REST answer). */
  error?: unknown;
  /** Safety warnings the sender saw and sends anyway. */
  acknowledge: string[];
}

/** A conversation's messages: the stored ones by seq, the user's outgoing ones, the paging state. */
export interface MessageListState {
  /** Stored messages, ascending by seq, one per seq. */
  messages: ChatMessage[];
  outgoing: OutgoingMessage[];
  /** The cursor of the page before the oldest loaded; null at the start of the room; undefined before the first page. */
  olderCursor: string | null | undefined;
}

export const emptyList: MessageListState = { messages: [], outgoing: [], olderCursor: undefined };

/** The later version of one message: a deletion wins, then the later edit. */
function fresher(current: ChatMessage, incoming: ChatMessage): ChatMessage {
  if (current.deletedAt) return current;
  if (incoming.deletedAt) return incoming;
  if ((incoming.editedAt ?? '') >= (current.editedAt ?? '')) return incoming;
  return current;
}

/**
 * Adds stored messages from anywhere (a REST page, a live event, a resume, a send's ack) in any
 * order: one entry per seq, the freshest version kept, and the outgoing entries they confirm
 * (same clientId) removed.
 */
export function mergeMessages(state: MessageListState, incoming: readonly ChatMessage[]): MessageListState {
  if (incoming.length === 0) return state;
  const bySeq = new Map(state.messages.map((m) => [m.seq, m]));
  for (const message of incoming) {
    const current = bySeq.get(message.seq);
    bySeq.set(message.seq, current ? fresher(current, message) : message);
  }
  const confirmed = new Set(incoming.map((m) => m.clientId).filter((id) => id !== null));
  const outgoing = state.outgoing.filter((o) => !confirmed.has(o.clientId));
  return {
    ...state,
    messages: [...bySeq.values()].sort((a, b) => a.seq - b.seq),
    outgoing: outgoing.length === state.outgoing.length ? state.outgoing : outgoing,
  };
}

/**
 * A page of history (`GET .../messages`, oldest first within the page). `older` pages move the
 * cursor back; the `latest` page (first load, or a reload after a reconnect) sets it only once, so
 * a reload does not forget how far back the user scrolled.
 */
export function withPage(
  state: MessageListState,
  page: { items: readonly ChatMessage[]; nextCursor: string | null },
  which: 'latest' | 'older',
): MessageListState {
  const merged = mergeMessages(state, page.items);
  const olderCursor =
    which === 'older' || state.olderCursor === undefined ? page.nextCursor : state.olderCursor;
  return { ...merged, olderCursor };
}

/** The highest stored seq (0 for none): where a resume after a reconnect starts. */
export function lastSeq(state: MessageListState): number {
  return state.messages.at(-1)?.seq ?? 0;
}

export function addOutgoing(state: MessageListState, message: OutgoingMessage): MessageListState {
  return { ...state, outgoing: [...state.outgoing, message] };
}

function updateOutgoing(
  state: MessageListState,
  clientId: string,
  change: (o: OutgoingMessage) => OutgoingMessage | undefined,
): MessageListState {
  const outgoing: OutgoingMessage[] = [];
  for (const o of state.outgoing) {
    const next = o.clientId === clientId ? change(o) : o;
    if (next) outgoing.push(next);
  }
  return { ...state, outgoing };
}

export function outgoingFailed(state: MessageListState, clientId: string, error: unknown): MessageListState {
  return updateOutgoing(state, clientId, (o) => ({ ...o, status: 'failed', error }));
}

/** Back to `sending` (a retry), with more acknowledged warnings when the user accepted one. */
export function outgoingRetry(
  state: MessageListState,
  clientId: string,
  acknowledge: readonly string[] = [],
): MessageListState {
  return updateOutgoing(state, clientId, (o) => ({
    ...o,
    status: 'sending',
    error: undefined,
    acknowledge: [...new Set([...o.acknowledge, ...acknowledge])],
  }));
}

export function removeOutgoing(state: MessageListState, clientId: string): MessageListState {
  return updateOutgoing(state, clientId, () => undefined);
}

/** One row of the rendered conversation. */
export type ConversationRow =
  | { kind: 'day'; key: string; day: string }
  | { kind: 'unread'; key: string }
  | { kind: 'message'; key: string; message: ChatMessage; mine: boolean; readByPartner: boolean }
  | { kind: 'outgoing'; key: string; message: OutgoingMessage };

/**
 * The rows to render: stored messages with a day line whenever the day changes, the unread line
 * before the partner's first message after `readSeq` (the user's read position when the page
 * opened), "read" on the user's last message the partner has read, then the outgoing ones.
 */
export function conversationRows(
  state: MessageListState,
  options: { me: string; readSeq: number; partnerReadSeq: number; dayOf: (iso: string) => string },
): ConversationRow[] {
  const rows: ConversationRow[] = [];
  let lastDay = '';
  let unreadShown = false;
  let lastReadMine = -1;
  for (const m of state.messages) {
    if (m.senderId === options.me && m.seq <= options.partnerReadSeq) lastReadMine = m.seq;
  }
  for (const message of state.messages) {
    const day = options.dayOf(message.createdAt);
    if (day !== lastDay) {
      rows.push({ kind: 'day', key: `day-${day}`, day });
      lastDay = day;
    }
    const mine = message.senderId === options.me;
    if (!unreadShown && !mine && message.seq > options.readSeq) {
      rows.push({ kind: 'unread', key: 'unread' });
      unreadShown = true;
    }
    rows.push({
      kind: 'message',
      key: `m-${message.seq}`,
      message,
      mine,
      readByPartner: message.seq === lastReadMine,
    });
  }
  for (const message of state.outgoing) {
    const day = options.dayOf(message.createdAt);
    if (day !== lastDay) {
      rows.push({ kind: 'day', key: `day-${day}`, day });
      lastDay = day;
    }
    rows.push({ kind: 'outgoing', key: `o-${message.clientId}`, message });
  }
  return rows;
}
