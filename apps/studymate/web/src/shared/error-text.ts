import { ApiError } from '@app/client';
import { errorMessage } from '@app/ui';
import { useTranslation } from 'react-i18next';
import { useT } from './i18n.js';

/** Codes whose text is studymate's own (its catalogue, and kit codes that need a clearer word here). */
const ownCodes = new Set([
  'MATERIAL_NOT_READY',
  'ATTEMPT_CLOSED',
  'ALREADY_ANSWERED',
  'ALREADY_REVIEWED',
  'NOTHING_TO_UNDO',
  'NOT_ENOUGH_REVIEWS',
  'TIMER_RUNNING',
  'GRADE_NOT_ALLOWED',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'QUOTA_EXCEEDED',
]);

/** Returns `(error) => text` in the user's language for a failed request. */
export function useErrorText(): (error: unknown) => string {
  const { t } = useT();
  const { t: kit } = useTranslation();
  return (error) => {
    if (error instanceof ApiError && ownCodes.has(error.code)) return t(`errors.${error.code}`);
    return errorMessage(error, kit);
  };
}

/** The catalogue code of a failed request, if it has one. */
export function codeOf(error: unknown): string | undefined {
  return error instanceof ApiError ? error.code : undefined;
}
