import { classifyToxicity, detectContactInfo, detectLang, splitSentences } from '@app/nlp';
import type { ReplyCheck } from '@app/storehelper-contracts';

/** Shortest and longest reply (Naver and Google accept about 1,000 and 4,096 characters). */
export const REPLY_MIN_CHARS = 10;
export const REPLY_MAX_CHARS = 1_000;
/** At or above this, the reply reads as offensive. */
const TOXIC = 0.5;

/** Promises a shop may not be able to keep, or that start a dispute in public. */
const PROMISES: RegExp[] = [
  /환불(해|을)?\s*(드리|해\s*드)/u,
  /무료로\s*(드리|제공|해\s*드)/u,
  /보상(해|을)?\s*(드리|해\s*드)/u,
  /(다시는|절대)\s*[^.!?]{0,20}(없|않)(도록|을|겠)/u,
  /100\s*%/u,
  /\b(full )?refund(ed)?\b/i,
  /\b(for )?free of charge\b|\bon the house\b/i,
  /\bguarantee[ds]?\b/i,
  /\bnever happen again\b/i,
  /\bcompensat(e|ion)\b/i,
];

export interface QualityInput {
  text: string;
  tone: 'friendly' | 'formal' | 'apologetic';
  signature: string;
  /** The review's author (their name may appear; other personal data may not). */
  author: string;
}

/**
 * The checks a reply passes before anyone sees it as ready: length, no offensive wording, no
 * personal data (phone numbers, emails, addresses, account ids), the store's tone (Korean formal
 * replies in 합쇼체, apologetic ones apologise), no promises the store cannot keep, the signature.
 * Every check is reported; a reply is approvable only when all pass.
 */
export function checkReply(input: QualityInput): ReplyCheck[] {
  const text = input.text.trim();
  const lang = detectLang(text);
  const checks: ReplyCheck[] = [];
  checks.push({
    check: 'length',
    ok: text.length >= REPLY_MIN_CHARS && text.length <= REPLY_MAX_CHARS,
    detail:
      text.length < REPLY_MIN_CHARS
        ? `Too short (${text.length} < ${REPLY_MIN_CHARS})`
        : text.length > REPLY_MAX_CHARS
          ? `Too long (${text.length} > ${REPLY_MAX_CHARS})`
          : '',
  });
  const toxicity = classifyToxicity(text, lang);
  checks.push({
    check: 'banned-words',
    ok: toxicity.toxicScore < TOXIC,
    detail: toxicity.toxicScore < TOXIC ? '' : 'Offensive wording',
  });
  const contacts = detectContactInfo(text);
  checks.push({
    check: 'personal-data',
    ok: contacts.length === 0,
    detail: contacts.map((c) => `${c.kind}: ${c.match}`).join(', '),
  });
  checks.push(toneCheck(text, lang, input.tone));
  const promise = PROMISES.map((re) => re.exec(text)?.[0]).find(Boolean);
  checks.push({ check: 'promises', ok: !promise, detail: promise ? `“${promise}”` : '' });
  const signature = input.signature.trim();
  checks.push({
    check: 'signature',
    ok: signature === '' || text.endsWith(signature),
    detail: signature === '' || text.endsWith(signature) ? '' : 'The store’s signature is missing at the end',
  });
  return checks;
}

function toneCheck(text: string, lang: string, tone: QualityInput['tone']): ReplyCheck {
  if (tone === 'apologetic' && !/죄송|사과|송구|불편을 드려|sorry|apolog/iu.test(text))
    return { check: 'tone', ok: false, detail: 'An apologetic reply should apologise' };
  if (lang === 'ko' && tone !== 'friendly') {
    const sentences = splitSentences(text).filter((s) => /[가-힣]/.test(s));
    const formal = sentences.filter((s) => /(니다|니까|십시오|세요)[.!?~\s]*$/u.test(s.trim())).length;
    if (sentences.length > 0 && formal / sentences.length < 0.5)
      return {
        check: 'tone',
        ok: false,
        detail: 'A formal reply should end its sentences in 합쇼체 (-습니다)',
      };
  }
  return { check: 'tone', ok: true, detail: '' };
}

/** Adds the store's signature on its own line unless the text already ends with it. */
export function withSignature(text: string, signature: string): string {
  const trimmed = text.trim();
  const sig = signature.trim();
  if (!sig || trimmed.endsWith(sig)) return trimmed;
  return `${trimmed}\n${sig}`;
}
