import { ApiError } from '@app/client';
import { errorMessage } from '@app/ui';
import { useTranslation } from 'react-i18next';
import { useT } from './i18n.js';
import { LiveActionError } from './live/use-live-room.js';

/**
 * Texts of eduforum's own catalogue codes (and of codes whose generic text would mislead here),
 * by where they are written; everything else falls back to the kit's translation of the code.
 */
const ownCodes: Record<string, string> = {
  CONFLICT: 'courses.errors.CONFLICT',
  ROSTER_INVALID: 'courses.errors.ROSTER_INVALID',
  INVALID_TRANSITION: 'courses.errors.INVALID_TRANSITION',
  BAD_REQUEST: 'courses.errors.BAD_REQUEST',
  QUOTA_EXCEEDED: 'courses.errors.QUOTA_EXCEEDED',
  SESSION_NOT_LIVE: 'live.errors.SESSION_NOT_LIVE',
  POLL_NOT_OPEN: 'live.errors.POLL_NOT_OPEN',
  QUIZ_NOT_OPEN: 'live.errors.QUIZ_NOT_OPEN',
  QUIZ_TIME_OVER: 'live.errors.QUIZ_TIME_OVER',
  ALREADY_SUBMITTED: 'live.errors.ALREADY_SUBMITTED',
};

/**
 * Returns `(error) => text` in the user's language for a failed request (`ApiError`) or a refused
 * room action (`LiveActionError`, the same catalogue codes in a socket ack).
 */
export function useErrorText(): (error: unknown) => string {
  const { t } = useT();
  const { t: kit } = useTranslation();
  return (error) => {
    const code = error instanceof ApiError || error instanceof LiveActionError ? error.code : undefined;
    const own = code ? ownCodes[code] : undefined;
    if (own) return t(own);
    if (error instanceof LiveActionError)
      return kit(`errors.${error.code}`, { defaultValue: error.message, seconds: error.retryAfterS ?? 1 });
    if (error instanceof ApiError && error.code === 'PAYLOAD_TOO_LARGE') return t('courses.errors.tooLarge');
    if (error instanceof ApiError && error.code === 'UNSUPPORTED_MEDIA_TYPE')
      return t('courses.errors.fileType');
    return errorMessage(error, kit);
  };
}
