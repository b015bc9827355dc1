import { ApiError } from '@app/client';
import { errorMessage } from '@app/ui';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';

/** Why the safety filter held or questioned a message, as the server's error details say it. */
const safetyDetailsSchema = z
  .object({
    reason: z.string().optional(),
    reasons: z.array(z.string()).optional(),
    warning: z.string().optional(),
    warnings: z.array(z.string()).optional(),
  })
  .loose();

/** The reasons we have words for; anything else shows the server's own message. */
const knownReasons = new Set(['contact_info', 'solicitation', 'hate', 'harassment', 'insult', 'offensive']);

export interface SafetyVerdict {
  kind: 'hold' | 'warning';
  /** Reason codes (e.g. `contact_info`), the ones with a text of ours. */
  reasons: string[];
  /** The warning names to send back in `acknowledge` after "send anyway". */
  warnings: string[];
  /** The server's message, for reasons we have no text for. */
  message: string;
}

/** The safety filter's answer hidden in an error (422 SAFETY_HOLD or SAFETY_WARNING), if it is one. */
export function safetyVerdict(error: unknown): SafetyVerdict | undefined {
  if (!(error instanceof ApiError)) return undefined;
  if (error.code !== 'SAFETY_HOLD' && error.code !== 'SAFETY_WARNING') return undefined;
  const details = safetyDetailsSchema.safeParse(error.details ?? {});
  const d = details.success ? details.data : {};
  const reasons = [...(d.reasons ?? []), ...(d.reason ? [d.reason] : [])];
  const warnings = [...(d.warnings ?? []), ...(d.warning ? [d.warning] : [])];
  return {
    kind: error.code === 'SAFETY_HOLD' ? 'hold' : 'warning',
    reasons: [...new Set([...reasons, ...warnings])].filter((r) => knownReasons.has(r)),
    warnings,
    message: error.message,
  };
}

/** Codes whose text here says more than the kit's generic one. */
const ownCodes = new Set([
  'NOT_PARTNERS',
  'SUSPENDED',
  'CHAT_EDIT_WINDOW_PASSED',
  'AUDIO_TOO_LONG',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'SERVICE_UNAVAILABLE',
  'NOT_FOUND',
  'FORBIDDEN',
  'CONFLICT',
]);

/** `(error) => text` for a failed chat action, in the user's language. */
export function useChatErrorText(): (error: unknown) => string {
  const { t } = useTranslation('languagemate');
  const { t: kit } = useTranslation();
  return (error) => {
    if (error instanceof ApiError && ownCodes.has(error.code))
      return t(`chat.errors.${error.code}`, { defaultValue: error.message });
    return errorMessage(error, kit);
  };
}
