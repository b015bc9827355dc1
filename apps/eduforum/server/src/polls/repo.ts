import { sql } from 'kysely';
import type { EduDb } from '../db.js';

/** A poll row as stored. */
export type PollRow = {
  id: string;
  session_id: string;
  question: string;
  kind: string;
  options: unknown;
  anonymous: boolean;
  results_visible: boolean;
  points: number;
  status: string;
};

/** What a results push or read needs from the database: the live status and the aggregate. */
export interface Tally {
  status: string;
  voters: number;
  counts: [string, number][];
  texts: { text: string; userId: string }[];
}

/** How many polls' fixed fields one instance keeps (a few hundred live sessions' worth). */
const CACHE_SIZE = 5_000;

/**
 * A poll's fixed fields (session, kind, options, anonymity, visibility) never change after it is
 * created (only `status` and its timestamps do), so every instance may keep them: the vote path
 * then needs no read before its write. The status is never cached; the vote statement checks it.
 */
export class PollCatalog {
  private readonly rows = new Map<string, PollRow>();

  constructor(private readonly db: EduDb) {}

  /** The poll (status as of the read that filled the cache: callers must not trust it), or undefined. */
  async fixed(pollId: string): Promise<PollRow | undefined> {
    const cached = this.rows.get(pollId);
    if (cached) return cached;
    const row = await this.load(pollId);
    if (row) this.remember(row);
    return row;
  }

  /** The poll as stored now (status included). */
  async load(pollId: string): Promise<PollRow | undefined> {
    return this.db.selectFrom('eduforum.polls').selectAll().where('id', '=', pollId).executeTakeFirst();
  }

  remember(row: PollRow): void {
    if (this.rows.size >= CACHE_SIZE) {
      // Maps iterate in insertion order: drop the oldest entry.
      const oldest = this.rows.keys().next().value;
      if (oldest !== undefined) this.rows.delete(oldest);
    }
    this.rows.set(row.id, row);
  }
}

/**
 * The poll's status and aggregate in one statement (one snapshot, so `voters` and `counts` agree):
 * votes per option counted in the database, and the text answers in voting order (only text polls
 * have any).
 */
export async function tally(db: EduDb, pollId: string): Promise<Tally | undefined> {
  const { rows } = await sql<Tally>`
    with v as (select user_id, choices, text_answer, voted_at
                 from eduforum.poll_votes where poll_id = ${pollId})
    select p.status,
           (select count(*)::int from v) as voters,
           (select coalesce(json_agg(json_build_array(c.choice, c.n)), '[]')
              from (select unnest(choices) as choice, count(*)::int as n from v group by 1) c) as counts,
           (select coalesce(json_agg(json_build_object('text', text_answer, 'userId', user_id)
                                     order by voted_at), '[]')
              from v where text_answer is not null) as texts
      from eduforum.polls p
     where p.id = ${pollId}`.execute(db);
  return rows[0];
}
