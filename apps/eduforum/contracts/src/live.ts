import { z } from 'zod';
import { eduforumActionSchema } from './actions.js';

/**
 * The live room's realtime contract (the channels and their events are declared in channels.ts):
 * - `eduforum-session:<sessionId>`: everyone in the session (enrolled, not removed, not locked out);
 * - `eduforum-staff:<sessionId>`: the session's professor, TAs and admins (live poll results, TalkTime);
 * - `eduforum-room:<breakoutRoomId>`: one breakout room's members, plus staff.
 * Media (SFU) will add its own events under `media.*` on the session channel; nothing here assumes
 * there is no media.
 */

/** The whiteboard document (on `/collab`) of a session's main room. */
export const sessionWhiteboard = (sessionId: string) => `eduforum.session.${sessionId}`;
/** The shared notes of a session's main room, and of one breakout room. */
export const sessionNotes = (sessionId: string) => `eduforum.notes.${sessionId}`;
export const roomNotes = (roomId: string) => `eduforum.roomnotes.${roomId}`;
/** The whiteboard document of a breakout room (one Yjs document per room). */
export const roomWhiteboard = (roomId: string) => `eduforum.room.${roomId}`;

export const reactionKinds = ['thumbs_up', 'clap', 'heart', 'laugh', 'surprised', 'question'] as const;
export const reactionSchema = z.enum(reactionKinds);
export type Reaction = z.infer<typeof reactionSchema>;

const userId = z.uuid();
const epochMs = z.number().int().min(0).max(8.64e15);

/** Who may draw on a session's main whiteboard (staff always may). */
export const boardAccessSchema = z.enum(['everyone', 'staff', 'chosen']);
export const boardSchema = z.object({ access: boardAccessSchema, writers: z.array(z.uuid()) });
export type Board = z.infer<typeof boardSchema>;

/** Events a client may send on `eduforum-session:<id>` (payload schemas). */
export const liveClientEvents = {
  /** Ack carries the room's state (`LiveSnapshot`); send it right after subscribing. */
  snapshot: z.object({}).strict(),
  'hand.raise': z.object({}).strict(),
  /** Lower one's own hand, or (staff) someone else's. */
  'hand.lower': z.object({ userId: userId.optional() }).strict(),
  /** Staff: give the floor to a person in the queue (removes them from it). */
  'hand.callOn': z.object({ userId }).strict(),
  react: z.object({ kind: reactionSchema }).strict(),
  /** A chat message in the session's chat room (counted for TalkTime). */
  chat: z
    .object({ body: z.string().trim().min(1).max(4000), clientId: z.string().max(64).optional() })
    .strict(),
  /** Voice activity detected on the client: one closed interval of speech, epoch milliseconds. */
  speaking: z
    .object({ startedAt: epochMs, endedAt: epochMs })
    .strict()
    .refine((v) => v.endedAt > v.startedAt && v.endedAt - v.startedAt <= 10 * 60_000, {
      message: 'an interval of speech is positive and at most ten minutes',
    }),
  /** Vote in an open poll of this session (same rules as `PUT /polls/:id/vote`). */
  'poll.vote': z
    .object({
      pollId: z.uuid(),
      choices: z.array(z.string().min(1).max(16)).min(1).max(20).optional(),
      text: z.string().trim().min(1).max(2000).optional(),
    })
    .strict()
    .refine((v) => (v.choices === undefined) !== (v.text === undefined), { message: 'choices or text' }),
  'control.mute': z.object({ userId }).strict(),
  'control.remove': z.object({ userId }).strict(),
  'control.spotlight': z.object({ userId: userId.nullable() }).strict(),
  'control.lock': z.object({ locked: z.boolean() }).strict(),
  /** Staff: who may draw on the main whiteboard (`writers` counts with `chosen` only). */
  'control.board': z
    .object({ access: boardAccessSchema, writers: z.array(userId).max(500).default([]) })
    .strict(),
} as const;
export type LiveClientEvent = keyof typeof liveClientEvents;

export const participantSchema = z.object({
  userId,
  name: z.string(),
  role: z.enum(['admin', 'professor', 'ta', 'student']),
});
export type Participant = z.infer<typeof participantSchema>;

export const handSchema = z.object({ userId, raisedAt: z.string() });

export const sessionStatusSchema = z.enum(['scheduled', 'live', 'ended', 'cancelled']);
export type SessionStatus = z.infer<typeof sessionStatusSchema>;

/** One person's participation in a session so far (TalkTime and counts). */
export const participationSchema = z.object({
  userId: z.uuid(),
  name: z.string(),
  speakingMs: z.number().int(),
  chatMessages: z.number().int(),
  pollAnswers: z.number().int(),
  handRaises: z.number().int(),
});
export type Participation = z.infer<typeof participationSchema>;

/** What `snapshot` returns: everything a client needs to draw the room on join. */
export const liveSnapshotSchema = z.object({
  sessionId: z.uuid(),
  status: sessionStatusSchema,
  locked: z.boolean(),
  spotlightUserId: z.uuid().nullable(),
  chatRoomId: z.uuid(),
  me: participantSchema,
  /** What the caller may do in this session (controls, staff channel). */
  abilities: z.array(eduforumActionSchema),
  participants: z.array(participantSchema),
  hands: z.array(handSchema),
  openPollIds: z.array(z.uuid()),
  openQuizIds: z.array(z.uuid()),
  /** Who may draw on the main whiteboard. */
  board: boardSchema,
  /** The caller's breakout room while breakouts run. */
  breakout: z
    .object({ breakoutId: z.uuid(), roomId: z.uuid(), number: z.number().int(), chatRoomId: z.uuid() })
    .nullable(),
});
export type LiveSnapshot = z.infer<typeof liveSnapshotSchema>;

/** A session's attendance for staff (recap): every enrolled person, present, late or absent. */
export const attendanceSchema = z.object({
  sessionId: z.uuid(),
  startedAt: z.string().nullable(),
  endedAt: z.string().nullable(),
  items: z.array(
    z.object({
      userId: z.uuid(),
      name: z.string(),
      role: z.enum(['professor', 'ta', 'student']),
      firstJoinedAt: z.string().nullable(),
      lastLeftAt: z.string().nullable(),
      /** Minutes in the room between the start and the end (reconnects not counted twice). */
      minutes: z.number().int(),
      status: z.enum(['present', 'late', 'absent']),
    }),
  ),
});
export type Attendance = z.infer<typeof attendanceSchema>;
