import type { ServerEvent } from '@app/contracts';
import type {
  Board,
  Breakout,
  breakoutRoom,
  LiveSnapshot,
  liveSession,
  liveStaff,
  MyQaQuestion,
  Participant,
  Participation,
  Poll,
  PollResults,
  Quiz,
  SessionStatus,
} from '@app/eduforum-contracts';

/** An event of the session, staff or breakout-room channel, typed by its declaration. */
export type LiveEvent =
  | ServerEvent<typeof liveSession>
  | ServerEvent<typeof liveStaff>
  | ServerEvent<typeof breakoutRoom>;

/** A reaction on screen for a few seconds. */
export interface ShownReaction {
  key: number;
  from: string;
  kind: string;
  /** When it arrived (ms); it floats for REACTION_MS. */
  at: number;
}

/** How long a reaction stays on screen. */
export const REACTION_MS = 4000;

/** What the room looks like to this client; built from the snapshot and the channel's events. */
export interface LiveState {
  snapshot: LiveSnapshot | null;
  status: SessionStatus;
  locked: boolean;
  spotlightUserId: string | null;
  /** Who may draw on the main whiteboard. */
  board: Board;
  /** Everyone seen in the room (name and role), by id. */
  people: Record<string, Participant>;
  /** Who is here now. */
  online: string[];
  hands: { userId: string; raisedAt: string }[];
  calledOn: { userId: string; at: number } | null;
  reactions: ShownReaction[];
  polls: Record<string, Poll>;
  results: Record<string, PollResults>;
  quizzes: Record<string, Quiz>;
  /** Submissions seen live by staff, per quiz. */
  submissions: Record<string, number>;
  breakout: Breakout | null;
  /** The last broadcast heard in one's breakout room. */
  broadcasts: { text: string; at: number }[];
  /** Staff who stepped into my breakout room (the latest few), so students know who is listening. */
  visits: { userId: string; at: number }[];
  talktime: Participation[];
  /** Q&A questions with the reader's own vote and authorship (events keep what was known of those). */
  qa: Record<string, MyQaQuestion>;
  removed: boolean;
  muteRequested: number;
}

export const initialLiveState: LiveState = {
  snapshot: null,
  status: 'scheduled',
  locked: false,
  spotlightUserId: null,
  board: { access: 'everyone', writers: [] },
  people: {},
  online: [],
  hands: [],
  calledOn: null,
  reactions: [],
  polls: {},
  results: {},
  quizzes: {},
  submissions: {},
  breakout: null,
  broadcasts: [],
  visits: [],
  talktime: [],
  qa: {},
  removed: false,
  muteRequested: 0,
};

export type LiveAction =
  | { type: 'snapshot'; snapshot: LiveSnapshot }
  | { type: 'event'; event: LiveEvent; me: string }
  | { type: 'polls'; polls: Poll[] }
  | { type: 'quiz'; quiz: Quiz }
  | { type: 'breakout'; breakout: Breakout | null }
  | { type: 'talktime'; participants: Participation[] }
  | { type: 'qa'; questions: MyQaQuestion[] }
  | { type: 'reactions.prune'; now: number };

let reactionKey = 0;

const without = (list: string[], id: string) => list.filter((x) => x !== id);
const withOne = (list: string[], id: string) => (list.includes(id) ? list : [...list, id]);

/** Applies the snapshot or one event of the session, staff or breakout-room channel. */
export function liveReducer(state: LiveState, action: LiveAction): LiveState {
  switch (action.type) {
    case 'snapshot': {
      const { snapshot } = action;
      const people = { ...state.people };
      for (const p of [...snapshot.participants, snapshot.me]) people[p.userId] = p;
      return {
        ...state,
        snapshot,
        status: snapshot.status,
        locked: snapshot.locked,
        spotlightUserId: snapshot.spotlightUserId,
        board: snapshot.board,
        people,
        online: [...new Set([...snapshot.participants.map((p) => p.userId), snapshot.me.userId])],
        hands: snapshot.hands,
        removed: false,
      };
    }
    case 'polls': {
      const polls = { ...state.polls };
      for (const poll of action.polls) polls[poll.id] = poll;
      return { ...state, polls };
    }
    case 'quiz':
      return { ...state, quizzes: { ...state.quizzes, [action.quiz.id]: action.quiz } };
    case 'breakout':
      return {
        ...state,
        breakout: action.breakout,
        broadcasts: action.breakout ? state.broadcasts : [],
        visits: action.breakout ? state.visits : [],
      };
    case 'talktime':
      return { ...state, talktime: action.participants };
    case 'qa': {
      const qa = { ...state.qa };
      for (const question of action.questions) qa[question.id] = question;
      return { ...state, qa };
    }
    case 'reactions.prune':
      return { ...state, reactions: state.reactions.filter((r) => action.now - r.at < REACTION_MS) };
    case 'event':
      return applyEvent(state, action.event, action.me);
  }
}

function applyEvent(state: LiveState, { event, payload }: LiveEvent, me: string): LiveState {
  switch (event) {
    case 'participant.joined':
      return {
        ...state,
        people: { ...state.people, [payload.userId]: payload },
        online: withOne(state.online, payload.userId),
      };
    case 'presence.join':
      return { ...state, online: withOne(state.online, payload.userId) };
    case 'presence.leave':
      return payload.userId === me ? state : { ...state, online: without(state.online, payload.userId) };
    case 'hand.queue':
      return { ...state, hands: payload.hands };
    case 'hand.calledOn':
      return { ...state, calledOn: { userId: payload.userId, at: Date.now() } };
    case 'reaction': {
      const key = ++reactionKey;
      const reactions = [...state.reactions, { key, from: payload.from, kind: payload.kind, at: Date.now() }];
      return { ...state, reactions: reactions.slice(-12) };
    }
    case 'control.muteRequested':
      return payload.userId === me ? { ...state, muteRequested: state.muteRequested + 1 } : state;
    case 'control.removed':
      return payload.userId === me
        ? { ...state, removed: true }
        : { ...state, online: without(state.online, payload.userId) };
    case 'control.spotlight':
      return { ...state, spotlightUserId: payload.userId };
    case 'control.lock':
      return { ...state, locked: payload.locked };
    case 'control.board':
      return { ...state, board: payload };
    case 'session.status':
      return { ...state, status: payload.status };
    case 'poll.opened':
      return { ...state, polls: { ...state.polls, [payload.id]: payload } };
    case 'poll.closed': {
      const { poll, results } = payload;
      return {
        ...state,
        polls: { ...state.polls, [poll.id]: poll },
        results: results ? { ...state.results, [poll.id]: results } : state.results,
      };
    }
    case 'poll.results':
      return { ...state, results: { ...state.results, [payload.pollId]: payload } };
    case 'qa.changed': {
      const known = state.qa[payload.id];
      const mine = known?.mine ?? false;
      const myVote = known?.myVote ?? false;
      return { ...state, qa: { ...state.qa, [payload.id]: { ...payload, mine, myVote } } };
    }
    case 'quiz.opened':
      return { ...state, quizzes: { ...state.quizzes, [payload.id]: payload } };
    case 'quiz.closed': {
      const quiz = state.quizzes[payload.quizId];
      return quiz
        ? { ...state, quizzes: { ...state.quizzes, [quiz.id]: { ...quiz, status: 'closed' } } }
        : state;
    }
    case 'quiz.submitted':
      return {
        ...state,
        submissions: { ...state.submissions, [payload.quizId]: (state.submissions[payload.quizId] ?? 0) + 1 },
      };
    case 'breakout.started':
      return { ...state, breakout: payload, broadcasts: [], visits: [] };
    case 'breakout.moved': {
      if (!state.breakout || state.breakout.id !== payload.breakoutId) return state;
      const { userId, toRoomId } = payload;
      const rooms = state.breakout.rooms.map((room) => ({
        ...room,
        members: room.id === toRoomId ? withOne(room.members, userId) : without(room.members, userId),
      }));
      return { ...state, breakout: { ...state.breakout, rooms } };
    }
    case 'breakout.recalled':
      return state.breakout?.id === payload.breakoutId
        ? { ...state, breakout: null, broadcasts: [], visits: [] }
        : state;
    case 'breakout.broadcast':
      return {
        ...state,
        broadcasts: [...state.broadcasts, { text: payload.text, at: Date.now() }].slice(-5),
      };
    case 'breakout.staffEntered':
      return {
        ...state,
        visits: [
          ...state.visits.filter((v) => v.userId !== payload.userId),
          { userId: payload.userId, at: Date.now() },
        ].slice(-3),
      };
    case 'talktime':
      return { ...state, talktime: payload.participants };
    default:
      return state;
  }
}

/** The room of a breakout that `userId` is in, if any. */
export function roomOf(breakout: Breakout | null, userId: string) {
  return breakout?.rooms.find((room) => room.members.includes(userId)) ?? null;
}

/** Whether `userId` may draw on the main whiteboard as it is set (staff always may). */
export function mayDraw(state: Pick<LiveState, 'board'>, userId: string, staff: boolean): boolean {
  if (staff) return true;
  const { access, writers } = state.board;
  return access === 'everyone' || (access === 'chosen' && writers.includes(userId));
}
