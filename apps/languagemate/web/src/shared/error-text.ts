import { ApiError } from '@app/client';
import { errorMessage } from '@app/ui';
import { useTranslation } from 'react-i18next';
import { useT } from './i18n.js';

/** Codes whose text is languagemate's own (its catalogue, and kit codes that need a clearer word here). */
const ownCodes = new Set([
  'PROFILE_REQUIRED',
  'ALREADY_PARTNERS',
  'REQUEST_NOT_PENDING',
  'NOT_PARTNERS',
  'SUSPENDED',
  'SESSION_CONFLICT',
  'CONFLICT',
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
