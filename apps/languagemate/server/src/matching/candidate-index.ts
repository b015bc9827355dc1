import { type MatchProfile, matchProfile } from './match-profile.js';
import type { MatchRow } from './repo.js';
import { score } from './score.js';

/** Where the index reads people from (the repo; a bench or test may give its own). */
export interface CandidateSource {
  /** Discoverable people in user-id order after `after`. */
  discoverableAfter(after: string | null, limit: number): Promise<MatchRow[]>;
  /**
   * Up to `limit` people whose profile changed after `since` (or, with `after`, at `since` with a
   * larger user id), listed or not, in (updated_at, user_id) order.
   */
  changedSince(since: Date, after: string | null, limit: number): Promise<MatchRow[]>;
}

/** A candidate in the ranking. */
export interface Ranked {
  readonly profile: MatchProfile;
  readonly score: number;
}

const LOAD_BATCH = 10_000;
/** At most this many changes are read per refresh; a backlog (a bulk update) is read over several. */
const CHANGES_BATCH = 500;
/**
 * Changes are re-read this far behind the newest one seen: a transaction that stamped its rows
 * earlier may commit after a later one (and writers' clocks may differ by a little).
 */
const CHANGE_MARGIN_MS = 10_000;

/** Worse first: a lower score, or the same score and a larger user id. */
function worse(a: Ranked, b: Ranked): boolean {
  return a.score < b.score || (a.score === b.score && a.profile.userId > b.profile.userId);
}

/**
 * Every discoverable person, packed for scoring, in this process's memory (a few hundred bytes
 * each), so ranking all candidates for a viewer is one pass over plain objects instead of a query
 * that scores tens of thousands of rows (docs/decisions/026). Loaded on first use; `fresh()` then
 * reads the profiles changed since the newest change it saw (an indexed range, usually empty), so
 * every instance is as current as the database at each request, with no bus message to lose. Who
 * may be shown at all (listed, not suspended, not blocked, not hidden) is checked in the database
 * for every page; the index only decides the order.
 */
export class CandidateIndex {
  private readonly people = new Map<string, MatchProfile>();
  private loading: Promise<void> | undefined;
  private refreshing: Promise<void> | undefined;
  /** The newest `updated_at` a load or refresh read (ms); where the next refresh starts. */
  private newest = 0;
  /** While a backlog is read: the last (updated_at, user_id) read, the next read continues after it. */
  private backlog: { at: Date; userId: string } | undefined;

  constructor(private readonly source: CandidateSource) {}

  get size(): number {
    return this.people.size;
  }

  /** Loaded (once), with the changes made since the last read applied. */
  async fresh(): Promise<void> {
    await this.ready();
    // Concurrent requests share one read of the changes.
    this.refreshing ??= this.refresh().finally(() => {
      this.refreshing = undefined;
    });
    await this.refreshing;
  }

  /** Stores a person as just read (removes them when no longer discoverable). */
  put(row: MatchRow): void {
    if (row.discoverable) this.people.set(row.userId, matchProfile(row));
    else this.people.delete(row.userId);
  }

  /** Forgets a person (their profile is gone). */
  remove(userId: string): void {
    this.people.delete(userId);
  }

  /**
   * The viewer's `take` best candidates, best first (ties by user id), leaving out `excluded` and the
   * viewer; `total` counts every candidate that qualified.
   */
  rank(
    viewer: MatchProfile,
    excluded: ReadonlySet<string>,
    take: number,
  ): { ranked: Ranked[]; total: number } {
    // A min-heap of the best `take` so far: its root is the worst of them.
    const heap: Ranked[] = [];
    let total = 0;
    for (const candidate of this.people.values()) {
      if ((candidate.natives & viewer.targets) === 0) continue;
      const value = score(viewer, candidate);
      if (value === null || candidate.userId === viewer.userId || excluded.has(candidate.userId)) continue;
      total++;
      const entry = { profile: candidate, score: value };
      if (heap.length < take) push(heap, entry);
      else if (take > 0 && heap[0] && worse(heap[0], entry)) replaceRoot(heap, entry);
    }
    return { ranked: heap.sort((a, b) => (worse(a, b) ? 1 : worse(b, a) ? -1 : 0)), total };
  }

  /** Loads every discoverable person once (concurrent callers share the load; a failed load is retried). */
  private ready(): Promise<void> {
    this.loading ??= this.load().catch((error: unknown) => {
      this.loading = undefined;
      throw error;
    });
    return this.loading;
  }

  private async load(): Promise<void> {
    let after: string | null = null;
    for (;;) {
      const rows = await this.source.discoverableAfter(after, LOAD_BATCH);
      this.putAll(rows);
      const last = rows[rows.length - 1];
      if (!last || rows.length < LOAD_BATCH) break;
      after = last.userId;
    }
  }

  private async refresh(): Promise<void> {
    const rows = this.backlog
      ? await this.source.changedSince(this.backlog.at, this.backlog.userId, CHANGES_BATCH)
      : await this.source.changedSince(new Date(this.newest - CHANGE_MARGIN_MS), null, CHANGES_BATCH);
    this.putAll(rows);
    const last = rows[rows.length - 1];
    this.backlog =
      last && rows.length === CHANGES_BATCH ? { at: last.updatedAt, userId: last.userId } : undefined;
  }

  /** Stores what a load or refresh read; the newest change among them is where the next refresh starts. */
  private putAll(rows: readonly MatchRow[]): void {
    for (const row of rows) {
      this.put(row);
      this.newest = Math.max(this.newest, row.updatedAt.getTime());
    }
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
