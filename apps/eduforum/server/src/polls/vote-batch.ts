import { sql } from 'kysely';
import type { EduDb } from '../db.js';

/** One vote to store: who, and what they chose (choice ids, or a text answer). */
export interface VoteInput {
  userId: string;
  choices: string[];
  text: string | null;
}

interface Waiting extends VoteInput {
  resolve(result: { changed: boolean } | undefined): void;
  reject(error: unknown): void;
}

/** Votes of one statement at most (a lecture hall's worth; more wait for the next statement). */
const MAX_BATCH = 200;

/**
 * Writes votes with as few statements as a burst allows: while one statement for a poll is in
 * flight, the votes that arrive queue, and go together in the next one (group commit by the
 * application; nothing waits on a timer, so a lone vote is written at once). A class voting at once
 * then costs a handful of statements, commits and share locks on the poll row instead of one each,
 * and every vote is still acknowledged only after the statement holding it committed.
 */
export class VoteWriter {
  private readonly queues = new Map<string, Waiting[]>();

  constructor(private readonly db: EduDb) {}

  /** Stores the vote; resolves once committed, with undefined when it was refused (see castVotes). */
  cast(pollId: string, vote: VoteInput): Promise<{ changed: boolean } | undefined> {
    return new Promise((resolve, reject) => {
      const queue = this.queues.get(pollId);
      if (queue) {
        queue.push({ ...vote, resolve, reject });
        return;
      }
      this.queues.set(pollId, [{ ...vote, resolve, reject }]);
      void this.drain(pollId);
    });
  }

  private async drain(pollId: string): Promise<void> {
    for (;;) {
      const queue = this.queues.get(pollId) ?? [];
      if (queue.length === 0) {
        this.queues.delete(pollId);
        return;
      }
      // One row per person per statement (ON CONFLICT cannot touch a row twice): a second vote
      // of the same person waits for the next statement, so the later one wins.
      const batch: Waiting[] = [];
      const rest: Waiting[] = [];
      const users = new Set<string>();
      for (const vote of queue) {
        if (batch.length < MAX_BATCH && !users.has(vote.userId)) {
          users.add(vote.userId);
          batch.push(vote);
        } else rest.push(vote);
      }
      queue.splice(0, queue.length, ...rest);
      try {
        const written = await castVotes(this.db, pollId, batch);
        for (const vote of batch) vote.resolve(written.get(vote.userId));
      } catch (error) {
        for (const vote of batch) vote.reject(error);
      }
    }
  }
}

/**
 * Stores or replaces votes of one poll in one statement: each is written only while the poll is
 * open and its voter may join the session (a course member or an eduforum admin, not removed from
 * it). The poll row is share-locked, so a close (which updates the row) orders strictly after
 * votes in flight and votes after it find no open poll. Returns the written votes by voter; a
 * voter missing from it was refused and the caller finds out why.
 */
export async function castVotes(
  db: EduDb,
  pollId: string,
  votes: readonly VoteInput[],
): Promise<Map<string, { changed: boolean }>> {
  const input = JSON.stringify(votes.map((v) => ({ u: v.userId, c: v.choices, t: v.text })));
  const { rows } = await sql<{ user_id: string; changed: boolean }>`
    with poll as (
      select p.id, s.id as session_id, s.course_id
        from eduforum.polls p
        join eduforum.sessions s on s.id = p.session_id
       where p.id = ${pollId} and p.status = 'open'
         for share of p)
    insert into eduforum.poll_votes (poll_id, user_id, choices, text_answer)
    select poll.id, v.u, v.c, v.t
      from jsonb_to_recordset(${input}::jsonb) as v(u uuid, c text[], t text)
     cross join poll
     where not exists (select from eduforum.session_removals r
                        where r.session_id = poll.session_id and r.user_id = v.u)
       and (exists (select from eduforum.course_members m
                     where m.course_id = poll.course_id and m.user_id = v.u)
            or exists (select from platform.people u
                         left join platform.app_roles pm on pm.user_id = u.id and pm.app = 'eduforum'
                        where u.id = v.u and (u.platform_role = 'admin' or pm.role = 'admin')))
    on conflict (poll_id, user_id)
      do update set choices = excluded.choices, text_answer = excluded.text_answer, changed_at = now()
    returning user_id, voted_at <> changed_at as changed`.execute(db);
  return new Map(rows.map((r) => [r.user_id, { changed: r.changed }]));
}
