import { ApiError } from '@app/client';
import { errorMessage } from '@app/ui';
import type { useTranslation } from 'react-i18next';
import { LiveActionError } from './use-live-room.js';

/**
 * A user-facing text for a failed room action: the catalogue's translation of its code when there
 * is one, else the server's own sentence, else "something went wrong".
 */
export function liveErrorMessage(error: unknown, t: ReturnType<typeof useTranslation>['t']): string {
  if (error instanceof ApiError) return errorMessage(error, t);
  if (error instanceof LiveActionError)
    return t(`errors.${error.code}`, { defaultValue: error.message, seconds: 1 });
  return t('common.somethingWrong');
}
