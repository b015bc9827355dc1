import { ApiError } from '@app/client';
import { errorMessage } from '@app/ui';
import { useTranslation } from 'react-i18next';
import { useT } from './i18n.js';

/** Codes whose text is storehelper's own (its catalogue, and kit codes that need a clearer word here). */
const ownCodes = new Set([
  'COLLECTION_RUNNING',
  'REPLY_NOT_APPROVABLE',
  'REPLY_CHECK_FAILED',
  'NOT_CONNECTED',
  'COMPETITOR_READ_ONLY',
  'SOURCE_DISABLED',
  'IMPORT_INVALID',
  'PLAN_LIMIT',
  'CONFLICT',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'FILE_NOT_USABLE',
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
