import { defineChannel } from '@app/contracts';
import { z } from 'zod';
import { breakoutSchema } from './breakouts.js';
import {
  boardSchema,
  handSchema,
  liveClientEvents,
  participantSchema,
  participationSchema,
  reactionSchema,
  sessionStatusSchema,
} from './live.js';
import { pollResultsSchema, pollSchema } from './polls.js';
import { qaQuestionSchema } from './qa.js';
import { quizSchema } from './quizzes.js';

const userId = z.uuid();
const recalled = z.object({ breakoutId: z.uuid(), automatic: z.boolean() });

/**
 * `eduforum-session:<sessionId>`: everyone in the session (enrolled, not removed, not locked out).
 * Client events are the room's actions; server events are what everyone in the room sees.
 */
export const liveSession = defineChannel('eduforum-session', {
  client: liveClientEvents,
  server: {
    'participant.joined': participantSchema,
    'hand.queue': z.object({ hands: z.array(handSchema) }),
    'hand.calledOn': z.object({ userId, by: userId }),
    reaction: z.object({ from: userId, kind: reactionSchema }),
    'control.muteRequested': z.object({ userId, by: userId }),
    'control.removed': z.object({ userId }),
    'control.spotlight': z.object({ userId: userId.nullable() }),
    'control.lock': z.object({ locked: z.boolean() }),
    'control.board': boardSchema,
    'session.status': z.object({ status: sessionStatusSchema }),
    /** A poll was launched (options without the correct answer). */
    'poll.opened': pollSchema,
    /** A poll closed; its results when they are shown to students. */
    'poll.closed': z.object({ poll: pollSchema, results: pollResultsSchema.nullable() }),
    /** Live results of a poll whose results are shown (texts without voters). */
    'poll.results': pollResultsSchema,
    /** A Q&A question was asked, upvoted, answered, hidden or reopened (students drop hidden ones). */
    'qa.changed': qaQuestionSchema,
    'quiz.opened': quizSchema,
    'quiz.closed': z.object({ quizId: z.uuid() }),
    'breakout.started': breakoutSchema,
    'breakout.moved': z.object({
      breakoutId: z.uuid(),
      userId,
      fromRoomId: z.uuid().nullable(),
      toRoomId: z.uuid(),
    }),
    'breakout.recalled': recalled,
  },
});

/** `eduforum-staff:<sessionId>`: the session's professor, TAs and admins (live results, TalkTime). */
export const liveStaff = defineChannel('eduforum-staff', {
  client: {},
  server: {
    /** Every poll's live results, named voters included. */
    'poll.results': pollResultsSchema,
    'quiz.submitted': z.object({
      quizId: z.uuid(),
      userId,
      score: z.number(),
      maxScore: z.number(),
    }),
    talktime: z.object({ participants: z.array(participationSchema) }),
  },
});

/** `eduforum-room:<breakoutRoomId>`: one breakout room's members, plus staff. */
export const breakoutRoom = defineChannel('eduforum-room', {
  client: {},
  server: {
    'breakout.broadcast': z.object({ from: userId, text: z.string() }),
    /** A staff member stepped into the room (students are told who is listening). */
    'breakout.staffEntered': z.object({ userId }),
    'breakout.recalled': recalled,
  },
});

export const sessionChannel = (sessionId: string) => liveSession.name(sessionId);
export const staffChannel = (sessionId: string) => liveStaff.name(sessionId);
export const breakoutRoomChannel = (roomId: string) => breakoutRoom.name(roomId);
