import { AppError } from '@app/platform';
import type { LanguagemateDeps } from '../deps.js';

/** Warnings and suspensions: a suspended person cannot message, request partners or be suggested. */
export class Sanctions {
  constructor(private readonly deps: LanguagemateDeps) {}

  /** When the user's current suspension ends (null: indefinitely), or undefined when not suspended. */
  async suspendedUntil(userId: string): Promise<Date | null | undefined> {
    const row = await this.deps.db
      .selectFrom('languagemate.sanctions')
      .select('until')
      .where('user_id', '=', userId)
      .where('kind', '=', 'suspension')
      .where((eb) => eb.or([eb('until', 'is', null), eb('until', '>', new Date())]))
      .orderBy('until', (ob) => ob.desc().nullsFirst())
      .limit(1)
      .executeTakeFirst();
    return row ? row.until : undefined;
  }

  /** Throws 403 SUSPENDED while the user is suspended. */
  async requireActive(userId: string): Promise<void> {
    const until = await this.suspendedUntil(userId);
    if (until !== undefined)
      throw new AppError('SUSPENDED', 'Your account is suspended.', { until: until?.toISOString() ?? null });
  }
}
