import type { SuggestionsPage } from '@app/languagemate-contracts';
import { AppError, type AppPlatform, notFound } from '@app/platform';
import type { LanguagematePolicy } from '../policies.js';
import { CandidateIndex } from './candidate-index.js';
import { toPublicProfile } from './mapper.js';
import { matchProfile } from './match-profile.js';
import * as repo from './repo.js';
import { explain } from './score.js';

/** What the matcher is built from (the app's shared deps fit). */
export interface MatchingDeps {
  readonly platform: AppPlatform;
  readonly db: repo.MatchingDb;
  readonly policy: LanguagematePolicy;
}

/** People read beyond a page, in case some of them can no longer be shown (unlisted, suspended, gone). */
const SPARE = 5;
/** The deepest offset a cursor may hold (the contract's cursor has at most 4 digits). */
const MAX_OFFSET = 9_999;

/**
 * Partner suggestions: every discoverable person whose languages fit the viewer's (see score.ts),
 * best first, without the viewer, people hidden either way (declined, dismissed, blocked,
 * requested, partners), pending requests either way, blocks of the platform either way, people not
 * listed and people suspended. Ranking runs over an in-process index (candidate-index.ts); the page
 * is then read from the database, so who may be shown is always current. Stateless across
 * requests but for that index, which every instance keeps current by itself.
 */
export class Matcher {
  readonly index: CandidateIndex;

  constructor(private readonly deps: MatchingDeps) {
    this.index = new CandidateIndex({
      discoverableAfter: (after, limit) => repo.discoverableAfter(deps.db, after, limit),
      now: () => repo.databaseNow(deps.db),
    });
  }

  /**
   * The viewer's suggestions from `cursor` (an offset into the ranking; ties are broken by user id,
   * so the order is stable while nothing changes). 409 PROFILE_REQUIRED before onboarding.
   */
  async suggestions(viewerId: string, page: { cursor?: string; limit: number }): Promise<SuggestionsPage> {
    const offset = Math.min(Number(page.cursor ?? 0), MAX_OFFSET);
    await this.index.ready();
    const [context, blocked] = await Promise.all([
      repo.viewerContext(this.deps.db, viewerId, this.index.changes()),
      this.deps.platform.blocks.involving(viewerId),
    ]);
    this.index.apply(context.changes, context.readAt);
    if (!context.viewer) throw new AppError('PROFILE_REQUIRED', 'Finish your profile to get suggestions.');
    const viewer = matchProfile(context.viewer);
    const excluded = [...context.hidden, ...blocked];

    const items: SuggestionsPage['items'] = [];
    let walked = offset;
    let take = offset + page.limit + SPARE * 2;
    let { ranked, total } = this.index.rank(viewer, excluded, take);
    while (items.length < page.limit && walked < total) {
      if (walked >= ranked.length) {
        // More people were unlisted or suspended than the spare: rank deeper.
        take *= 2;
        ({ ranked, total } = this.index.rank(viewer, excluded, take));
        continue;
      }
      const batch = ranked.slice(walked, walked + page.limit - items.length + SPARE);
      const rows = await repo.shownRows(
        this.deps.db,
        batch.map((r) => r.userId),
      );
      for (const { userId } of batch) {
        walked++;
        const shown = rows.get(userId);
        // A deleted profile leaves no change to read: the index learns it here.
        if (!shown) this.index.remove(userId);
        if (!shown?.discoverable || shown.suspended) continue;
        const explained = explain(viewer, matchProfile(shown));
        if (!explained) continue;
        items.push({ profile: toPublicProfile(shown), ...explained });
        if (items.length === page.limit) break;
      }
    }
    const nextCursor = walked < total && walked <= MAX_OFFSET ? String(walked) : null;
    return { items, nextCursor };
  }

  /**
   * Starts loading the index now, so that the first viewer after a start does not wait for it
   * (a few seconds at 100,000 profiles); a failure is logged and the first request tries again.
   */
  warm(): void {
    this.index.ready().catch((error: unknown) => {
      this.deps.platform.logger.warn({ err: error }, 'the match index could not be loaded yet');
    });
  }

  /** Hides someone from the viewer's suggestions for good. */
  async dismiss(viewerId: string, otherId: string): Promise<void> {
    if (viewerId === otherId) throw new AppError('BAD_REQUEST', 'You cannot dismiss yourself.');
    if (!(await repo.dismiss(this.deps.db, viewerId, otherId))) throw notFound('User');
  }
}
