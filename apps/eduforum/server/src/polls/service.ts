import type { CreatePoll, Poll, PollResults, Vote } from '@app/eduforum-contracts';
import { liveSession, liveStaff } from '@app/eduforum-contracts';
import { AppError, type CsvCell, toCsv } from '@app/platform';
import { z } from 'zod';
import type { EduforumDeps } from '../deps.js';
import { requireLive } from '../live/context.js';
import type { TalkTime } from '../live/talktime.js';
import { isStaff } from '../policies.js';
import { PollCatalog, type PollRow, tally } from './repo.js';
import { VoteWriter } from './vote-batch.js';

/** A poll's options as stored (with the answer key). */
const storedOptions = z.array(z.object({ id: z.string(), text: z.string(), correct: z.boolean() }));
type Option = z.infer<typeof storedOptions>[number];

/** A poll as the viewer may see it: correct answers for staff, and for students once closed. */
export function toPoll(row: PollRow, staff: boolean): Poll {
  const showKey = staff || row.status === 'closed';
  return {
    id: row.id,
    sessionId: row.session_id,
    question: row.question,
    kind: row.kind as Poll['kind'],
    options: (row.options as Option[]).map((o) => (showKey ? o : { id: o.id, text: o.text })),
    anonymous: row.anonymous,
    resultsVisible: row.results_visible,
    points: row.points,
    status: row.status as Poll['status'],
  };
}

/** Whether a vote is right: the chosen set equals the set of correct options. */
export function isCorrect(options: readonly Option[], choices: readonly string[]): boolean {
  const key = options.filter((o) => o.correct).map((o) => o.id);
  if (key.length === 0) return false;
  const chosen = new Set(choices);
  return chosen.size === key.length && key.every((id) => chosen.has(id));
}

/**
 * Polls in a live session: draft -> open -> closed. One vote per person, changeable until the poll
 * closes (the poll row lock orders votes against the close). Live aggregates go to staff at once
 * and to students when the poll says so.
 */
export class PollService {
  /** Per poll whose results push is running: whether another is needed after it. */
  private readonly pushing = new Map<string, { dirty: boolean }>();
  private readonly catalog: PollCatalog;
  private readonly votes: VoteWriter;

  constructor(
    private readonly deps: EduforumDeps,
    private readonly talkTime: TalkTime,
  ) {
    this.catalog = new PollCatalog(deps.db);
    this.votes = new VoteWriter(deps.db);
  }

  async create(userId: string, sessionId: string, input: CreatePoll): Promise<Poll> {
    await requireLive(this.deps, sessionId, userId, 'session.moderate');
    const options: Option[] = input.options.map((o, i) => ({
      id: String.fromCharCode(97 + i),
      text: o.text,
      correct: o.correct,
    }));
    const row = await this.deps.db
      .insertInto('eduforum.polls')
      .values({
        session_id: sessionId,
        question: input.question,
        kind: input.kind,
        options: JSON.stringify(options),
        anonymous: input.anonymous,
        results_visible: input.resultsVisible,
        points: input.points,
        created_by: userId,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    this.catalog.remember(row);
    return toPoll(row, true);
  }

  async list(userId: string, sessionId: string): Promise<Poll[]> {
    const { role } = await requireLive(this.deps, sessionId, userId, 'session.join');
    const staff = isStaff(role);
    let q = this.deps.db
      .selectFrom('eduforum.polls')
      .selectAll()
      .where('session_id', '=', sessionId)
      .orderBy('id');
    if (!staff) q = q.where('status', '!=', 'draft');
    return (await q.execute()).map((r) => toPoll(r, staff));
  }

  async open(userId: string, pollId: string): Promise<Poll> {
    const poll = await this.load(pollId);
    await requireLive(this.deps, poll.session_id, userId, 'session.moderate', { live: true });
    const row = await this.deps.db
      .updateTable('eduforum.polls')
      .set({ status: 'open', opened_at: new Date() })
      .where('id', '=', pollId)
      .where('status', '=', 'draft')
      .returningAll()
      .executeTakeFirst();
    if (!row) throw new AppError('INVALID_TRANSITION', 'Only a draft poll can be opened.');
    await this.deps.platform.realtime.publishTo(
      liveSession,
      row.session_id,
      'poll.opened',
      toPoll(row, false),
    );
    await this.pushResults(pollId);
    return toPoll(row, true);
  }

  async close(userId: string, pollId: string): Promise<Poll> {
    const poll = await this.load(pollId);
    await requireLive(this.deps, poll.session_id, userId, 'session.moderate');
    const row = await this.deps.db
      .updateTable('eduforum.polls')
      .set({ status: 'closed', closed_at: new Date() })
      .where('id', '=', pollId)
      .where('status', '=', 'open')
      .returningAll()
      .executeTakeFirst();
    if (!row) throw new AppError('INVALID_TRANSITION', 'Only an open poll can be closed.');
    const results = await this.aggregate(row, false);
    await this.deps.platform.realtime.publishTo(liveSession, row.session_id, 'poll.closed', {
      poll: toPoll(row, false),
      results: row.results_visible ? results : null,
    });
    await this.pushResults(pollId);
    return toPoll(row, true);
  }

  /**
   * Stores or replaces the caller's vote while the poll is open. The hot path reads nothing: the
   * poll's fixed fields come from the catalog, and membership, removal and the open status are
   * checked by the insert itself, which also carries the votes that arrived with this one (see
   * VoteWriter); only a refused vote pays for finding out why.
   */
  async vote(
    userId: string,
    pollId: string,
    vote: Vote,
    inSession?: string,
  ): Promise<{ pollId: string; changed: boolean }> {
    const poll = await this.catalog.fixed(pollId);
    if (!poll || (inSession && poll.session_id !== inSession))
      throw new AppError('NOT_FOUND', 'Poll was not found.');
    const choices = 'choices' in vote ? [...new Set(vote.choices)] : [];
    const text = 'text' in vote ? vote.text : null;
    const invalid = invalidVote(poll, choices, text);
    if (invalid) {
      // Someone who may not join learns nothing about the poll: the session check answers first.
      await requireLive(this.deps, poll.session_id, userId, 'session.join');
      throw new AppError('VALIDATION_FAILED', invalid);
    }
    const written = await this.votes.cast(pollId, { userId, choices, text });
    if (!written) {
      await requireLive(this.deps, poll.session_id, userId, 'session.join');
      throw new AppError('POLL_NOT_OPEN');
    }
    this.talkTime.changed(poll.session_id);
    void this.pushResults(pollId);
    return { pollId, changed: written.changed };
  }

  /** Live results: staff always; students when the poll shows them (never who voted what). */
  async results(userId: string, pollId: string): Promise<PollResults> {
    const poll = await this.load(pollId);
    const { role } = await requireLive(this.deps, poll.session_id, userId, 'session.join');
    const staff = isStaff(role);
    if (!staff && !poll.results_visible)
      throw new AppError('FORBIDDEN', 'The results of this poll are for staff.');
    return this.aggregate(poll, staff);
  }

  /** One row per student and poll of the session: answer, correctness, points (anonymous polls stay anonymous). */
  async exportCsv(userId: string, sessionId: string): Promise<string> {
    const { session } = await requireLive(this.deps, sessionId, userId, 'grade.view');
    const polls = await this.deps.db
      .selectFrom('eduforum.polls')
      .selectAll()
      .where('session_id', '=', sessionId)
      .where('status', '!=', 'draft')
      .orderBy('id')
      .execute();
    const students = await this.deps.db
      .selectFrom('eduforum.course_members as m')
      .innerJoin('platform.people as u', 'u.id', 'm.user_id')
      .select(['u.id', 'u.name', 'u.email'])
      .where('m.course_id', '=', session.course_id)
      .where('m.role', '=', 'student')
      .orderBy('u.name')
      .execute();
    const votes = polls.length
      ? await this.deps.db
          .selectFrom('eduforum.poll_votes')
          .selectAll()
          .where(
            'poll_id',
            'in',
            polls.map((p) => p.id),
          )
          .execute()
      : [];
    const byKey = new Map(votes.map((v) => [`${v.poll_id}|${v.user_id}`, v]));
    const rows: CsvCell[][] = [
      ['student_name', 'student_email', 'poll_id', 'question', 'answer', 'correct', 'points'],
    ];
    for (const student of students) {
      for (const poll of polls) {
        const options = storedOptions.parse(poll.options);
        const vote = byKey.get(`${poll.id}|${student.id}`);
        if (poll.anonymous) {
          rows.push([student.name, student.email, poll.id, poll.question, vote ? '(anonymous)' : '', '', '']);
          continue;
        }
        const answer = vote
          ? (vote.text_answer ??
            vote.choices.map((c) => options.find((o) => o.id === c)?.text ?? c).join('; '))
          : '';
        const graded = options.some((o) => o.correct);
        const correct = vote && graded ? isCorrect(options, vote.choices) : null;
        rows.push([
          student.name,
          student.email,
          poll.id,
          poll.question,
          answer,
          correct === null ? '' : correct ? 'yes' : 'no',
          correct ? poll.points : 0,
        ]);
      }
    }
    return toCsv(rows);
  }

  private async load(pollId: string): Promise<PollRow> {
    const row = await this.catalog.load(pollId);
    if (!row) throw new AppError('NOT_FOUND', 'Poll was not found.');
    this.catalog.remember(row);
    return row;
  }

  /** The poll's live aggregate; the status comes from the same read as the counts. */
  private async aggregate(poll: PollRow, staff: boolean): Promise<PollResults> {
    const counted = await tally(this.deps.db, poll.id);
    if (!counted) throw new AppError('NOT_FOUND', 'Poll was not found.');
    const counts: Record<string, number> = {};
    for (const option of poll.options as Option[]) counts[option.id] = 0;
    for (const [choice, n] of counted.counts) counts[choice] = (counts[choice] ?? 0) + n;
    return {
      pollId: poll.id,
      status: counted.status as PollResults['status'],
      voters: counted.voters,
      counts,
      // Anonymous voters are never revealed, not even to staff.
      texts: counted.texts.map((t) => ({ text: t.text, userId: staff && !poll.anonymous ? t.userId : null })),
    };
  }

  /**
   * Pushes the latest aggregate to staff (and students when visible). Bursts of votes coalesce:
   * while one push runs, further votes only mark the poll dirty and one more push follows, so the
   * last vote is always shown (votes are written in batches too, so a burst costs a few pushes).
   */
  private async pushResults(pollId: string): Promise<void> {
    const running = this.pushing.get(pollId);
    if (running) {
      running.dirty = true;
      return;
    }
    const state = { dirty: false };
    this.pushing.set(pollId, state);
    try {
      do {
        state.dirty = false;
        await this.pushOnce(pollId);
      } while (state.dirty);
    } catch (error) {
      this.deps.platform.logger.warn({ err: error, pollId }, 'poll results push failed');
    } finally {
      this.pushing.delete(pollId);
    }
  }

  private async pushOnce(pollId: string): Promise<void> {
    const poll = await this.catalog.fixed(pollId);
    if (!poll) return;
    const results = await this.aggregate(poll, true);
    const { realtime } = this.deps.platform;
    // Local sockets get both at once; the bus round trips (other instances) run side by side.
    await Promise.all([
      realtime.publishTo(liveStaff, poll.session_id, 'poll.results', results),
      poll.results_visible
        ? realtime.publishTo(liveSession, poll.session_id, 'poll.results', {
            ...results,
            texts: results.texts.map((t) => ({ ...t, userId: null })),
          })
        : undefined,
    ]);
  }
}

/** Why a vote does not fit the poll (kind, options), or null when it does. */
function invalidVote(poll: PollRow, choices: string[], text: string | null): string | null {
  const options = poll.options as Option[];
  if (poll.kind === 'text') return text === null ? 'This poll takes a text answer.' : null;
  if (text !== null) return 'This poll takes choices.';
  if (choices.some((c) => !options.some((o) => o.id === c))) return 'A choice is not an option of this poll.';
  if (poll.kind === 'single' && choices.length !== 1) return 'Pick exactly one option.';
  return null;
}
