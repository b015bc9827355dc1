import { normalizeForSafety } from './normalize.js';
import { findPhoneNumbers } from './phone.js';

/** What kind of off-platform contact a message carries. */
export type ContactKind = 'phone' | 'email' | 'url' | 'messenger' | 'social';

/** One contact-information finding; `match` is the span of the normalized text that triggered it. */
export interface ContactFinding {
  kind: ContactKind;
  match: string;
}

/** "@" and its written-out forms; a plain " at " (too common in English) only counts before a "dot com". */
const AT = String.raw`\s*(?:@|\(at\)|\[at\]|\{at\}|골뱅이|앳)\s*`;
const DOT = String.raw`(?:\s*(?:\.|\(dot\)|\[dot\]|닷|쩜)\s*|\s+dot\s+)`;
const PROVIDERS = `(?:gmail|naver|hanmail|daum|kakao|nate|outlook|hotmail|yahoo|icloud|네이버|지메일|다음|한메일|카카오|네이트)`;
const TLDS =
  'com|net|org|kr|io|me|ly|gl|gg|tv|app|dev|info|biz|xyz|link|site|online|shop|store|jp|cn|uk|page|club|live|edu|gov';
/** Two-letter endings that also end ordinary words typed without a space after a period: only with a path. */
const PATH_TLDS = 'co|to|be|in|us|ai|so|im|la';

const EMAIL_RES = [
  /[a-z0-9][a-z0-9._%+-]*@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}/gu,
  // obfuscated: "jiwoo.park 골뱅이 naver 닷컴", "hana (at) naver", "sarah(at)outlook(dot)com"
  new RegExp(
    `[a-z0-9][a-z0-9_%+-]*(?:${DOT}[a-z0-9_%+-]+)*${AT}(?:${PROVIDERS}(?:${DOT}(?:com|net|컴|넷))?|[a-z0-9-]+(?:${DOT}[a-z0-9-]+)*${DOT}(?:${TLDS}|컴|넷))`,
    'gu',
  ),
  // "tom dot smith at gmail dot com"
  new RegExp(
    String.raw`[a-z0-9][a-z0-9_%+-]*(?:${DOT}[a-z0-9_%+-]+)*\s+at\s+[a-z0-9-]+(?:${DOT}[a-z0-9-]+)*\s+dot\s+(?:${TLDS})\b`,
    'gu',
  ),
];
const URL_RES = [
  /\bhttps?:\/\/[^\s<>"']+/gu,
  /\bwww\.[^\s<>"']+/gu,
  new RegExp(String.raw`\b(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+(?:${TLDS})\b(?:/[^\s<>"']*)?`, 'gu'),
  new RegExp(String.raw`\b(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+(?:${PATH_TLDS})/[^\s<>"']+`, 'gu'),
  /\b[a-z0-9-]{2,}\s+dot\s+(?:com|net|org|kr|io|me)\b/gu,
  /[a-z0-9가-힣]{2,}\s*(?:닷|쩜)\s*(?:컴|넷|com|net|kr)(?![가-힣])/gu,
];

interface Platform {
  kind: 'messenger' | 'social';
  re: string;
}

/** Messenger and social apps with their Korean spellings, abbreviations and evasions. */
const PLATFORMS: Platform[] = [
  {
    kind: 'messenger',
    re: String.raw`카카오\s?톡|카\s?톡|카카오|ㅋ\s?ㅌ|ㅋㅋㅇㅌ|톡디|톡아디|톡아이디|kakao\s?talk|kakao|katalk|kkt`,
  },
  {
    kind: 'messenger',
    re: String.raw`(?<![가-힣])라인(?!프렌즈|업|댄스|게임)|\bline\s?(?:id|app|account|messenger)\b|\b(?:on|my|your)\s+line\b(?!\s+(?:of|up|at|in|for))`,
  },
  { kind: 'messenger', re: String.raw`텔레그램|텔레(?!비|마케|파시|포트)|텔그|\btelegram\b|\btg\b` },
  { kind: 'messenger', re: String.raw`위챗|웨이신|\bwe\s?chat\b|\bweixin\b|\bvx\b` },
  { kind: 'messenger', re: String.raw`왓츠\s?앱|왓츠업|왓챕|\bwhats\s?app\b|\bwa\.me\b` },
  {
    kind: 'messenger',
    re: String.raw`디스코드|디코|\bdiscord\b|스카이프|\bskype\b|바이버|\bviber\b|\bsignal\s?(?:id|app)\b`,
  },
  { kind: 'social', re: String.raw`인스타\s?그램|인스타|\binsta(?:gram)?\b|\big\b` },
  {
    kind: 'social',
    re: String.raw`페이스북|페북|\bfacebook\b|\bfb\b|트위터|\btwitter\b|틱톡|\btik\s?tok\b|스냅챗|\bsnap\s?chat\b|\bsnap\b`,
  },
];

/** Words right after a platform that name an account: "카톡 아이디", "kakao id", "discord:". */
const ID_AFTER = String.raw`^\s*(?:아이디|아디|id|계정|account|handle|username|user\s?name|주소|검색|:|=)`;
/** Requests or offers to move there, near the platform name. */
const REQUEST_KO = String.raw`아이디|아디|알려|줄게|줄래|주세요|추가|친추|검색|디엠|dm|연락|하세요|하시나요|하시면|하세여|해요\?|하니|해\?|있어요\?|있으세요|있나요|있어\?|있니|넘어가|옮기|옮겨|으?로 와|오세요|오시면|팔로우|맞팔|선팔|들어와|교환|따도`;
const REQUEST_EN = String.raw`\badd(?:ing)? me\b|\bmy (?:id|handle|username)\b|\bwhat'?s your\b|\b(?:dm|message|text|msg|pm) me\b|\bhit me up\b|\bfind me\b|\bfollow me\b|\breach me\b|\bcontact me\b|\b(?:talk|chat) (?:on|in|via|over)\b|\b(?:move|switch|go) to\b|\bsearch (?:for )?me\b|\bdo you have\b|\bare you on\b|\bid\b|\baccount\b|\bfollow\b`;
const REQUEST_RE = new RegExp(`${REQUEST_KO}|${REQUEST_EN}`, 'gu');
/** An account name: latin, with a digit, underscore, dot or # (so ordinary words are not taken). */
const HANDLE_RE = /(?<![a-z0-9])(?:@[a-z_][a-z0-9._]{2,29}|[a-z][a-z0-9]*[0-9_.#][a-z0-9_.#]*[a-z0-9])/gu;
const AT_HANDLE_RE = /(?<![\p{L}\p{N}._%+-])@[a-z_][a-z0-9._]{2,29}/gu;
const WINDOW = 24;

const PHONE_REQUEST_RES = [
  /(?:전화\s?번호|폰\s?번호|휴대폰\s?번호|핸드폰\s?번호|연락처)\s*(?:좀|를|을|는|은|가|이)?\s*(?:알려|줘|주세요|줄래|주실|뭐|교환|따|뒷자리|남겨|적어)/gu,
  /(?<!(?:문제|계좌|방|주문|학|페이지|몇|버스|차)\s?)번호\s*(?:좀\s*)?(?:알려|줘|줄래|교환|따도|주실)/gu,
  /\b(?:what'?s|give me|send me|share|tell me|can i (?:have|get)|may i have|drop)\b[^.?!]{0,16}\b(?:your|ur) (?:phone |cell |mobile )?(?:number|digits|phone)\b/gu,
  /\b(?:i'?ll|let me|i will|i can|i could) (?:send|give|text) you my (?:phone |cell )?(?:number|email|e-mail|kakao|line|instagram|insta|ig)\b/gu,
];

function collect(text: string, res: RegExp[], kind: ContactKind, out: ContactFinding[]): void {
  for (const re of res) for (const m of text.matchAll(re)) out.push({ kind, match: m[0].trim() });
}

function platformFindings(text: string, out: ContactFinding[]): void {
  const requests = [...text.matchAll(REQUEST_RE)].map((m) => ({
    start: m.index,
    end: m.index + m[0].length,
  }));
  for (const p of PLATFORMS) {
    for (const m of text.matchAll(new RegExp(p.re, 'gu'))) {
      const start = m.index;
      const end = start + m[0].length;
      const after = text.slice(end, end + 40);
      const idWord = after.match(new RegExp(ID_AFTER, 'u'));
      const handle = after.match(HANDLE_RE);
      const near = requests.find((r) => r.end >= start - WINDOW && r.start <= end + WINDOW);
      const isIdToken = /톡디|톡아디|톡아이디/u.test(m[0]);
      if (isIdToken || idWord || handle || near) {
        const stop = handle
          ? end + after.indexOf(handle[0]) + handle[0].length
          : end + (idWord?.[0].length ?? 0);
        out.push({
          kind: p.kind,
          match: text.slice(Math.min(start, near?.start ?? start), Math.max(stop, near?.end ?? stop)),
        });
      }
    }
  }
}

/**
 * Finds contact information or invitations to move off the platform: phone numbers (Korean and
 * international, spaced, spelled out as 공일공 or "zero one", full-width), e-mail addresses
 * (also "at ... dot com" and 골뱅이 forms), URLs and bare domains, messenger and social handles
 * (카톡/ㅋㅌ/톡디, LINE, Telegram, WeChat, WhatsApp, Instagram...) and requests for them.
 * Mentioning an app without an id, handle or request ("카톡 업데이트", "I like Instagram") is not a finding.
 */
export function detectContactInfo(text: string): ContactFinding[] {
  const norm = normalizeForSafety(text);
  const out: ContactFinding[] = [];
  for (const phone of findPhoneNumbers(norm)) out.push({ kind: 'phone', match: phone });
  collect(norm, PHONE_REQUEST_RES, 'phone', out);
  const emails: ContactFinding[] = [];
  collect(norm, EMAIL_RES, 'email', emails);
  out.push(...dropContained(emails));
  const urls: ContactFinding[] = [];
  collect(norm, URL_RES, 'url', urls);
  // the domain of an e-mail address is not a link
  out.push(...dropContained(urls).filter((u) => !emails.some((e) => e.match.includes(u.match))));
  platformFindings(norm, out);
  for (const m of norm.matchAll(AT_HANDLE_RE)) {
    if (!out.some((f) => f.match.includes(m[0]))) out.push({ kind: 'social', match: m[0] });
  }
  return dedupe(out);
}

/** Drops findings whose match lies inside a longer finding of the same list. */
function dropContained(items: ContactFinding[]): ContactFinding[] {
  return items.filter(
    (a, i) => !items.some((b, j) => j !== i && b.match.length > a.match.length && b.match.includes(a.match)),
  );
}

function dedupe(items: ContactFinding[]): ContactFinding[] {
  const seen = new Set<string>();
  return items.filter((f) => {
    const key = `${f.kind}\u0000${f.match}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
