import { issueMessage } from '@app/ui';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { useT } from '../shared/i18n.js';

/** The text key of a problem with a profile field, by its path, zod code and (English) message. */
function keyFor(path: string, code: string, message: string): string | undefined {
  const [head, , leaf] = path.split('.');
  // The server screens the name and the bio with the safety filter (its messages say which rule).
  if ((head === 'displayName' || head === 'bio') && code === 'custom') {
    if (message.includes('contact')) return 'contactInProfile';
    if (message.includes('money') || message.includes('paid')) return 'solicitationInProfile';
    if (message.includes('offensive')) return 'offensiveInProfile';
  }
  switch (head) {
    case 'displayName':
      return code === 'too_small' ? 'nameRequired' : undefined;
    case 'timeZone':
      return 'timeZone';
    case 'nativeLanguages':
      return code === 'too_small' ? 'nativeRequired' : code === 'custom' ? 'duplicate' : 'tooMany';
    case 'targets':
      if (code === 'too_small') return 'targetRequired';
      if (leaf === 'language' && message.includes('natively')) return 'targetIsNative';
      if (code === 'custom') return 'duplicate';
      return code === 'too_big' ? 'tooMany' : undefined;
    case 'interests':
      return 'tooManyInterests';
    case 'tags':
      return path === 'tags' ? 'tooManyTags' : code === 'too_big' ? 'tagTooLong' : 'tagFormat';
    case 'preferences':
      return 'modeRequired';
    case 'availability':
      if (path === 'availability') return 'tooManyRanges';
      return message.includes('overlap') ? 'overlap' : 'rangeOrder';
    case 'photoFileId':
      return 'photoInvalid';
    default:
      return undefined;
  }
}

/**
 * Problems with profile fields in the user's words. The contract's and the server's messages are
 * English for developers, so each field's likely problems have their own text; anything else gets
 * the kit's. `issue` for the contract's check in the page, `server` for a 400's field errors.
 */
export function useIssueText() {
  const { t } = useT();
  const { t: kit } = useTranslation();
  return {
    issue(path: string, issue: z.core.$ZodIssue): string {
      const key = keyFor(path, issue.code, issue.message);
      return key ? t(`onboarding.errors.${key}`) : issueMessage(issue, kit);
    },
    server(path: string, message: string): string {
      const key = keyFor(path, 'custom', message);
      return key ? t(`onboarding.errors.${key}`) : kit('validation.invalid');
    },
  };
}
