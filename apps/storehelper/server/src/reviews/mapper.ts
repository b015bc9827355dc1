import type { Reply, ReplyCheck, Review } from '@app/storehelper-contracts';
import type { Selectable } from 'kysely';
import type { StorehelperReplies, StorehelperReviews } from '../db.generated.js';

export type ReviewRow = Selectable<StorehelperReviews>;
export type ReplyRow = Selectable<StorehelperReplies>;

export function toReply(row: ReplyRow): Reply {
  return {
    status: row.status as Reply['status'],
    text: row.text,
    source: row.source as Reply['source'],
    draftedBy: row.drafted_by,
    approvedBy: row.approved_by,
    checks: row.checks as ReplyCheck[],
    postedAt: row.posted_at?.toISOString() ?? null,
    postError: row.post_error,
    updatedAt: row.updated_at.toISOString(),
  };
}

export function toReview(row: ReviewRow, reply: ReplyRow | undefined): Review {
  return {
    id: row.id,
    storeId: row.store_id,
    platform: row.platform as Review['platform'],
    author: row.author,
    rating: row.rating,
    tags: row.tags,
    text: row.text,
    photos: row.photos,
    reviewedAt: row.reviewed_at.toISOString(),
    ownerReply: row.owner_reply,
    sentiment: row.sentiment,
    sentimentLabel: (row.sentiment_label as Review['sentimentLabel']) ?? null,
    aspects: (row.aspects as Review['aspects'] | null) ?? [],
    keywords: row.keywords,
    urgent: row.urgent,
    reply: reply ? toReply(reply) : null,
  };
}
