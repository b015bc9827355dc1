import { sql } from 'kysely';
import type { LanguagemateDeps } from '../deps.js';

const WINDOW_DAYS = 90;

/**
 * Reliability in [0, 1], shown to no one as a number but used to rank suggestions: 60 % showing up
 * to accepted sessions, 40 % answering within a day, both over the last 90 days. Each part is a
 * smoothed rate (a prior of two kept sessions and two answered turns out of the same number), so a
 * newcomer starts near 0.8 and one missed session does not sink a person who kept many.
 */
export function reliabilityScore(input: {
  kept: number;
  missed: number;
  asked: number;
  answered: number;
}): number {
  const attendance = (input.kept + 2 * 0.8) / (input.kept + input.missed + 2);
  const replies = (input.answered + 2 * 0.8) / (input.asked + 2);
  return Math.min(1, Math.max(0, 0.6 * attendance + 0.4 * replies));
}

/** Recomputes and stores reliability (after a no-show, and daily for everyone active). */
export class Reliability {
  constructor(private readonly deps: LanguagemateDeps) {}

  async recompute(userId: string): Promise<number> {
    const since = new Date(Date.now() - WINDOW_DAYS * 86_400_000);
    const sessions = await this.deps.db
      .selectFrom('languagemate.sessions')
      .select((eb) => [
        eb.fn.countAll<string>().filterWhere('no_show_user', 'is', null).as('kept'),
        eb.fn.countAll<string>().filterWhere('no_show_user', '=', userId).as('missed'),
      ])
      .where('state', '=', 'accepted')
      .where((eb) => eb.or([eb('proposer_id', '=', userId), eb('partner_id', '=', userId)]))
      .where('starts_at', '>=', since)
      .where(sql<boolean>`starts_at + make_interval(mins => duration_min::int) < now()`)
      .executeTakeFirstOrThrow();
    const replies = await this.deps.platform.chat.replyRate('languagemate', userId, since);
    const score = reliabilityScore({
      kept: Number(sessions.kept),
      missed: Number(sessions.missed),
      ...replies,
    });
    await this.deps.db
      .updateTable('languagemate.profiles')
      // updated_at tells every instance's match index to re-read the person (ranking uses reliability).
      .set({ reliability: score, updated_at: sql<Date>`now()` })
      .where('user_id', '=', userId)
      .execute();
    return score;
  }

  /** The daily run: everyone with a session or a partnership active in the window. */
  async recomputeActive(): Promise<number> {
    const since = new Date(Date.now() - WINDOW_DAYS * 86_400_000);
    const rows = await this.deps.db
      .selectFrom('languagemate.profiles as p')
      .select('p.user_id')
      .where((eb) =>
        eb.or([
          eb.exists(
            eb
              .selectFrom('languagemate.sessions as s')
              .select('s.id')
              .where('s.starts_at', '>=', since)
              .where((e) =>
                e.or([
                  e('s.proposer_id', '=', e.ref('p.user_id')),
                  e('s.partner_id', '=', e.ref('p.user_id')),
                ]),
              ),
          ),
          eb.exists(
            eb
              .selectFrom('languagemate.partners as r')
              .select('r.room_id')
              .where('r.ended_at', 'is', null)
              .where((e) =>
                e.or([e('r.user_a', '=', e.ref('p.user_id')), e('r.user_b', '=', e.ref('p.user_id'))]),
              ),
          ),
        ]),
      )
      .execute();
    for (const row of rows) await this.recompute(row.user_id);
    return rows.length;
  }
}
