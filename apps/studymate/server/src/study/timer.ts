import { AppError, notFound } from '@app/platform';
import type { Timer } from '@app/studymate-contracts';
import { timerActionSchema, timerStartSchema } from '@app/studymate-contracts';
import type { Selectable } from 'kysely';
import type { StudymateStudySessions } from '../db.generated.js';
import type { StudymateDeps } from '../deps.js';
import { requireOwnSubject } from '../subjects/service.js';

type SessionRow = Selectable<StudymateStudySessions>;
/** A session left running is closed at this length (a forgotten tab is not 30 hours of study). */
const MAX_SESSION_SECONDS = 8 * 60 * 60;

/**
 * The study timer: one running session per learner, kept on the server so a reload (or another
 * device) continues it; pauses do not count. The database's unique index refuses a second
 * running session even when two starts race.
 */
export class TimerService {
  constructor(private readonly deps: StudymateDeps) {}

  async current(userId: string): Promise<Timer | null> {
    const row = await this.running(userId);
    return row ? toTimer(row, new Date()) : null;
  }

  async start(userId: string, body: unknown): Promise<Timer> {
    const input = timerStartSchema.parse(body);
    if (input.subjectId) await requireOwnSubject(this.deps.db, userId, input.subjectId);
    try {
      const row = await this.deps.db
        .insertInto('studymate.study_sessions')
        .values({ user_id: userId, subject_id: input.subjectId })
        .returningAll()
        .executeTakeFirstOrThrow();
      return toTimer(row, new Date());
    } catch (error) {
      if ((error as { code?: string }).code === '23505') throw new AppError('TIMER_RUNNING');
      throw error;
    }
  }

  /** Pause, resume or stop the running session (404 when none runs). */
  async act(userId: string, body: unknown): Promise<Timer> {
    const { action } = timerActionSchema.parse(body);
    return this.deps.db.transaction().execute(async (trx) => {
      const row = await trx
        .selectFrom('studymate.study_sessions')
        .selectAll()
        .where('user_id', '=', userId)
        .where('ended_at', 'is', null)
        .forUpdate()
        .executeTakeFirst();
      if (!row) throw notFound('Running timer');
      const now = new Date();
      let patch: Partial<SessionRow>;
      if (action === 'pause') patch = row.paused_at ? {} : { paused_at: now };
      else if (action === 'resume')
        patch = row.paused_at
          ? { paused_at: null, paused_ms: Number(row.paused_ms) + (now.getTime() - row.paused_at.getTime()) }
          : {};
      else patch = { ended_at: now, seconds: elapsedSeconds(row, now), paused_at: null };
      // Pausing a paused timer or resuming a running one changes nothing.
      if (Object.keys(patch).length === 0) return toTimer(row, now);
      const updated = await trx
        .updateTable('studymate.study_sessions')
        .set(patch)
        .where('id', '=', row.id)
        .returningAll()
        .executeTakeFirstOrThrow();
      return toTimer(updated, now);
    });
  }

  private running(userId: string) {
    return this.deps.db
      .selectFrom('studymate.study_sessions')
      .selectAll()
      .where('user_id', '=', userId)
      .where('ended_at', 'is', null)
      .executeTakeFirst();
  }

  /** Closes sessions left running longer than the cap (the cleanup job), counting the cap. */
  async closeAbandoned(): Promise<number> {
    const result = await this.deps.db
      .updateTable('studymate.study_sessions')
      .set((eb) => ({ ended_at: eb.fn('now', []), seconds: MAX_SESSION_SECONDS, paused_at: null }))
      .where('ended_at', 'is', null)
      .where('started_at', '<', new Date(Date.now() - (MAX_SESSION_SECONDS + 3600) * 1000))
      .executeTakeFirst();
    return Number(result.numUpdatedRows);
  }
}

/** Study time of a session at `now`: wall time minus pauses (a paused session stops counting), capped. */
export function elapsedSeconds(
  row: Pick<SessionRow, 'started_at' | 'paused_at' | 'paused_ms' | 'ended_at' | 'seconds'>,
  now: Date,
): number {
  if (row.ended_at && row.seconds !== null) return row.seconds;
  const until = row.paused_at ?? row.ended_at ?? now;
  const ms = until.getTime() - row.started_at.getTime() - Number(row.paused_ms);
  return Math.max(0, Math.min(MAX_SESSION_SECONDS, Math.floor(ms / 1000)));
}

function toTimer(row: SessionRow, now: Date): Timer {
  return {
    id: row.id,
    subjectId: row.subject_id,
    startedAt: row.started_at.toISOString(),
    paused: row.paused_at !== null,
    elapsedSeconds: elapsedSeconds(row, now),
    endedAt: row.ended_at?.toISOString() ?? null,
  };
}
