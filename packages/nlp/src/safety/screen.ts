import type { Lang } from '../text/lang.js';
import { classifyToxicity, type ToxicityResult } from '../toxicity/toxicity.js';
import { type ContactFinding, detectContactInfo } from './contact.js';
import { detectSolicitation, type SolicitationFinding } from './solicitation.js';

/** Everything the safety filter knows about one message. */
export interface ScreenResult {
  contact: ContactFinding[];
  solicitation: SolicitationFinding[];
  toxicity: ToxicityResult;
}

/**
 * Screens one chat message or profile text: contact information, solicitation and toxicity.
 * The caller decides what to do (warn, hide, report); this only reports what it found.
 */
export function screenMessage(text: string, lang?: Lang): ScreenResult {
  return {
    contact: detectContactInfo(text),
    solicitation: detectSolicitation(text),
    toxicity: classifyToxicity(text, lang),
  };
}
