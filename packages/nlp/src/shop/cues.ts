import type { Lang } from '../text/lang.js';

/**
 * Shop-review cue words that the movie-trained Korean model misses or gets backwards (불친절 is 0
 * for it, 보통이에요 positive, 양이 너무 적어요 positive). Weights are hand-set on a 0.5 / 1 / 1.5 /
 * 2 / 2.5 scale; the calibration fits how much the cues count against the model's margin.
 *
 * - `fixed`: the pattern already contains its negation (다시는 안 가, never coming back), so no
 *   negation check is made.
 * - `lukewarm`: a "so-so" word (그냥 그래요, 무난, okay). It damps the model's margin for the
 *   clause (see `lukewarmDamp` in the calibration) and adds its small weight.
 * - `unlessNegated`: drop the cue when a negation follows in the clause (별로 안 비싸요: 별로 is
 *   then "not very", and the negated 비싸 is what counts).
 */
interface CueSpec {
  re: string;
  w: number;
  fixed?: boolean;
  lukewarm?: boolean;
  unlessNegated?: boolean;
}

const KO_CUES: CueSpec[] = [
  // negations that are the point
  {
    re: '다시는?\\s?(?:안|못)\\s?(?:가|갈|올|와|오|시키|시킬|먹|방문|갑|옵)|다신\\s?(?:안|못)|재방문\\s?(?:의사\\s?)?(?:는\\s?)?(?:없|x|0)|이제\\s?(?:안|못)\\s?(?:시킬|시키|갈|올|먹|와|가)|안\\s?(?:갈|올|시킬)\\s?(?:듯|것|거)',
    w: -2.5,
    fixed: true,
  },
  {
    re: '추천\\s?(?:은|은\\s?)?(?:안|못)\\s|마음에\\s?안\\s?들|맘에\\s?안\\s?들|전화(?:도|를)?\\s?안\\s?받|사과(?:도|는|\\s?한마디)?\\s?(?:없|안\\s?하)|불러도\\s?안|인사(?:도|를)?\\s?안\\s?받|기대\\s?(?:보다|에|만큼)?\\s?(?:못\\s?미치|별로|이하)|(?:하나도|전혀|1도)\\s?안\\s?(?:매|맵|맛)|안\\s?익|덜\\s?익|안\\s?나와서|안\\s?틀어|안\\s?(?:와요|왔|오네|옴)',
    w: -2,
    fixed: true,
  },
  {
    re: '(?:잡내|냄새|비린내)\\s?(?:가|도|는)?\\s?(?:하나도|전혀|1도)?\\s?(?:없|안\\s?나)|얼룩(?:이|도)?\\s?(?:싹|다|잘)?\\s?(?:빠졌|지워)',
    w: 1.5,
    fixed: true,
  },
  {
    re: '안\\s?기다|기다리지\\s?않|기다림\\s?없|(?:대기|웨이팅)\\s?(?:시간)?(?:이|은|도)?\\s?(?:없|짧)|(?:하나도|전혀)\\s?안\\s?(?:샜|새|식|짜|느끼|비리)|안\\s?(?:샜|새고|식었|식고)|(?:너무\\s?)?(?:달지|느끼하지|짜지)\\s?않',
    w: 1,
    fixed: true,
  },
  // so-so
  {
    re: '그냥\\s?그래|그저\\s?그래|그냥\\s?그렇|애매|굳이|그냥\\s?(?:동네|먹을)',
    w: -0.15,
    lukewarm: true,
  },
  {
    re: '그럭저럭|무난|평범|보통|쏘쏘|so\\s?so|먹을\\s?만|그\\s?정도|특별한\\s?(?:건|것은|거는|게)?\\s?없|특별하진\\s?않|호불호|비슷|늘\\s?먹던|적당|잘\\s?모르',
    w: 0,
    lukewarm: true,
  },
  { re: '나쁘(?:지|진|지는)\\s?않', w: 0.3, lukewarm: true },
  // strong negatives
  {
    re: '불친절|퉁명|무례|싸가지|불쾌|기분\\s?(?:나쁘|나빴|상했|상하|별로)|짜증|화가\\s?나|어이(?:가)?\\s?없|황당|최악|엉망|쓰레기|형편\\s?없|끔찍|실망|후회|비추|돈\\s?(?:아깝|아까)|아까워|아깝|맛(?:이|도|은)?\\s?없|맛없|눈치|대충|성의\\s?없|건성|누락|(?:메뉴|음식|주문|하나|반찬|서비스)(?:이|가|도)?\\s?빠졌|잘못\\s?(?:왔|받|나왔|주|계산|해)|틀렸|틀리|다른\\s?(?:집|가게|메뉴|음식)\\s?(?:음식|메뉴)?(?:이|가)?\\s?왔|머리카락|벌레|바퀴|곰팡|이물질|립스틱|고춧가루가\\s?묻|더럽|더러|지저분|끈적|비위생|환불|던지고|던져|이상한\\s?(?:맛|냄새)|재사용|(?<!이)상(?:했|한)|속았|바가지|비싸기만',
    w: -2,
  },
  { re: '별로', w: -2, unlessNegated: true },
  // negatives
  {
    re: '(?<![진가])짜(?:서|고|요|다|네|ㅠ|게|더|워)|짰|싱거|싱겁|느끼|비리|비린|질기|질겨|퍽퍽|눅눅|딱딱|불어서|불었|(?:(?<![가-힣])|(?<=[다좀]\\s?))식(?:어|었|은)|미지근|차갑|차가워|기름져|기름지|(?:너무|맛이)\\s?시(?:어|고|큼)|셔요|말라\\s?있|말랐|굳어|냄새|잡내|늦(?:게|어|었|네|고|음|다)|느려|느리|느림|오래\\s?걸|한참|지연|\\d+\\s?(?:분|시간)\\s?(?:넘게|이상|이나|동안|가까이|정도)?\\s?(?:을\\s?)?(?:기다|걸|대기)|(?:한|두)\\s?시간|(?:오래|한참|계속)\\s?기다|기다리게|쏟아|샜|새서|찌그러|터져|얼룩|삐뚤|너무\\s?짧|짧게\\s?잘|풀렸|따가|뜨거웠|속상|혼났|예전\\s?맛이\\s?아니|기만\\s?(?:하|해)|양(?:이|도|은|만)?\\s?(?:너무\\s?|좀\\s?|많이\\s?|확\\s?)?(?:적|작|줄)|적어요|줄었|줄고|줄어',
    w: -1.5,
  },
  {
    re: '불편|불만|변했|올랐|권유|강요|시끄럽|시끄러|더워|더웠|덥고|추워|추웠|비싸|비싼|비쌈|비쌌|(?:너무|진짜|완전)\\s?달라|달라요|다르게|달랐|ㅡㅡ|-_-|;;',
    w: -1,
  },
  { re: '좁(?:아|고|은|다|네)|추가\\s?요금|가격(?:이|은|대가)?\\s?(?:좀|조금|꽤)?\\s?(?:있|나가)', w: -0.7 },
  { re: '아쉽|아쉬', w: -0.5 },
  { re: '괜찮', w: 0.5 },
  // positives
  {
    re: '(?<!불)친절|맛있(?!다고|다는|다던|다길|다해서)|맛(?:은|도|이)\\s?(?:있|좋)(?!다고)|맛나|존맛|꿀맛|jmt|맛집|최고|짱|대박|훌륭|완벽|인생|감동|강추|추천|(?<!불)만족|마음에\\s?들|맘에\\s?들|기대\\s?이상|보람|가치가?\\s?있|재방문|단골|또\\s?(?:올|갈|오|가|방문|시킬|시켰|시켜|주문|사러)|자주\\s?(?:와|가|옵|갑|시켜)|사랑|행복|감사|고맙|엄지척|👍',
    w: 1.5,
  },
  {
    re: '좋(?!겠)|깨끗|청결|깔끔|신선|싱싱|푸짐|넉넉|양(?:이|도)?\\s?많|많이\\s?주|예쁘|예뻐|예쁜|이쁘|이뻐|멋지|멋져|멋있|아늑|쾌적|넓(?:어|고|은|습|다|네)|조용|빠르|빨리|빨라|빨랐|금방|일찍|(?<!불)편(?:하|해|했|안|리)|부드럽|부드러|쫄깃|쫀득|바삭|촉촉|진하|진해|고소|담백|시원|따뜻|뜨끈|합리적|저렴|착하|착해|꼼꼼|정성|섬세|자연스럽|잘\\s?(?:해|하|잘라|나왔|나와|됐|돼|되|먹|챙|들어|맞|알려|어울)|든든|편안|훈훈|센스|신경\\s?(?:써|쓰)|서비스로|겉바속촉|살아\\s?있|딱\\s?(?:좋|이에|이예|맞)|정확|밝게|즐거|재밌|재미있|아낌없|상냥|세심|확실|제대로|원하는\\s?(?:스타일|대로)|가성비\\s?(?:갑|굿)|굿|good|nice',
    w: 1,
  },
];

const EN_CUES: CueSpec[] = [
  {
    re: "never (?:coming|going|come|go|be) back|won't (?:be|come|go) back|not (?:coming|going) back|never again|will not return|won't return|not worth|waste of",
    w: -2.5,
    fixed: true,
  },
  {
    re: "nobody apologi|no apology|didn't apologi|no one came|wrong order|took (?:over|more than|almost|nearly) (?:an? |\\d+ )?(?:hour|minutes)|waited (?:\\d+|forty|thirty|twenty|over|more than|an hour|half an hour|ages|forever)|(?:forty|thirty|\\d+) minutes|half an hour|an hour|no parking|nowhere to park",
    w: -2,
    fixed: true,
  },
  {
    re: 'will be back|come back|coming back|worth (?:the|every|it)|easy parking|parking (?:is|was) easy|arrived hot|still hot|nothing spilled|no wait|exactly as|on time|listened|remembered',
    w: 1.5,
    fixed: true,
  },
  { re: 'not great|mediocre|not sure', w: -0.5, lukewarm: true, fixed: true },
  {
    re: 'nothing special|okay|\\bok\\b|alright|all right|\\bfine\\b|average|decent|so-so|typical|as expected|the usual|usual time|not bad',
    w: 0,
    lukewarm: true,
    fixed: true,
  },
  {
    re: 'rude|terrible|awful|horrible|worst|disgusting|dirty|filthy|gross|disappoint|inedible|unacceptable|hair in|\\bbugs?\\b|cockroach|mou?ld|refund|ignored|missing',
    w: -2,
  },
  {
    re: 'cold(?! brew)|lukewarm|soggy|stale|bland|salty|greasy|bitter|burnt|overcooked|undercooked|overpriced|tiny|stained|smell(?:s|ed)? (?:bad|awful|weird|of)|smelly|sticky|\\blate\\b|slow|noisy|loud|cramped|uncomfortable|shorter than|damaged|spilled|leaked',
    w: -1.5,
  },
  { re: 'expensive|pricey|crowded|small portions?|a bit hard', w: -1 },
  {
    re: 'delicious|amazing|awesome|excellent|fantastic|wonderful|perfect|\\bbest\\b|\\blove|lovely|gorgeous|recommend|outstanding|superb|incredible',
    w: 1.5,
  },
  {
    re: '\\bgreat\\b|\\bgood\\b|\\bnice\\b|tasty|friendly|helpful|\\bkind\\b|\\bclean\\b|fresh|cozy|comfy|comfortable|quiet|bright|reasonable|affordable|\\bfast\\b|quick|crispy|generous|skilled|meticulous|\\brich\\b|enjoy|pleasant|attentive|polite|welcoming|spotless|well packed|carefully',
    w: 1,
  },
];

interface Cue {
  re: RegExp;
  w: number;
  fixed: boolean;
  lukewarm: boolean;
  unlessNegated: boolean;
}

const compile = (specs: CueSpec[]): Cue[] =>
  specs.map((s) => ({
    re: new RegExp(s.re, 'gu'),
    w: s.w,
    fixed: s.fixed === true,
    lukewarm: s.lukewarm === true,
    unlessNegated: s.unlessNegated === true,
  }));

const CUES: Record<Lang, Cue[]> = { ko: compile(KO_CUES), en: compile(EN_CUES) };

// Korean: 안 / 못 right before the cue, or -지 않 / -지 못 after up to three syllables of stem or
// ending (맛있지 않아요, 친절하지는 않). A predicate followed by 못 (짜서 못 먹겠어요) is not negated.
const KO_NEG_BEFORE = /(?:^|\s)(?:안|못)\s?$/u;
const KO_NEG_AFTER = /^[가-힣]{0,3}?(?:지|진|지는|지도|질)\s?(?:않|못|안\s)/u;
const KO_NEG_LATER = /(?:안\s|않|없|못)/u;
// English: a negation up to two words before the cue.
const EN_NEG_BEFORE =
  /(?:\bnot|n't|\bno|\bnever|\bnobody|\bnothing|\bhardly|\bwithout|\bisnt|\bwasnt|\bdont|\bdidnt)(?:\s+[a-z']+){0,2}\s+$/u;

// Softeners halve a cue (좀 비싸요, a bit pricey); intensifiers raise it (너무 짜요, so rude).
const SOFT: Record<Lang, RegExp> = {
  ko: /(?:좀|조금|약간|살짝|다소)\s?$/u,
  en: /\b(?:a bit|a little|slightly|somewhat|kind of|kinda)\s+$/u,
};
const STRONG: Record<Lang, RegExp> = {
  ko: /(?:너무|진짜|정말|완전|엄청|넘|매우|아주|되게)\s?$/u,
  en: /\b(?:very|so|really|too|extremely|super|absolutely)\s+$/u,
};

function degree(clause: string, start: number, lang: Lang): number {
  const before = clause.slice(Math.max(0, start - 12), start);
  if (SOFT[lang].test(before)) return 0.5;
  if (STRONG[lang].test(before)) return 1.3;
  return 1;
}

/** Cue evidence of one normalized clause. */
export interface ClauseCues {
  /** Sum of the cue weights found (negated ones flipped), clamped to [-4, 4]. */
  score: number;
  /** A so-so word or a negated complaint (나쁘지 않아요, not bad) was found. */
  lukewarm: boolean;
}

function negated(clause: string, start: number, end: number, lang: Lang): boolean {
  const before = clause.slice(Math.max(0, start - 24), start);
  if (lang === 'en') return EN_NEG_BEFORE.test(before);
  return KO_NEG_BEFORE.test(before) || KO_NEG_AFTER.test(clause.slice(end, end + 10));
}

/**
 * Finds the shop cues of a normalized clause. Patterns are tried in order and a span of text
 * counts once (다시는 안 가 is not also read as 안 + 가). A negated positive cue counts as a
 * complaint of the same weight (맛있지 않아요, 안 친절해요); a negated complaint only as a
 * lukewarm, slightly positive remark (나쁘지 않아요, 안 비싸요).
 */
export function clauseCues(clause: string, lang: Lang): ClauseCues {
  const used: Array<[number, number]> = [];
  let score = 0;
  let lukewarm = false;
  for (const cue of CUES[lang]) {
    cue.re.lastIndex = 0;
    for (let m = cue.re.exec(clause); m !== null; m = cue.re.exec(clause)) {
      const start = m.index;
      const end = start + m[0].length;
      if (m[0].length === 0) {
        cue.re.lastIndex++;
        continue;
      }
      if (used.some(([s, e]) => start < e && end > s)) continue;
      used.push([start, end]);
      if (cue.unlessNegated && KO_NEG_LATER.test(clause.slice(end))) continue;
      if (cue.lukewarm) {
        lukewarm = true;
        score += cue.w;
      } else if (cue.fixed || !negated(clause, start, end, lang)) {
        score += cue.w * degree(clause, start, lang);
      } else if (cue.w > 0) {
        score -= cue.w;
      } else {
        lukewarm = true;
        score += 0.3 * -cue.w;
      }
    }
  }
  return { score: Math.max(-4, Math.min(4, score)), lukewarm };
}
