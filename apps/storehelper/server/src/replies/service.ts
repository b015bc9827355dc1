import { AppError, notFound } from '@app/platform';
import type { AutoDraft, Reply } from '@app/storehelper-contracts';
import { replyEditSchema } from '@app/storehelper-contracts';
import { APP, type StorehelperDeps } from '../deps.js';
import type { ReviewRow } from '../reviews/mapper.js';
import { toReply } from '../reviews/mapper.js';
import type { StoreRow } from '../stores/mapper.js';
import type { ReplyPoster } from './poster.js';
import { checkReply, withSignature } from './quality.js';

/** The plan feature replies need (plans.ts: Basic and up). */
const FEATURE = 'replies';

/**
 * Replies to reviews: an AI draft (the store's tone, signature and name, the review's content;
 * the local engine's draft without a provider) or a template, checked for quality before anyone
 * sees it; edited by staff or the owner; approved by the owner only (all checks passing); then
 * posted through the platform's API where there is one, or copied by the owner and marked done.
 * Nothing is ever posted without an approval. Replies need the store owner's plan to include them.
 */
export class ReplyService {
  constructor(
    private readonly deps: StorehelperDeps,
    private readonly posters: readonly ReplyPoster[],
  ) {}

  async draft(
    userId: string | null,
    reviewId: string,
    options: { templateId?: string | undefined } = {},
  ): Promise<Reply> {
    const { review, store } = await this.context(reviewId);
    await this.deps.platform.billing.requireFeature(store.owner_id, APP, FEATURE);
    const existing = await this.existing(reviewId);
    if (existing && (existing.status === 'posted' || existing.status === 'done'))
      throw new AppError('CONFLICT', 'This review already has a reply.');
    let text: string;
    let source: 'ai' | 'local' | 'template';
    let requestId: string | null = null;
    if (options.templateId) {
      const template = await this.deps.db
        .selectFrom('storehelper.reply_templates')
        .select('body')
        .where('id', '=', options.templateId)
        .where('store_id', '=', store.id)
        .executeTakeFirst();
      if (!template)
        throw new AppError('VALIDATION_FAILED', 'No such template for this store.', {
          issues: [{ path: 'body.templateId', message: 'No such template for this store.' }],
        });
      text = fillTemplate(template.body, { author: review.author, store: store.name });
      source = 'template';
    } else {
      const reviewText =
        review.text.trim() || review.tags.join(', ') || (review.rating ? `${review.rating}/5` : '');
      const result = await this.deps.platform.ai.draftReply(
        {
          review: reviewText || '-',
          tone: store.reply_tone as 'friendly' | 'formal' | 'apologetic',
          speechLevel: store.reply_tone === 'friendly' ? 'haeyo' : 'hapsyo',
          shopName: store.name,
          ...(review.author ? { reviewerName: review.author } : {}),
        },
        // Credits come from the store owner's account, whoever asked.
        { app: APP, userId: store.owner_id },
      );
      text = result.value.text;
      source = result.provider === 'local' ? 'local' : 'ai';
      requestId = result.requestId;
    }
    text = withSignature(text, store.reply_signature);
    const checks = this.check(text, store, review);
    const row = await this.deps.db
      .insertInto('storehelper.replies')
      .values({
        review_id: reviewId,
        status: 'draft',
        text,
        source,
        drafted_by: userId,
        checks: JSON.stringify(checks),
        ai_request_id: requestId,
      })
      .onConflict((oc) =>
        oc
          .column('review_id')
          .doUpdateSet({
            status: 'draft',
            text,
            source,
            drafted_by: userId,
            approved_by: null,
            approved_at: null,
            checks: JSON.stringify(checks),
            ai_request_id: requestId,
            post_error: null,
            updated_at: new Date(),
          })
          .where('storehelper.replies.status', 'not in', ['posted', 'done']),
      )
      .returningAll()
      .executeTakeFirst();
    if (!row) throw new AppError('CONFLICT', 'This review already has a reply.');
    return toReply(row);
  }

  /** Staff or the owner edit the draft; its checks run again and any approval is withdrawn. */
  async edit(userId: string, reviewId: string, body: unknown): Promise<Reply> {
    const { text } = replyEditSchema.parse(body);
    const { review, store } = await this.context(reviewId);
    await this.deps.platform.billing.requireFeature(store.owner_id, APP, FEATURE);
    const checks = this.check(text, store, review);
    const row = await this.deps.db
      .insertInto('storehelper.replies')
      .values({
        review_id: reviewId,
        status: 'edited',
        text,
        source: 'staff',
        drafted_by: userId,
        checks: JSON.stringify(checks),
      })
      .onConflict((oc) =>
        oc
          .column('review_id')
          .doUpdateSet({
            status: 'edited',
            text,
            source: 'staff',
            drafted_by: userId,
            approved_by: null,
            approved_at: null,
            checks: JSON.stringify(checks),
            post_error: null,
            updated_at: new Date(),
          })
          .where('storehelper.replies.status', 'not in', ['posted', 'done']),
      )
      .returningAll()
      .executeTakeFirst();
    if (!row) throw new AppError('CONFLICT', 'This review already has a reply.');
    await this.recordOutcome(reviewId, 'edited');
    return toReply(row);
  }

  /**
   * The owner approves: every check must pass (REPLY_CHECK_FAILED lists them otherwise). Where the
   * store is connected to the review's platform the reply is posted at once; a failed post keeps
   * the approval and reports the error (approve again to retry).
   */
  async approve(userId: string, reviewId: string): Promise<Reply> {
    const { review, store } = await this.context(reviewId);
    await this.deps.platform.billing.requireFeature(store.owner_id, APP, FEATURE);
    const current = await this.existing(reviewId);
    if (!current || current.status === 'posted' || current.status === 'done')
      throw new AppError('REPLY_NOT_APPROVABLE');
    const checks = this.check(current.text, store, review);
    if (checks.some((c) => !c.ok)) throw new AppError('REPLY_CHECK_FAILED', undefined, { checks });
    const approved = await this.deps.db
      .updateTable('storehelper.replies')
      .set({
        status: 'approved',
        approved_by: userId,
        approved_at: new Date(),
        checks: JSON.stringify(checks),
        updated_at: new Date(),
      })
      .where('review_id', '=', reviewId)
      .where('status', 'in', ['draft', 'edited', 'approved'])
      .where('text', '=', current.text)
      .returningAll()
      .executeTakeFirst();
    // Edited between our read and this write (a different text): the owner approves what they saw.
    if (!approved) throw new AppError('REPLY_NOT_APPROVABLE');
    if (current.source === 'ai' || current.source === 'local') await this.recordOutcome(reviewId, 'accepted');
    const poster = this.posters.find((p) => p.platform === review.platform);
    if (!poster || !(await poster.canPost(store, review))) return toReply(approved);
    try {
      await poster.post(store, review, approved.text);
    } catch (error) {
      const message = error instanceof Error ? error.message.slice(0, 300) : 'Posting failed';
      const failed = await this.deps.db
        .updateTable('storehelper.replies')
        .set({ post_error: message, updated_at: new Date() })
        .where('review_id', '=', reviewId)
        .returningAll()
        .executeTakeFirstOrThrow();
      return toReply(failed);
    }
    return this.finish(reviewId, 'posted');
  }

  /** The owner pasted an approved reply on the platform themselves (Naver, Kakao, imports). */
  async markDone(reviewId: string): Promise<Reply> {
    const current = await this.existing(reviewId);
    if (current?.status !== 'approved') throw new AppError('CONFLICT', 'Approve the reply first.');
    return this.finish(reviewId, 'done');
  }

  /** Discards a draft that was not posted. */
  async discard(reviewId: string): Promise<void> {
    const result = await this.deps.db
      .deleteFrom('storehelper.replies')
      .where('review_id', '=', reviewId)
      .where('status', 'not in', ['posted', 'done'])
      .executeTakeFirst();
    if (result.numDeletedRows === 0n) throw notFound('Draft');
  }

  /**
   * Drafts for newly analysed reviews that match the store's auto-draft rules (never posted: an
   * owner approves each). Only on plans with replies; only reviews without any reply yet.
   */
  async autoDraft(storeId: string, reviewIds: readonly string[]): Promise<number> {
    const store = await this.deps.db
      .selectFrom('storehelper.stores')
      .selectAll()
      .where('id', '=', storeId)
      .executeTakeFirst();
    const rules = store?.auto_draft as AutoDraft | null | undefined;
    if (!store || !rules || store.competitor_of || reviewIds.length === 0) return 0;
    const { features } = await this.deps.platform.billing.entitlements(store.owner_id, APP);
    if (!features.includes(FEATURE)) return 0;
    const candidates = await this.deps.db
      .selectFrom('storehelper.reviews as r')
      .selectAll('r')
      .where('r.id', 'in', reviewIds)
      .where('r.owner_reply', 'is', null)
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('storehelper.replies as p')
              .select('p.review_id')
              .whereRef('p.review_id', '=', 'r.id'),
          ),
        ),
      )
      .execute();
    let drafted = 0;
    for (const review of candidates.filter((r) => matchesRules(r, rules)).slice(0, 50)) {
      try {
        await this.draft(null, review.id);
        drafted++;
      } catch (error) {
        // Out of credits or a provider down: the review stays in the inbox for a manual draft.
        if (error instanceof AppError) break;
        throw error;
      }
    }
    return drafted;
  }

  private async finish(reviewId: string, status: 'posted' | 'done'): Promise<Reply> {
    const row = await this.deps.db
      .updateTable('storehelper.replies')
      .set({ status, posted_at: new Date(), post_error: null, updated_at: new Date() })
      .where('review_id', '=', reviewId)
      .returningAll()
      .executeTakeFirstOrThrow();
    const review = await this.deps.db
      .updateTable('storehelper.reviews')
      .set({ owner_reply: row.text, owner_replied_at: row.posted_at, urgent: false })
      .where('id', '=', reviewId)
      .returning('store_id')
      .executeTakeFirstOrThrow();
    await this.deps.db
      .updateTable('storehelper.alerts')
      .set({ acknowledged_at: new Date() })
      .where('review_id', '=', reviewId)
      .where('store_id', '=', review.store_id)
      .where('acknowledged_at', 'is', null)
      .execute();
    return toReply(row);
  }

  private check(text: string, store: StoreRow, review: ReviewRow) {
    return checkReply({
      text,
      tone: store.reply_tone as 'friendly' | 'formal' | 'apologetic',
      signature: store.reply_signature,
      author: review.author,
    });
  }

  private async recordOutcome(reviewId: string, outcome: 'accepted' | 'edited'): Promise<void> {
    const row = await this.existing(reviewId);
    const { store } = await this.context(reviewId);
    if (!row?.ai_request_id) return;
    await this.deps.platform.ai
      .recordOutcome({ requestId: row.ai_request_id, outcome }, { app: APP, userId: store.owner_id })
      .catch(() => undefined);
  }

  private existing(reviewId: string) {
    return this.deps.db
      .selectFrom('storehelper.replies')
      .selectAll()
      .where('review_id', '=', reviewId)
      .executeTakeFirst();
  }

  private async context(reviewId: string): Promise<{ review: ReviewRow; store: StoreRow }> {
    const review = await this.deps.db
      .selectFrom('storehelper.reviews')
      .selectAll()
      .where('id', '=', reviewId)
      .executeTakeFirst();
    if (!review) throw notFound('Review');
    const store = await this.deps.db
      .selectFrom('storehelper.stores')
      .selectAll()
      .where('id', '=', review.store_id)
      .executeTakeFirstOrThrow();
    if (store.competitor_of) throw new AppError('COMPETITOR_READ_ONLY');
    return { review, store };
  }
}

/** Whether a review matches a store's auto-draft rules (all given conditions). */
export function matchesRules(
  review: Pick<ReviewRow, 'rating' | 'sentiment_label' | 'platform'>,
  rules: AutoDraft,
): boolean {
  if (rules.ratingAtMost !== null && (review.rating === null || review.rating > rules.ratingAtMost))
    return false;
  if (rules.ratingAtLeast !== null && (review.rating === null || review.rating < rules.ratingAtLeast))
    return false;
  if (rules.sentiments.length > 0 && !rules.sentiments.includes(review.sentiment_label as never))
    return false;
  if (rules.platforms.length > 0 && !rules.platforms.includes(review.platform as never)) return false;
  return true;
}

/** `{author}` and `{store}` in a template. */
export function fillTemplate(body: string, values: { author: string; store: string }): string {
  return body.replaceAll('{author}', values.author || '고객').replaceAll('{store}', values.store);
}
