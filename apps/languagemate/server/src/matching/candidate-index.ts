import { type MatchProfile, ProfileTable } from './match-profile.js';
import type { ChangesCursor, MatchRow } from './repo.js';
import { scoreRow } from './score.js';

/** Where the index reads people from (the repo; a bench or test may give its own). */
export interface CandidateSource {
  /** Discoverable people in user-id order after `after`. */
  discoverableAfter(after: string | null, limit: number): Promise<MatchRow[]>;
  /** The database's clock. */
  now(): Promise<Date>;
}

/** A candidate in the ranking. */
export interface Ranked {
  readonly userId: string;
  readonly score: number;
}

const LOAD_BATCH = 10_000;
/** At most this many changes are read per request; a backlog (a bulk update) is read over several. */
const CHANGES_BATCH = 500;
/**
 * How late a change may become visible after the time it was stamped with (a transaction commits
 * after `now()`, writers' clocks differ a little): changes stamped this long before the previous
 * read are read again unless already seen at that version.
 */
const CHANGE_WINDOW_MS = 3_000;
/** At most this many recent changes are remembered as seen (beyond, a bulk update is re-read for a few seconds). */
const MAX_SEEN = 2_000;

/** Worse first: a lower score, or the same score and a larger user id. */
function worse(a: Ranked, b: Ranked): boolean {
  return a.score < b.score || (a.score === b.score && a.userId > b.userId);
}

/**
 * Every discoverable person, packed for scoring, in this process's memory (about 150 bytes each
 * and their user id), so ranking all candidates for a viewer is one pass over a few contiguous
 * arrays instead of a query that scores tens of thousands of rows (docs/decisions/026). Loaded
 * once (`ready`); then every request reads the profiles changed from `changes()` on (an indexed
 * range, usually a handful of rows) and `apply`s them, so every instance is as current as the
 * database at each request, with no bus message to lose. Who may be shown at all (listed, not
 * suspended, not blocked, not hidden) is checked in the database for every page; the index only
 * decides the order.
 */
export class CandidateIndex {
  /** Everyone, one row each (ranking walks the rows); `at` finds a person's row. */
  private readonly people = new ProfileTable(1024);
  private readonly at = new Map<string, number>();
  private loading: Promise<void> | undefined;
  /** The furthest change applied, in (updated_at, user_id) order; null until one was. */
  private position: { micros: number; userId: string; version: string } | null = null;
  /** Changes stamped after this are read again unless `seen`. */
  private windowStart = new Date(0);
  /** Changes applied recently: user id -> the version applied. */
  private readonly seen = new Map<string, { micros: number; version: string }>();

  constructor(private readonly source: CandidateSource) {}

  get size(): number {
    return this.people.length;
  }

  /** Loads every discoverable person once (concurrent callers share the load; a failed load is retried). */
  ready(): Promise<void> {
    this.loading ??= this.load().catch((error: unknown) => {
      this.loading = undefined;
      throw error;
    });
    return this.loading;
  }

  /** Which changed profiles to read next (call once `ready`). */
  changes(): ChangesCursor {
    const { position } = this;
    return {
      after: position && { version: position.version, userId: position.userId },
      windowStart: this.windowStart,
      seen: [...this.seen].map(([userId, { version }]) => ({ userId, version })),
      limit: CHANGES_BATCH,
    };
  }

  /** Applies the changed profiles read with `changes()`, by a statement that ran at `readAt`. */
  apply(rows: readonly MatchRow[], readAt: Date): void {
    for (const row of rows) {
      this.put(row);
      this.seen.delete(row.userId);
      this.seen.set(row.userId, { micros: row.micros, version: row.version });
      const p = this.position;
      if (!p || row.micros > p.micros || (row.micros === p.micros && row.userId > p.userId))
        this.position = { micros: row.micros, userId: row.userId, version: row.version };
    }
    this.windowStart = new Date(readAt.getTime() - CHANGE_WINDOW_MS);
    const oldest = this.windowStart.getTime() * 1000;
    // Oldest first (a user's entry moves to the end when they change again).
    for (const [userId, { micros }] of this.seen)
      if (micros <= oldest || this.seen.size > MAX_SEEN) this.seen.delete(userId);
  }

  /** Stores a person as just read (removes them when no longer discoverable). */
  put(row: MatchRow): void {
    const position = this.at.get(row.userId);
    if (!row.discoverable) this.remove(row.userId);
    else if (position === undefined) this.at.set(row.userId, this.people.add(row));
    else this.people.write(position, row);
  }

  /** Forgets a person (their profile is gone). */
  remove(userId: string): void {
    const position = this.at.get(userId);
    if (position === undefined) return;
    this.at.delete(userId);
    // The last row takes the hole.
    const moved = this.people.removeAt(position);
    if (moved !== undefined) this.at.set(moved, position);
  }

  /**
   * The viewer's `take` best candidates, best first (ties by user id), leaving out `excluded` and the
   * viewer; `total` counts every candidate that qualified.
   */
  rank(viewer: MatchProfile, excluded: Iterable<string>, take: number): { ranked: Ranked[]; total: number } {
    const people = this.people;
    const { table: vt, row: v } = viewer;
    const wanted = vt.targets[v] ?? 0;
    // Rows to skip, marked once instead of a set lookup per candidate.
    const skip = new Uint8Array(people.length);
    for (const userId of [...excluded, vt.userIds[v] ?? '']) {
      const row = this.at.get(userId);
      if (row !== undefined) skip[row] = 1;
    }
    // A min-heap of the best `take` so far: its root is the worst of them.
    const heap: Ranked[] = [];
    let total = 0;
    const natives = people.natives;
    for (let c = 0; c < people.length; c++) {
      if (((natives[c] ?? 0) & wanted) === 0 || skip[c]) continue;
      const value = scoreRow(vt, v, people, c);
      if (value < 0) continue;
      total++;
      const root = heap[0];
      if (heap.length < take) push(heap, { userId: people.userIds[c] ?? '', score: value });
      else if (root && value >= root.score) {
        const entry = { userId: people.userIds[c] ?? '', score: value };
        if (worse(root, entry)) replaceRoot(heap, entry);
      }
    }
    return { ranked: heap.sort((a, b) => (worse(a, b) ? 1 : worse(b, a) ? -1 : 0)), total };
  }

  private async load(): Promise<void> {
    // Changes made while the load runs are read afterwards, as changes.
    const startedAt = await this.source.now();
    let after: string | null = null;
    for (;;) {
      const rows = await this.source.discoverableAfter(after, LOAD_BATCH);
      for (const row of rows) this.put(row);
      const last = rows[rows.length - 1];
      if (!last || rows.length < LOAD_BATCH) break;
      after = last.userId;
    }
    this.windowStart = new Date(startedAt.getTime() - CHANGE_WINDOW_MS);
  }
}

function push(heap: Ranked[], entry: Ranked): void {
  heap.push(entry);
  let i = heap.length - 1;
  while (i > 0) {
    const parent = (i - 1) >> 1;
    const p = heap[parent];
    if (!p || !worse(entry, p)) break;
    heap[i] = p;
    i = parent;
  }
  heap[i] = entry;
}

function replaceRoot(heap: Ranked[], entry: Ranked): void {
  let i = 0;
  for (;;) {
    const left = 2 * i + 1;
    if (left >= heap.length) break;
    const right = left + 1;
    const l = heap[left];
    const r = heap[right];
    const child = r && l && worse(r, l) ? right : left;
    const c = heap[child];
    if (!c || !worse(c, entry)) break;
    heap[i] = c;
    i = child;
  }
  heap[i] = entry;
}
