import { AppError } from '@app/platform';
import { importBodySchema } from '@app/studymate-contracts';
import { sql } from 'kysely';
import type { StudymateDeps } from '../deps.js';
import { exportDeck, importDeck } from '../srs/index.js';
import type { SettingsService } from '../study/settings.js';
import { requireOwnSubject } from '../subjects/service.js';

/** Import and export of decks (CSV, Anki's text export), and the learner's calendar. */
export class DeckService {
  constructor(
    private readonly deps: StudymateDeps,
    private readonly settings: SettingsService,
  ) {}

  /** Imports every card or none: a bad row is reported with its number and nothing is written. */
  async import(userId: string, body: unknown) {
    const input = importBodySchema.parse(body);
    if (input.subjectId) await requireOwnSubject(this.deps.db, userId, input.subjectId);
    const parsed = importDeck(input.content, input.format);
    if (!parsed.ok)
      throw new AppError('DECK_INVALID', undefined, { errors: parsed.errors, errorCount: parsed.errorCount });
    const cards = parsed.html
      ? parsed.cards.map((card) => ({ ...card, front: htmlToText(card.front), back: htmlToText(card.back) }))
      : parsed.cards;
    await this.deps.db.transaction().execute(async (trx) => {
      for (let i = 0; i < cards.length; i += 1000)
        await trx
          .insertInto('studymate.cards')
          .values(
            cards.slice(i, i + 1000).map((card) => ({
              user_id: userId,
              subject_id: input.subjectId,
              source: 'import',
              front: card.front,
              back: card.back,
              tags: card.tags,
            })),
          )
          .execute();
    });
    return { imported: cards.length, errors: [], errorCount: 0 };
  }

  async export(userId: string, format: 'csv' | 'anki', subjectId: string | undefined): Promise<string> {
    let q = this.deps.db
      .selectFrom('studymate.cards')
      .select(['front', 'back', 'tags'])
      .where('user_id', '=', userId)
      .orderBy('id');
    if (subjectId) q = q.where('subject_id', '=', subjectId);
    return exportDeck(await q.execute(), format);
  }

  /** Midnight at the start of the learner's next day, in their time zone (buried cards come back then). */
  async tomorrow(userId: string): Promise<Date> {
    const { time_zone: zone } = await this.settings.row(userId);
    const { rows } = await sql<{ at: Date }>`
      select ((date_trunc('day', now() at time zone ${zone}) + interval '1 day') at time zone ${zone}) as at`.execute(
      this.deps.db,
    );
    return rows[0]?.at ?? new Date(Date.now() + 86_400_000);
  }
}

/** Anki's HTML fields as plain text (cards are Markdown): line breaks kept, tags dropped, entities decoded. */
export function htmlToText(html: string): string {
  return html
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(div|p|li)>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
