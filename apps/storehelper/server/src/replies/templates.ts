import { AppError, notFound } from '@app/platform';
import { templateInputSchema } from '@app/storehelper-contracts';
import type { StorehelperDeps } from '../deps.js';

/** A store's reply templates (`{author}` and `{store}` are filled in). */
export class TemplateService {
  constructor(private readonly deps: StorehelperDeps) {}

  async list(storeId: string) {
    const rows = await this.deps.db
      .selectFrom('storehelper.reply_templates')
      .select(['id', 'name', 'body'])
      .where('store_id', '=', storeId)
      .orderBy('name')
      .execute();
    return { items: rows };
  }

  async create(storeId: string, body: unknown) {
    const input = templateInputSchema.parse(body);
    const row = await this.deps.db
      .insertInto('storehelper.reply_templates')
      .values({ store_id: storeId, ...input })
      .onConflict((oc) => oc.columns(['store_id', 'name']).doNothing())
      .returning(['id', 'name', 'body'])
      .executeTakeFirst();
    if (!row)
      throw new AppError('VALIDATION_FAILED', 'A template with this name exists.', {
        issues: [{ path: 'body.name', message: 'A template with this name exists.' }],
      });
    return row;
  }

  async remove(storeId: string, id: string): Promise<void> {
    const result = await this.deps.db
      .deleteFrom('storehelper.reply_templates')
      .where('id', '=', id)
      .where('store_id', '=', storeId)
      .executeTakeFirst();
    if (result.numDeletedRows === 0n) throw notFound('Template');
  }
}
