import type {
  Breakout,
  LiveSnapshot,
  Participant,
  Participation,
  Poll,
  PollResults,
  Quiz,
  SessionStatus,
} from '@app/eduforum-contracts';

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
  talktime: Participation[];
  removed: boolean;
  muteRequested: number;
}

export const initialLiveState: LiveState = {
  snapshot: null,
  status: 'scheduled',
  locked: false,
  spotlightUserId: null,
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
  talktime: [],
  removed: false,
  muteRequested: 0,
};

export type LiveAction =
  | { type: 'snapshot'; snapshot: LiveSnapshot }
  | { type: 'event'; event: string; payload: unknown; me: string }
  | { type: 'polls'; polls: Poll[] }
  | { type: 'quiz'; quiz: Quiz }
  | { type: 'breakout'; breakout: Breakout | null }
  | { type: 'talktime'; participants: Participation[] }
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
      return { ...state, breakout: action.breakout, broadcasts: action.breakout ? state.broadcasts : [] };
    case 'talktime':
      return { ...state, talktime: action.participants };
    case 'reactions.prune':
      return { ...state, reactions: state.reactions.filter((r) => action.now - r.at < REACTION_MS) };
    case 'event':
      return applyEvent(state, action.event, action.payload, action.me);
  }
}

function applyEvent(state: LiveState, event: string, payload: unknown, me: string): LiveState {
  const data = (payload ?? {}) as Record<string, unknown>;
  switch (event) {
    case 'participant.joined': {
      const p = payload as Participant;
      return {
        ...state,
        people: { ...state.people, [p.userId]: p },
        online: withOne(state.online, p.userId),
      };
    }
    case 'presence.join':
      return { ...state, online: withOne(state.online, String(data.userId)) };
    case 'presence.leave':
      return data.userId === me ? state : { ...state, online: without(state.online, String(data.userId)) };
    case 'hand.queue':
      return { ...state, hands: data.hands as LiveState['hands'] };
    case 'hand.calledOn':
      return { ...state, calledOn: { userId: String(data.userId), at: Date.now() } };
    case 'reaction': {
      const key = ++reactionKey;
      const reactions = [
        ...state.reactions,
        { key, from: String(data.from), kind: String(data.kind), at: Date.now() },
      ];
      return { ...state, reactions: reactions.slice(-12) };
    }
    case 'control.muteRequested':
      return data.userId === me ? { ...state, muteRequested: state.muteRequested + 1 } : state;
    case 'control.removed':
      return data.userId === me
        ? { ...state, removed: true }
        : { ...state, online: without(state.online, String(data.userId)) };
    case 'control.spotlight':
      return { ...state, spotlightUserId: (data.userId as string | null) ?? null };
    case 'control.lock':
      return { ...state, locked: Boolean(data.locked) };
    case 'session.status':
      return { ...state, status: data.status as SessionStatus };
    case 'poll.opened': {
      const poll = payload as Poll;
      return { ...state, polls: { ...state.polls, [poll.id]: poll } };
    }
    case 'poll.closed': {
      const poll = data.poll as Poll;
      const results = data.results as PollResults | null;
      return {
        ...state,
        polls: { ...state.polls, [poll.id]: poll },
        results: results ? { ...state.results, [poll.id]: results } : state.results,
      };
    }
    case 'poll.results': {
      const results = payload as PollResults;
      return { ...state, results: { ...state.results, [results.pollId]: results } };
    }
    case 'quiz.opened': {
      const quiz = payload as Quiz;
      return { ...state, quizzes: { ...state.quizzes, [quiz.id]: quiz } };
    }
    case 'quiz.closed': {
      const quiz = state.quizzes[String(data.quizId)];
      return quiz
        ? { ...state, quizzes: { ...state.quizzes, [quiz.id]: { ...quiz, status: 'closed' } } }
        : state;
    }
    case 'quiz.submitted': {
      const quizId = String(data.quizId);
      return {
        ...state,
        submissions: { ...state.submissions, [quizId]: (state.submissions[quizId] ?? 0) + 1 },
      };
    }
    case 'breakout.started':
      return { ...state, breakout: payload as Breakout, broadcasts: [] };
    case 'breakout.moved': {
      if (!state.breakout || state.breakout.id !== data.breakoutId) return state;
      const userId = String(data.userId);
      const rooms = state.breakout.rooms.map((room) => ({
        ...room,
        members: room.id === data.toRoomId ? withOne(room.members, userId) : without(room.members, userId),
      }));
      return { ...state, breakout: { ...state.breakout, rooms } };
    }
    case 'breakout.recalled':
      return state.breakout?.id === data.breakoutId ? { ...state, breakout: null, broadcasts: [] } : state;
    case 'breakout.broadcast':
      return {
        ...state,
        broadcasts: [...state.broadcasts, { text: String(data.text), at: Date.now() }].slice(-5),
      };
    case 'talktime':
      return { ...state, talktime: data.participants as Participation[] };
    default:
      return state;
  }
}

/** The room of a breakout that `userId` is in, if any. */
export function roomOf(breakout: Breakout | null, userId: string) {
  return breakout?.rooms.find((room) => room.members.includes(userId)) ?? null;
}
