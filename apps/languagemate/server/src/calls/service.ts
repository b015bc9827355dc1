import {
  type CallFeedbackInput,
  type CallRecord,
  callFeedbackSchema,
  callRecordSchema,
} from '@app/languagemate-contracts';
import { AppError, notFound } from '@app/platform';
import type { LanguagemateDeps } from '../deps.js';

/** Minutes per language, scaled down so that together they fit in the call (rounded to 0.1). */
export function clampMinutes(minutes: Record<string, number>, durationS: number): Record<string, number> {
  const total = Object.values(minutes).reduce((sum, m) => sum + m, 0);
  const limit = durationS / 60;
  const factor = total > limit && total > 0 ? limit / total : 1;
  return Object.fromEntries(
    Object.entries(minutes)
      .map(([language, m]) => [language, Math.floor(m * factor * 10) / 10] as const)
      .filter(([, m]) => m > 0),
  );
}

/**
 * What each side records after a languagemate call (the kernel signals and keeps the call itself):
 * a rating and private notes, and minutes spoken per language, which cannot add up to more than
 * the call lasted (from the kernel's answered and ended times, not from the client).
 */
export class CallRecords {
  constructor(private readonly deps: LanguagemateDeps) {}

  async feedback(callId: string, userId: string, raw: CallFeedbackInput): Promise<CallRecord> {
    const input = callFeedbackSchema.parse(raw);
    const call = await this.deps.platform.calls.find(callId);
    if (call?.app !== 'languagemate' || (call.callerId !== userId && call.calleeId !== userId))
      throw notFound('Call');
    if (call.state !== 'ended' || !call.answeredAt || !call.endedAt)
      throw new AppError('CONFLICT', 'Feedback is for a call that took place and has ended.');
    const durationS = Math.max(
      0,
      Math.round((Date.parse(call.endedAt) - Date.parse(call.answeredAt)) / 1000),
    );
    const partnerId = call.callerId === userId ? call.calleeId : call.callerId;
    const values = {
      rating: input.rating,
      notes: input.notes,
      minutes: JSON.stringify(clampMinutes(input.minutes, durationS)),
      duration_s: durationS,
    };
    await this.deps.db
      .insertInto('languagemate.call_feedback')
      .values({ call_id: callId, user_id: userId, partner_id: partnerId, ...values })
      .onConflict((oc) => oc.columns(['call_id', 'user_id']).doUpdateSet(values))
      .execute();
    const [record] = await this.list(userId, 1, callId);
    if (!record) throw new Error('call feedback vanished');
    return record;
  }

  /** The user's recorded calls, newest first. */
  async list(userId: string, limit: number, callId?: string): Promise<CallRecord[]> {
    let query = this.deps.db
      .selectFrom('languagemate.call_feedback as f')
      .leftJoin('languagemate.profiles as p', 'p.user_id', 'f.partner_id')
      .selectAll('f')
      .select('p.display_name')
      .where('f.user_id', '=', userId);
    if (callId) query = query.where('f.call_id', '=', callId);
    const rows = await query.orderBy('f.created_at', 'desc').limit(limit).execute();
    return rows.map((r) =>
      callRecordSchema.parse({
        callId: r.call_id,
        partnerId: r.partner_id,
        partnerName: r.display_name ?? '',
        durationS: r.duration_s,
        rating: r.rating,
        notes: r.notes,
        minutes: r.minutes,
        createdAt: r.created_at.toISOString(),
      }),
    );
  }
}
