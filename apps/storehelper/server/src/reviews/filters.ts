import type { reviewFilterSchema } from '@app/storehelper-contracts';
import { type ExpressionBuilder, sql } from 'kysely';
import type { z } from 'zod';
import type { DB } from '../db.generated.js';

export type ReviewFilter = z.infer<typeof reviewFilterSchema>;
type Eb = ExpressionBuilder<DB & { r: DB['storehelper.reviews'] }, 'r'>;

/** The inbox's and the dashboard's filters as one condition on `storehelper.reviews as r`. */
export function reviewConditions(eb: Eb, filter: ReviewFilter, timeZone: string) {
  const parts = [];
  if (filter.platform) parts.push(eb('r.platform', '=', filter.platform));
  if (filter.sentiment) parts.push(eb('r.sentiment_label', '=', filter.sentiment));
  if (filter.rating) parts.push(eb('r.rating', '=', filter.rating));
  if (filter.from)
    parts.push(
      eb('r.reviewed_at', '>=', sql<Date>`(${filter.from}::date)::timestamp at time zone ${timeZone}`),
    );
  if (filter.to)
    parts.push(
      eb('r.reviewed_at', '<', sql<Date>`((${filter.to}::date) + 1)::timestamp at time zone ${timeZone}`),
    );
  if (filter.q) {
    const pattern = `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    parts.push(eb.or([eb('r.text', 'ilike', pattern), eb('r.author', 'ilike', pattern)]));
  }
  const replied = eb.exists(
    eb
      .selectFrom('storehelper.replies as p')
      .select('p.review_id')
      .whereRef('p.review_id', '=', 'r.id')
      .where('p.status', 'in', ['posted', 'done']),
  );
  const drafted = eb.exists(
    eb
      .selectFrom('storehelper.replies as p')
      .select('p.review_id')
      .whereRef('p.review_id', '=', 'r.id')
      .where('p.status', 'in', ['draft', 'edited', 'approved']),
  );
  if (filter.status === 'unanswered')
    parts.push(eb.and([eb('r.owner_reply', 'is', null), eb.not(replied), eb.not(drafted)]));
  if (filter.status === 'drafted') parts.push(drafted);
  if (filter.status === 'answered') parts.push(eb.or([eb('r.owner_reply', 'is not', null), replied]));
  if (filter.status === 'urgent')
    parts.push(eb.and([eb('r.urgent', '=', true), eb('r.owner_reply', 'is', null), eb.not(replied)]));
  return eb.and(parts);
}
