import { normalizeForSafety } from './normalize.js';

/** What a message solicits: money, a scheme, sex, or a paid product or service. */
export type SolicitationKind = 'money' | 'scam' | 'sexual' | 'advertising';

/** One solicitation finding; `match` is the span of the normalized text that triggered it. */
export interface SolicitationFinding {
  kind: SolicitationKind;
  match: string;
}

const AMOUNT = String.raw`(?:\$\s?\d[\d,.]*|\d[\d,.]*\s?(?:dollars?|usd|bucks|won|euros?|pounds?|k)\b)`;

/** Each rule is one pattern over the normalized text; they are written to need a request or an offer, not a topic. */
const RULES: Array<{ kind: SolicitationKind; re: RegExp }> = [
  // money: asking to be sent, lent or paid money, gift cards, transfers
  {
    kind: 'money',
    re: /(?:돈|현금|만\s?원|천\s?원|달러|비용)[^.?!]{0,12}(?:빌려\s?(?:줄|주|줘)|꿔\s?(?:줄|주|줘)|보내\s?(?:줄|주|줘)|송금|입금|부쳐)|빌려\s?줄\s?수|(?:송금|입금|이체)\s?(?:좀|해\s?주|해\s?줄|부탁)|계좌(?:번호)?[^.?!]{0,12}(?:(?:입금|송금|이체)\s?(?:해|좀|부탁|하)|보내)|(?:만\s?원|돈)[^.?!]{0,10}(?:필요|급해|급하|도와)|(?:병원비|수술비|월세|차비)[^.?!]{0,10}(?:없|도와|보내|필요)|(?:기프트\s?카드|상품권|기프티콘|구글\s?플레이\s?카드)[^.?!]{0,16}(?:사서|보내\s?(?:줘|줄|주)|코드)/gu,
  },
  {
    kind: 'money',
    re: new RegExp(
      String.raw`\b(?:send|wire|lend|loan|transfer|give)\s+me\b[^.?!]{0,20}(?:money|cash|${AMOUNT})|\blend me\b|\bwire me\b|\bwestern union\b|\bmoneygram\b|\b(?:buy|get|send)\s+(?:me\s+)?(?:an?\s+)?(?:steam|itunes|google play|amazon|apple)?\s?gift\s?cards?\b|\bgift card and\b|\bpay (?:you|me) back\b|\b(?:i|we) need\s+(?:some\s+)?(?:money|cash|${AMOUNT})|\bsend (?:some\s+)?money\b|\b(?:help|support) me\b[^.?!]{0,30}\b(?:money|dollars|surgery|hospital|rent)\b`,
      'gu',
    ),
  },
  // scams: guaranteed returns, crypto "mentors", reading rooms, easy side jobs
  {
    kind: 'scam',
    re: /리딩방|(?:수익|원금|수익률)\s?(?:을\s?)?보장|고수익|무조건[^.?!]{0,15}(?:배|수익|벌)|[두세2-9]\s?배로\s?(?:돌려|불려|만들)|(?:코인|비트코인|usdt|선물|주식)[^.?!]{0,10}(?:투자|리딩)[^.?!]{0,20}(?:벌|수익|돌려|알려|같이|하실|배)|(?:투자|코인)[^.?!]{0,12}(?:천만\s?원|억)[^.?!]{0,6}벌|(?:입금|투자)하(?:면|시면)[^.?!]{0,20}(?:배|돌려|수익)|재택\s?(?:부업|알바)|고수익\s?부업|부업[^.?!]{0,20}(?:벌|수익|관심|dm|문의)|일당[^.?!]{0,12}보장|(?:하루|월)\s?\d+\s?(?:분|시간)?[^.?!]{0,10}(?:투자로|으로)[^.?!]{0,10}(?:월|하루)?\s?\d+\s?(?:만\s?원)?\s?(?:버|벌)|(?:하루|월)\s?\d+\s?만\s?원\s?(?:버실|벌|보장)|돈\s?버는\s?방법\s?알려/gu,
  },
  {
    kind: 'scam',
    re: /\bguaranteed\b[^.?!]{0,20}\b(?:profits?|returns?|income|win|monthly)\b|\b\d+\s?%\s?(?:monthly|daily|weekly)\s+(?:profit|returns?)\b|\b(?:double|triple|10x|\d+x)\s+(?:your\s+)?(?:money|investment|returns?)\b|\b(?:deposit|invest)\s+[\d.]+\s*(?:usdt|btc|eth|bitcoin|dollars|\$)?[^.?!]{0,30}\b(?:back|returns?|profit)\b|\bcrypto (?:mentor|investment|trading platform|signals)\b|\bforex\b|\bbinary options?\b|\btrading (?:signals|group|platform|mentor)\b|\bmake \$?\d[\d,]*k?\b[^.?!]{0,20}\b(?:a|per) (?:day|week|month)\b|\bearn \$?\d[\d,]*k?\b[^.?!]{0,20}\b(?:a|per) (?:day|week|month)\b|\bwork(?:ing)? from home\b[^.?!]{0,30}\b(?:earn|\$|no experience)\b|\binvestment opportunity\b|\bpassive income\b|\bwin rate\b/gu,
  },
  // a handle that advertises quick money ("@fast_cash", "@crypto_sarah")
  {
    kind: 'scam',
    re: /(?<![\p{L}\p{N}._%+-])@[a-z0-9_.]*(?:cash|money|coin|crypto|invest|profit|rich|trade|trading|btc|forex)[a-z0-9_.]*/gu,
  },
  // sexual solicitation
  {
    kind: 'sexual',
    re: /조건\s?만남|조건\s?(?:하실|해요|구함|원함)|원나잇|섹스|섹파|ㅅㅅ\s?(?:하|할)|야한\s?(?:사진|영상|얘기|거)|(?:몸매|가슴|알몸|속옷)\s?(?:사진|보여|보내)|옷\s?(?:벗|벗어)|(?:같이|너랑|나랑|당신이랑)\s?자(?:고|자|러|요)|모텔\s?(?:갈|가자|갈래)|스폰\s?(?:해|받|구)|온리팬스|성인\s?(?:방송|채팅)|야동/gu,
  },
  {
    kind: 'sexual',
    re: /\bsugar (?:daddy|baby|mommy)\b|\bnudes?\b|\b(?:naughty|sexy|dirty|hot) (?:pics|photos|pictures|videos?)\b|\b(?:photos?|pics|pictures) of you in (?:a )?(?:bikini|lingerie|underwear)\b|\bhook ?up\b(?![^.?!]{0,10}\bword)|\bone night stand\b|\bfriends with benefits\b|\bfwb\b|\bonlyfans\b|\bsext(?:ing)?\b|\bhorny\b|\bhot singles\b|\bescort\b|\bhave (?:some )?fun tonight\b|\bcome to my (?:hotel |)(?:room|place)\b[^.?!]{0,30}\b(?:tonight|worth)\b|\btake off your\b/gu,
  },
  // advertising: selling a paid service or product, follower sales, promo codes, clickbait
  {
    kind: 'advertising',
    re: /(?:과외|레슨|수업|강의)\s?(?:해요|합니다|해\s?드려요|진행합니다|모집|문의)|(?:시간당|회당|한\s?달에?)\s?\d+\s?만\s?원[^.?!]{0,12}(?:문의|가능|모집)|(?:등록|가입)하(?:시면|면)[^.?!]{0,20}(?:할인|무료|드려요)|할인해\s?드려요|(?:팔로워|좋아요|구독자)\s?\d*\s?(?:명|개)?[^.?!]{0,10}(?:늘려|구매|판매)|(?:채널|유튜브)[^.?!]{0,10}구독\s?(?:좀|부탁|해\s?주)|구독해\s?주세요|쇼핑몰[^.?!]{0,10}(?:오픈|구경|방문)|추천인\s?코드|광고\s?문의|홍보합니다/gu,
  },
  {
    kind: 'advertising',
    re: /\b(?:i|we) (?:offer|sell|provide)\b[^.?!]{0,40}\b(?:lessons?|tutoring|classes|services?|products?)\b|\bprivate (?:\w+ )?lessons?\b[^.?!]{0,20}(?:\$|\/\s?h(?:ou)?r|per (?:hour|lesson)|dm)|\bvisit my (?:online )?(?:shop|store|website)\b|\bcheck out my (?:online )?(?:shop|store)\b|\bbuy (?:instagram |tiktok |youtube )?(?:followers|likes|views|subscribers)\b|\bpromo code\b|\bcoupon code\b|\bsubscribe to my\b|\bclick (?:here|this link|the link)\b[^.?!]{0,30}\b(?:claim|prize|free|win|offer)\b|\bclaim your (?:free )?(?:prize|reward|gift)\b|\blimited (?:time )?offer\b|\blink in (?:my )?bio\b/gu,
  },
];

/**
 * Finds solicitation in Korean or English chat: requests for money or gift cards, investment
 * and side-job schemes, sexual solicitation, and advertising of paid services or products.
 * Talking about money, prices, crypto or lessons without asking or selling is not a finding.
 */
export function detectSolicitation(text: string): SolicitationFinding[] {
  const norm = normalizeForSafety(text);
  const out: SolicitationFinding[] = [];
  for (const rule of RULES) {
    for (const m of norm.matchAll(rule.re)) {
      if (!out.some((f) => f.kind === rule.kind && f.match === m[0]))
        out.push({ kind: rule.kind, match: m[0] });
    }
  }
  return out;
}
