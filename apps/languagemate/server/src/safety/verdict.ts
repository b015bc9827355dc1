/** What the safety filter found in one text (the shape of `@app/nlp`'s `screenMessage`). */
export interface Findings {
  readonly contact: readonly { kind: string; match: string }[];
  readonly solicitation: readonly { kind: string; match: string }[];
  readonly toxicity: { label: 'none' | 'offensive' | 'hate'; score: number; toxicScore: number };
}

/** What happens to a message: sent, sent only after the sender confirms, or held (not sent). */
export type Verdict =
  | { action: 'allow' }
  | { action: 'warn'; warning: 'contact' | 'offensive'; kinds: string[] }
  | { action: 'hold'; reason: 'contact' | 'solicitation' | 'hate'; kinds: string[] };

/** A hate label needs this much confidence to hold a message; below, it only warns. */
export const HATE_HOLD = 0.8;
/**
 * Offensive or hateful with at least this much probability: the sender is asked to confirm. The
 * English model learnt from tweets where most rows are offensive, so it scores ordinary chat high:
 * on the 127 clean lines of packages/nlp/data/safety-lines.tsv, 0.7 flags 8, 0.8 flags 1, 0.85
 * and above none (docs/languagemate.md, "Safety").
 */
export const TOXIC_WARN = 0.85;

/**
 * The languagemate safety rules (docs/languagemate.md, "Safety"):
 * - solicitation (money, scams, sexual, advertising) is held, always;
 * - contact details (phone, email, URL, messenger or social handles) are held early in a partnership
 *   (the first week: where spam and scams live), later the sender is warned once and may send;
 * - hate with high confidence is held; anything else likely offensive asks the sender to confirm.
 * A warning the sender acknowledged lets that message through.
 */
export function verdict(
  findings: Findings,
  context: { early: boolean; acknowledged: readonly string[] },
): Verdict {
  const kinds = (list: readonly { kind: string }[]) => [...new Set(list.map((f) => f.kind))];
  if (findings.solicitation.length > 0)
    return { action: 'hold', reason: 'solicitation', kinds: kinds(findings.solicitation) };
  const { toxicity } = findings;
  if (toxicity.label === 'hate' && toxicity.score >= HATE_HOLD)
    return { action: 'hold', reason: 'hate', kinds: ['hate'] };
  if (findings.contact.length > 0) {
    if (context.early) return { action: 'hold', reason: 'contact', kinds: kinds(findings.contact) };
    if (!context.acknowledged.includes('contact'))
      return { action: 'warn', warning: 'contact', kinds: kinds(findings.contact) };
  }
  if (
    toxicity.label !== 'none' &&
    toxicity.toxicScore >= TOXIC_WARN &&
    !context.acknowledged.includes('offensive')
  )
    return { action: 'warn', warning: 'offensive', kinds: [toxicity.label] };
  return { action: 'allow' };
}
