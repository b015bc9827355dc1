import { z } from 'zod';

export const breakoutStrategySchema = z.enum(['random', 'round_robin', 'mixed_by_grade']);

export const startBreakoutSchema = z.object({
  rooms: z.number().int().min(2).max(50),
  strategy: breakoutStrategySchema,
  /** Timer: everyone is recalled automatically when it runs out. */
  durationS: z
    .number()
    .int()
    .min(1)
    .max(4 * 3600)
    .optional(),
  /** Who to place; default: the students present in the session. */
  participants: z.array(z.uuid()).max(1000).optional(),
});

export const breakoutSchema = z.object({
  id: z.uuid(),
  sessionId: z.uuid(),
  strategy: breakoutStrategySchema,
  status: z.enum(['running', 'recalled']),
  endsAt: z.string().nullable(),
  rooms: z.array(
    z.object({
      id: z.uuid(),
      number: z.number().int(),
      chatRoomId: z.uuid(),
      /** Name of the room's whiteboard document on `/collab`. */
      whiteboard: z.string(),
      members: z.array(z.uuid()),
    }),
  ),
});
export type Breakout = z.infer<typeof breakoutSchema>;

export const moveToRoomSchema = z.object({ roomId: z.uuid() });
export const broadcastSchema = z.object({ text: z.string().trim().min(1).max(1000) });
export const enteredRoomSchema = z.object({
  id: z.uuid(),
  number: z.number().int(),
  chatRoomId: z.uuid(),
  whiteboard: z.string(),
});
