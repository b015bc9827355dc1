import { AppError } from '@app/platform';
import type { CollectionRun } from '@app/storehelper-contracts';
import type { StorehelperDeps } from '../deps.js';
import type { StoreRow } from '../stores/mapper.js';
import type { CollectionRuns } from './runs.js';
import { type CollectContext, type ReviewSource, SourceLayoutError } from './source.js';

/**
 * Collects a store from every source it is set up for, one run per source, one after the other
 * (the run lock admits one at a time per store). A failed source does not stop the others; a layout
 * change raises a `parser-broken` alert for the store's owner.
 */
export class Collector {
  constructor(
    private readonly deps: StorehelperDeps,
    private readonly runs: CollectionRuns,
    private readonly sources: readonly ReviewSource[],
  ) {}

  /** The sources this store is set up for. */
  async sourcesOf(store: StoreRow): Promise<ReviewSource[]> {
    const out: ReviewSource[] = [];
    for (const source of this.sources) if (await source.configured(store)) out.push(source);
    return out;
  }

  async collect(
    storeId: string,
    trigger: 'schedule' | 'manual',
    context: CollectContext,
  ): Promise<CollectionRun[]> {
    const store = await this.deps.db
      .selectFrom('storehelper.stores')
      .selectAll()
      .where('id', '=', storeId)
      .executeTakeFirst();
    if (!store) return [];
    const done: CollectionRun[] = [];
    for (const source of await this.sourcesOf(store)) {
      let runId: string;
      try {
        runId = await this.runs.start(storeId, source.platform, trigger);
      } catch (error) {
        // Another run of this store is going on (an import, "collect now" twice): skip, it will come again.
        if (error instanceof AppError && error.code === 'COLLECTION_RUNNING') continue;
        throw error;
      }
      try {
        for await (const page of source.collect(store, context)) await this.runs.save(storeId, runId, page);
        done.push(await this.runs.finish(runId));
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        context.logger.warn(
          { storeId, source: source.platform, err: error },
          'storehelper: collection failed',
        );
        done.push(await this.runs.finish(runId, message.slice(0, 500)));
        if (error instanceof SourceLayoutError) await this.layoutAlert(store, source.platform, message);
      }
    }
    return done;
  }

  private async layoutAlert(store: StoreRow, platform: string, message: string): Promise<void> {
    const recent = await this.deps.db
      .selectFrom('storehelper.alerts')
      .select('id')
      .where('store_id', '=', store.id)
      .where('kind', '=', 'parser-broken')
      .where('acknowledged_at', 'is', null)
      .executeTakeFirst();
    if (recent) return;
    await this.deps.db
      .insertInto('storehelper.alerts')
      .values({
        store_id: store.id,
        kind: 'parser-broken',
        detail: JSON.stringify({ platform, message: message.slice(0, 300) }),
      })
      .execute();
  }
}
