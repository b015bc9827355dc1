import { CORRECTION_EVENT, type Correction } from '@app/languagemate-contracts';
import { AppError, notFound } from '@app/platform';
import type { Selectable } from 'kysely';
import type { DB } from '../db.generated.js';
import type { LanguagemateDeps } from '../deps.js';

type Row = Selectable<DB['languagemate.corrections']>;

/**
 * Corrections: a partner proposes a better version of a message; it shows under the message for
 * both (live on `chat:<roomId>`) and becomes a review item for the learner who wrote it.
 */
export class CorrectionService {
  constructor(private readonly deps: LanguagemateDeps) {
    deps.platform.limits.define('languagemate.correct', { points: 300, duration: 86_400 });
  }

  async create(
    correctorId: string,
    roomId: string,
    input: { messageId: string; corrected: string; note: string },
  ): Promise<Correction> {
    await this.requirePartnerRoom(roomId, correctorId);
    const message = await this.deps.platform.chat.messageFor(correctorId, input.messageId);
    if (message.roomId !== roomId) throw notFound('Message');
    if (message.deletedAt || !message.senderId) throw new AppError('CONFLICT', 'This message was deleted.');
    if (message.senderId === correctorId)
      throw new AppError('BAD_REQUEST', 'Corrections are for your partner’s messages.');
    if (input.corrected === message.body)
      throw new AppError('VALIDATION_FAILED', 'The correction is the same as the message.', {
        issues: [{ path: 'body.corrected', message: 'change something first' }],
      });
    await this.deps.platform.limits.consume('languagemate.correct', correctorId);
    const row = await this.deps.db
      .insertInto('languagemate.corrections')
      .values({
        room_id: roomId,
        message_id: message.id,
        corrector_id: correctorId,
        learner_id: message.senderId,
        original: message.body,
        corrected: input.corrected,
        note: input.note,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    const correction = toCorrection(row);
    await this.deps.platform.realtime.publish(`chat:${roomId}`, CORRECTION_EVENT, correction);
    return correction;
  }

  /** The corrections made in a room (members only), oldest first. */
  async inRoom(roomId: string, userId: string): Promise<Correction[]> {
    await this.deps.platform.chat.requireMember(roomId, userId);
    const rows = await this.deps.db
      .selectFrom('languagemate.corrections')
      .selectAll()
      .where('room_id', '=', roomId)
      .orderBy('created_at')
      .limit(1000)
      .execute();
    return rows.map(toCorrection);
  }

  /** The learner's review items: to review (oldest first) or reviewed (newest first). */
  async forLearner(
    learnerId: string,
    state: 'to_review' | 'reviewed',
    page: { cursor?: string | undefined; limit: number },
  ): Promise<{ items: Correction[]; nextCursor: string | null }> {
    const offset = Number(page.cursor ?? 0);
    let query = this.deps.db
      .selectFrom('languagemate.corrections')
      .selectAll()
      .where('learner_id', '=', learnerId);
    query =
      state === 'to_review'
        ? query.where('reviewed_at', 'is', null).orderBy('created_at', 'asc')
        : query.where('reviewed_at', 'is not', null).orderBy('reviewed_at', 'desc');
    const rows = await query
      .orderBy('id')
      .offset(offset)
      .limit(page.limit + 1)
      .execute();
    return {
      items: rows.slice(0, page.limit).map(toCorrection),
      nextCursor: rows.length > page.limit ? String(offset + page.limit) : null,
    };
  }

  /** Marks one of the learner's corrections reviewed (idempotent). */
  async review(correctionId: string, learnerId: string): Promise<Correction> {
    const row = await this.deps.db
      .updateTable('languagemate.corrections')
      .set((eb) => ({ reviewed_at: eb.fn.coalesce('reviewed_at', eb.val(new Date())) }))
      .where('id', '=', correctionId)
      .where('learner_id', '=', learnerId)
      .returningAll()
      .executeTakeFirst();
    if (!row) throw notFound('Correction');
    return toCorrection(row);
  }

  /** A room of a current partnership the user is in (404 otherwise: rooms are not revealed). */
  private async requirePartnerRoom(roomId: string, userId: string): Promise<void> {
    const row = await this.deps.db
      .selectFrom('languagemate.partners')
      .select('room_id')
      .where('room_id', '=', roomId)
      .where('ended_at', 'is', null)
      .where((eb) => eb.or([eb('user_a', '=', userId), eb('user_b', '=', userId)]))
      .executeTakeFirst();
    if (!row) throw notFound('Chat room');
  }
}

function toCorrection(row: Row): Correction {
  return {
    id: row.id,
    roomId: row.room_id,
    messageId: row.message_id,
    correctorId: row.corrector_id,
    learnerId: row.learner_id,
    original: row.original,
    corrected: row.corrected,
    note: row.note,
    createdAt: row.created_at.toISOString(),
    reviewedAt: row.reviewed_at?.toISOString() ?? null,
  };
}
