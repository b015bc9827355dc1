import type { ChatMessage } from '@app/contracts';
import { describe, expect, it } from 'vitest';
import {
  addOutgoing,
  conversationRows,
  emptyList,
  lastSeq,
  mergeMessages,
  type OutgoingMessage,
  outgoingFailed,
  outgoingRetry,
  withPage,
} from './message-list.js';

const me = '00000000-0000-7000-8000-000000000001';
const mina = '00000000-0000-7000-8000-000000000002';
const room = '00000000-0000-7000-8000-00000000000a';

function message(seq: number, over: Partial<ChatMessage> = {}): ChatMessage {
  return {
    id: `00000000-0000-7000-8000-${String(seq).padStart(12, '0')}`,
    roomId: room,
    seq,
    senderId: seq % 2 ? mina : me,
    body: `message ${seq}`,
    attachments: [],
    clientId: null,
    createdAt: `2026-03-0${seq < 5 ? 1 : 2}T10:00:0${seq % 10}.000Z`,
    editedAt: null,
    deletedAt: null,
    ...over,
  };
}

function outgoing(clientId: string, body = 'hello'): OutgoingMessage {
  return {
    clientId,
    body,
    attachments: [],
    createdAt: '2026-03-02T11:00:00.000Z',
    status: 'sending',
    acknowledge: [],
  };
}

describe('the message list', () => {
  it('puts REST pages and live messages in seq order without duplicates, whatever arrives first', () => {
    let state = mergeMessages(emptyList, [message(6)]); // live, before the first page answered
    state = withPage(state, { items: [message(4), message(5), message(6)], nextCursor: '4' }, 'latest');
    state = withPage(state, { items: [message(1), message(2), message(3)], nextCursor: null }, 'older');
    state = mergeMessages(state, [message(7), message(5)]);
    expect(state.messages.map((m) => m.seq)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(state.olderCursor).toBeNull();
    expect(lastSeq(state)).toBe(7);
  });

  it('keeps the scroll-back cursor when the latest page is reloaded after a reconnect', () => {
    let state = withPage(emptyList, { items: [message(5), message(6)], nextCursor: '5' }, 'latest');
    state = withPage(state, { items: [message(3), message(4)], nextCursor: '3' }, 'older');
    state = withPage(state, { items: [message(6), message(7)], nextCursor: '6' }, 'latest');
    expect(state.olderCursor).toBe('3');
    expect(state.messages.map((m) => m.seq)).toEqual([3, 4, 5, 6, 7]);
  });

  it('keeps an edit or a deletion when an older copy of the message arrives later', () => {
    const edited = message(2, { body: 'fixed', editedAt: '2026-03-01T10:05:00.000Z' });
    let state = mergeMessages(emptyList, [edited]);
    state = withPage(state, { items: [message(1), message(2)], nextCursor: null }, 'latest');
    expect(state.messages[1]?.body).toBe('fixed');
    const deleted = message(2, { body: '', deletedAt: '2026-03-01T10:06:00.000Z' });
    state = mergeMessages(state, [deleted]);
    state = mergeMessages(state, [edited]);
    expect(state.messages[1]).toMatchObject({ body: '', deletedAt: deleted.deletedAt });
  });

  it('replaces an optimistic message by the stored one with its clientId, once', () => {
    let state = addOutgoing(emptyList, outgoing('c1'));
    state = addOutgoing(state, outgoing('c2', 'second'));
    expect(state.outgoing).toHaveLength(2);
    // The live event may beat the ack; both confirm the same message.
    const stored = message(8, { senderId: me, clientId: 'c1', body: 'hello' });
    state = mergeMessages(state, [stored]);
    state = mergeMessages(state, [stored]);
    expect(state.messages.map((m) => m.seq)).toEqual([8]);
    expect(state.outgoing.map((o) => o.clientId)).toEqual(['c2']);
  });

  it('marks a refused send failed and a retry sending again, keeping acknowledged warnings', () => {
    let state = addOutgoing(emptyList, outgoing('c1'));
    state = outgoingFailed(state, 'c1', new Error('held'));
    expect(state.outgoing[0]).toMatchObject({ status: 'failed' });
    state = outgoingRetry(state, 'c1', ['contact_info']);
    state = outgoingRetry(state, 'c1', ['contact_info']);
    expect(state.outgoing[0]).toMatchObject({
      status: 'sending',
      error: undefined,
      acknowledge: ['contact_info'],
    });
  });
});

describe('the conversation rows', () => {
  const dayOf = (iso: string) => iso.slice(0, 10);

  it('draws day lines, the unread line before the partner’s first unread message, and "read" once', () => {
    const state = withPage(
      emptyList,
      { items: [1, 2, 3, 4, 5, 6].map((seq) => message(seq)), nextCursor: null },
      'latest',
    );
    const rows = conversationRows(addOutgoing(state, outgoing('c9')), {
      me,
      readSeq: 2,
      partnerReadSeq: 5,
      dayOf,
    });
    expect(rows.map((r) => (r.kind === 'message' ? r.message.seq : r.kind))).toEqual([
      'day',
      1,
      2,
      'unread',
      3,
      4,
      'day',
      5,
      6,
      'outgoing',
    ]);
    const read = rows.filter((r) => r.kind === 'message' && r.readByPartner);
    expect(read.map((r) => (r.kind === 'message' ? r.message.seq : 0))).toEqual([4]);
  });

  it('draws no unread line when everything was read, nor for the user’s own messages', () => {
    const state = withPage(emptyList, { items: [message(2), message(4)], nextCursor: null }, 'latest');
    const rows = conversationRows(state, { me, readSeq: 1, partnerReadSeq: 0, dayOf });
    expect(rows.some((r) => r.kind === 'unread')).toBe(false);
  });
});
