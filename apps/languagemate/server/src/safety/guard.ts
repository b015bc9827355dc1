import { screenMessage } from '@app/nlp';
import { AppError, type ChatGuard } from '@app/platform';
import type { LanguagemateDeps } from '../deps.js';
import type { Sanctions } from './sanctions.js';
import { TOXIC_WARN, verdict } from './verdict.js';

/** A partnership younger than this is "early": contact details are held rather than warned about. */
export const EARLY_MS = 7 * 86_400_000;

const holdMessages = {
  contact: 'Sharing contact details is not allowed in the first week of a partnership.',
  solicitation: 'Requests for money, investments, paid services or sexual contact are not allowed.',
  hate: 'Hateful language is not allowed.',
} as const;
const warnMessages = {
  contact: 'This message shares contact details. Send it anyway?',
  offensive: 'This message may come across as offensive. Send it anyway?',
} as const;

/**
 * languagemate's chat guard: every message and edit in its rooms is screened (contact details,
 * solicitation, insults and hate) and held, warned about or let through by `verdict`. Held and
 * warned messages are counted in `safety_events` (not their text: nothing unsent is kept).
 */
export function chatGuard(deps: LanguagemateDeps, sanctions: Sanctions): ChatGuard {
  return async (message) => {
    await sanctions.requireActive(message.senderId);
    const findings = screenMessage(message.body);
    const partnership = await deps.db
      .selectFrom('languagemate.partners')
      .select('created_at')
      .where('room_id', '=', message.roomId)
      .executeTakeFirst();
    const early = !partnership || Date.now() - partnership.created_at.getTime() < EARLY_MS;
    const result = verdict(findings, { early, acknowledged: message.acknowledged });
    const record = (
      kind: 'contact' | 'solicitation' | 'offensive' | 'hate',
      action: 'held' | 'warned' | 'sent_after_warning',
    ) =>
      deps.db
        .insertInto('languagemate.safety_events')
        .values({ user_id: message.senderId, room_id: message.roomId, kind, action })
        .execute();
    if (result.action === 'hold') {
      await record(result.reason, 'held');
      throw new AppError('SAFETY_HOLD', holdMessages[result.reason], {
        reason: result.reason,
        kinds: result.kinds,
      });
    }
    if (result.action === 'warn') {
      await record(result.warning, 'warned');
      throw new AppError('SAFETY_WARNING', warnMessages[result.warning], {
        warning: result.warning,
        kinds: result.kinds,
      });
    }
    if (findings.contact.length > 0 && message.acknowledged.includes('contact'))
      await record('contact', 'sent_after_warning');
  };
}

/**
 * Screens profile text (bio, display name) with the same filter: contact details, solicitation and
 * likely insults are refused with 400 naming the field (a profile is seen by strangers).
 */
export function screenProfileText(text: string, field: string): void {
  if (!text) return;
  const findings = screenMessage(text);
  const problem =
    findings.contact.length > 0
      ? 'contact details are not allowed in a profile (share them with partners in chat later)'
      : findings.solicitation.length > 0
        ? 'requests for money, paid services or sexual contact are not allowed'
        : findings.toxicity.label !== 'none' && findings.toxicity.toxicScore >= TOXIC_WARN
          ? 'this text may come across as offensive'
          : undefined;
  if (problem)
    throw new AppError('VALIDATION_FAILED', 'The profile text breaks the community rules.', {
      issues: [{ path: `body.${field}`, message: problem }],
    });
}
