import type { Breakout, LiveSnapshot, Poll } from '@app/eduforum-contracts';
import { describe, expect, it } from 'vitest';
import {
  initialLiveState,
  type LiveEvent,
  type LiveState,
  liveReducer,
  mayDraw,
  REACTION_MS,
  roomOf,
} from './live-state.js';

const me = '00000000-0000-7000-8000-000000000001';
const ann = '00000000-0000-7000-8000-000000000002';
const bo = '00000000-0000-7000-8000-000000000003';

const snapshot: LiveSnapshot = {
  sessionId: '00000000-0000-7000-8000-00000000000a',
  status: 'live',
  locked: false,
  spotlightUserId: null,
  chatRoomId: '00000000-0000-7000-8000-00000000000b',
  me: { userId: me, name: 'Prof', role: 'professor' },
  abilities: ['session.join', 'session.moderate', 'grade.view'],
  participants: [{ userId: ann, name: 'Ann', role: 'student' }],
  hands: [],
  openPollIds: [],
  openQuizIds: [],
  board: { access: 'everyone', writers: [] },
  breakout: null,
};

const event = <E extends LiveEvent['event']>(
  state: LiveState,
  name: E,
  payload: Extract<LiveEvent, { event: E }>['payload'],
) => liveReducer(state, { type: 'event', event: { event: name, payload } as LiveEvent, me });

describe('liveReducer', () => {
  it('builds the room from the snapshot and keeps who is here with the events', () => {
    let state = liveReducer(initialLiveState, { type: 'snapshot', snapshot });
    expect(state.online.sort()).toEqual([me, ann].sort());
    state = event(state, 'participant.joined', { userId: bo, name: 'Bo', role: 'student' });
    state = event(state, 'presence.join', { userId: bo });
    expect(state.online).toContain(bo);
    expect(state.people[bo]?.name).toBe('Bo');
    state = event(state, 'presence.leave', { userId: ann });
    state = event(state, 'presence.leave', { userId: me });
    expect(state.online.sort()).toEqual([me, bo].sort());
    state = event(state, 'control.removed', { userId: bo });
    expect(state.online).not.toContain(bo);
    expect(state.removed).toBe(false);
    expect(event(state, 'control.removed', { userId: me }).removed).toBe(true);
  });

  it('follows hands, status, lock, spotlight and mute requests meant for me', () => {
    let state = liveReducer(initialLiveState, { type: 'snapshot', snapshot });
    state = event(state, 'hand.queue', { hands: [{ userId: ann, raisedAt: '2026-11-22T00:00:00Z' }] });
    state = event(state, 'control.lock', { locked: true });
    state = event(state, 'control.spotlight', { userId: ann });
    state = event(state, 'session.status', { status: 'ended' });
    state = event(state, 'control.muteRequested', { userId: ann, by: me });
    expect(state.muteRequested).toBe(0);
    state = event(state, 'control.muteRequested', { userId: me, by: me });
    expect(state).toMatchObject({ locked: true, spotlightUserId: ann, status: 'ended', muteRequested: 1 });
    expect(state.hands.map((h) => h.userId)).toEqual([ann]);
  });

  it('keeps polls and their results, including those a close brings', () => {
    const poll: Poll = {
      id: '00000000-0000-7000-8000-0000000000c1',
      sessionId: snapshot.sessionId,
      question: 'Q',
      kind: 'single',
      options: [
        { id: 'a', text: 'A' },
        { id: 'b', text: 'B' },
      ],
      anonymous: false,
      resultsVisible: true,
      points: 0,
      status: 'open',
    };
    let state = event(initialLiveState, 'poll.opened', poll);
    state = event(state, 'poll.results', {
      pollId: poll.id,
      status: 'open',
      voters: 1,
      counts: { a: 1 },
      texts: [],
    });
    expect(state.results[poll.id]?.voters).toBe(1);
    state = event(state, 'poll.closed', {
      poll: { ...poll, status: 'closed' },
      results: { pollId: poll.id, status: 'closed', voters: 2, counts: { a: 1, b: 1 }, texts: [] },
    });
    expect(state.polls[poll.id]?.status).toBe('closed');
    expect(state.results[poll.id]?.voters).toBe(2);
  });

  it('moves people between breakout rooms and forgets the rooms on recall', () => {
    const breakout: Breakout = {
      id: '00000000-0000-7000-8000-0000000000d1',
      sessionId: snapshot.sessionId,
      strategy: 'random',
      status: 'running',
      endsAt: null,
      rooms: [
        { id: 'r1', number: 1, chatRoomId: 'c1', whiteboard: 'w1', members: [ann] },
        { id: 'r2', number: 2, chatRoomId: 'c2', whiteboard: 'w2', members: [bo] },
      ],
    };
    let state = event(initialLiveState, 'breakout.started', breakout);
    state = event(state, 'breakout.broadcast', { from: me, text: 'Five minutes' });
    state = event(state, 'breakout.staffEntered', { userId: me });
    state = event(state, 'breakout.staffEntered', { userId: me });
    expect(state.visits.map((v) => v.userId)).toEqual([me]);
    state = event(state, 'breakout.moved', {
      breakoutId: breakout.id,
      userId: ann,
      fromRoomId: 'r1',
      toRoomId: 'r2',
    });
    expect(roomOf(state.breakout, ann)?.number).toBe(2);
    expect(state.breakout?.rooms[0]?.members).toEqual([]);
    expect(state.broadcasts.map((b) => b.text)).toEqual(['Five minutes']);
    state = event(state, 'breakout.recalled', { breakoutId: 'another', automatic: true });
    expect(state.breakout).not.toBeNull();
    state = event(state, 'breakout.recalled', { breakoutId: breakout.id, automatic: true });
    expect([state.breakout, state.broadcasts, state.visits]).toEqual([null, [], []]);
  });

  it('shows reactions for a while and keeps at most twelve', () => {
    let state = initialLiveState;
    for (let i = 0; i < 15; i++) state = event(state, 'reaction', { from: ann, kind: 'clap' });
    expect(state.reactions).toHaveLength(12);
    const arrived = state.reactions[0]?.at ?? 0;
    expect(
      liveReducer(state, { type: 'reactions.prune', now: arrived + REACTION_MS - 1 }).reactions,
    ).toHaveLength(12);
    expect(
      liveReducer(state, { type: 'reactions.prune', now: arrived + REACTION_MS + 1000 }).reactions,
    ).toEqual([]);
  });
});

describe('who may draw on the main board', () => {
  it('follows the access the staff set; staff always may', () => {
    const base = liveReducer(initialLiveState, { type: 'snapshot', snapshot });
    expect(mayDraw(base, ann, false)).toBe(true);
    const staffOnly = event(base, 'control.board', { access: 'staff', writers: [] });
    expect([mayDraw(staffOnly, ann, false), mayDraw(staffOnly, me, true)]).toEqual([false, true]);
    const chosen = event(base, 'control.board', { access: 'chosen', writers: [ann] });
    expect([mayDraw(chosen, ann, false), mayDraw(chosen, bo, false)]).toEqual([true, false]);
  });
});
