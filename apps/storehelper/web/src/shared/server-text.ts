import type { ReplyCheck } from '@app/storehelper-contracts';

type Translate = (key: string, options?: Record<string, unknown>) => string;

/**
 * The server describes a failed reply check and a refused spreadsheet row in English words (its
 * `detail` and `reason` strings have no code). The known sentences are matched here and said in
 * the page's language; anything else is shown as the server wrote it.
 */
export function checkDetail(check: ReplyCheck, t: Translate): string {
  const { detail } = check;
  if (!detail) return '';
  let m = /^Too short \((\d+) < (\d+)\)$/.exec(detail);
  if (m) return t('checks.detail.tooShort', { length: Number(m[1]), min: Number(m[2]) });
  m = /^Too long \((\d+) > (\d+)\)$/.exec(detail);
  if (m) return t('checks.detail.tooLong', { length: Number(m[1]), max: Number(m[2]) });
  if (detail === 'Offensive wording') return t('checks.detail.offensive');
  if (detail === 'An apologetic reply should apologise') return t('checks.detail.apologise');
  if (detail.startsWith('A formal reply should end its sentences')) return t('checks.detail.formal');
  if (detail.startsWith('The store’s signature is missing')) return t('checks.detail.signature');
  if (check.check === 'promises') return t('checks.detail.promise', { quote: detail });
  if (check.check === 'personal-data') return t('checks.detail.personal', { found: detail });
  return detail;
}

/** A spreadsheet row's problem (see `checkDetail`). */
export function rowReason(reason: string, t: Translate): string {
  let m = /^“(.*)” is not a date$/.exec(reason);
  if (m) return t('import.reason.date', { value: m[1] });
  m = /^“(.*)” is not a rating from 1 to 5$/.exec(reason);
  if (m) return t('import.reason.rating', { value: m[1] });
  m = /^“(.*)” is not Naver, Kakao or Google$/.exec(reason);
  if (m) return t('import.reason.platform', { value: m[1] });
  m = /^“(.*)” is not a number of photos$/.exec(reason);
  if (m) return t('import.reason.photos', { value: m[1] });
  m = /^No column named “(.*)” \(for (\w+)\)$/.exec(reason);
  if (m) return t('import.reason.column', { column: m[1], field: t(`import.fields.${m[2]}`) });
  if (reason === 'The review has no text and no keywords') return t('import.reason.empty');
  if (reason.startsWith('The text is longer than')) return t('import.reason.long');
  return reason;
}
