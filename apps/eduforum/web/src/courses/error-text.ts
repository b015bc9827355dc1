import { ApiError } from '@app/client';
import { errorMessage } from '@app/ui';
import { useTranslation } from 'react-i18next';
import { useT } from '../i18n.js';

/**
 * Texts of eduforum's own catalogue codes (and of codes whose generic text would mislead here);
 * everything else falls back to the kit's translation of the code.
 */
const ownCodes = ['CONFLICT', 'ROSTER_INVALID', 'INVALID_TRANSITION', 'BAD_REQUEST', 'QUOTA_EXCEEDED'];

/** Returns `(error) => text` in the user's language for failures of this area. */
export function useErrorText(): (error: unknown) => string {
  const { t } = useT();
  const { t: kit } = useTranslation();
  return (error) => {
    if (error instanceof ApiError && ownCodes.includes(error.code)) return t(`courses.errors.${error.code}`);
    if (error instanceof ApiError && error.code === 'PAYLOAD_TOO_LARGE') return t('courses.errors.tooLarge');
    if (error instanceof ApiError && error.code === 'UNSUPPORTED_MEDIA_TYPE')
      return t('courses.errors.fileType');
    return errorMessage(error, kit);
  };
}
