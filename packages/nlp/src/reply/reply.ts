import { extractKeywords } from '../keywords/keywords.js';
import { josa } from '../ko/josa.js';
import { analyzeSentiment, type SentimentResult } from '../sentiment/sentiment.js';
import { hashString } from '../text/hash.js';
import { detectLang, type Lang } from '../text/lang.js';

/** Tone of a reply draft. */
export type ReplyTone = 'friendly' | 'formal' | 'apologetic';

/** Korean speech level: 합쇼체 (-습니다) or 해요체 (-요). */
export type SpeechLevel = 'hapsyo' | 'haeyo';

/** Options for {@link draftReply}. */
export interface ReplyOptions {
  lang?: Lang | undefined;
  tone?: ReplyTone | undefined;
  /** Korean only; defaults to 합쇼체 for formal/apologetic and 해요체 for friendly. */
  speechLevel?: SpeechLevel | undefined;
  shopName?: string | undefined;
  reviewerName?: string | undefined;
  /** Picks among template variants; defaults to a hash of the review so drafts are stable. */
  variant?: number | undefined;
}

/** A reply draft for an owner to edit and approve. */
export interface ReplyDraft {
  text: string;
  mood: 'positive' | 'mixed' | 'negative';
  sentiment: SentimentResult;
  keywords: string[];
  tone: ReplyTone;
  lang: Lang;
}

type Mood = ReplyDraft['mood'];

interface Parts {
  greet: string[];
  body: Record<Mood, string[]>;
  close: Record<Mood, string[]>;
}

function koParts(level: SpeechLevel, kw: string | undefined, shop: string | undefined): Parts {
  const h = level === 'hapsyo';
  const thanks = h ? '감사합니다' : '감사해요';
  const sorry = h ? '죄송합니다' : '죄송해요';
  const our = shop ? `${josa(shop, '을/를')} ` : '';
  const topic = kw ? `말씀해 주신 ${josa(kw, '이/가')} ` : '';
  return {
    greet: [
      `소중한 리뷰 남겨 주셔서 진심으로 ${thanks}.`,
      `${our}찾아 주시고 리뷰까지 남겨 주셔서 ${thanks}.`,
    ],
    body: {
      positive: [
        `${topic}마음에 드셨다니 저희도 정말 ${h ? '기쁩니다' : '기뻐요'}.`,
        `${kw ? `${josa(kw, '을/를')} ` : ''}좋게 봐 주셔서 큰 힘이 ${h ? '됩니다' : '돼요'}.`,
      ],
      mixed: [
        `좋게 봐 주신 점은 더 잘 지키고, ${kw ? `${josa(kw, '은/는')} ` : '아쉬우셨던 부분은 '}더 신경 ${h ? '쓰겠습니다' : '쓸게요'}.`,
      ],
      negative: [
        `${kw ? `${josa(kw, '으로/로')} ` : ''}불편을 드려 정말 ${sorry}.`,
        `${topic}기대에 미치지 못해 ${sorry}.`,
      ],
    },
    close: {
      positive: [
        h ? '다음에도 더 좋은 모습으로 찾아뵙겠습니다.' : '다음에도 또 들러 주세요!',
        h ? '앞으로도 변함없이 노력하겠습니다.' : '앞으로도 계속 노력할게요.',
      ],
      mixed: [
        h ? '다음 방문 때는 더 만족하실 수 있도록 하겠습니다.' : '다음에는 더 만족하실 수 있게 할게요.',
      ],
      negative: [
        h ? '말씀해 주신 부분은 바로 확인하고 개선하겠습니다.' : '말씀해 주신 부분은 바로 확인하고 고칠게요.',
        h ? '같은 일이 없도록 직원 모두 함께 점검하겠습니다.' : '같은 일이 없도록 꼼꼼히 살필게요.',
      ],
    },
  };
}

function enParts(tone: ReplyTone, kw: string | undefined, shop: string | undefined): Parts {
  const formal = tone !== 'friendly';
  const at = shop ? ` at ${shop}` : '';
  return {
    greet: [
      formal ? 'Thank you for taking the time to share your review.' : 'Thanks so much for your review!',
      formal ? `Thank you for visiting us${at} and for your feedback.` : `Thanks for stopping by${at}!`,
    ],
    body: {
      positive: [
        `We are delighted that you enjoyed ${kw ? `the ${kw}` : 'your visit'}.`,
        `It means a lot to hear ${kw ? `that the ${kw} made your day` : 'such kind words'}.`,
      ],
      mixed: [
        `We are glad you enjoyed parts of your visit, and we will look into ${kw ? `the ${kw}` : 'what fell short'}.`,
      ],
      negative: [
        `We are sorry ${kw ? `about the ${kw}` : 'that your experience fell short'}.`,
        `We apologise that ${kw ? `the ${kw} did` : 'we did'} not meet your expectations.`,
      ],
    },
    close: {
      positive: [formal ? 'We look forward to welcoming you again.' : 'Hope to see you again soon!'],
      mixed: ['We hope to do better on your next visit.'],
      negative: [
        'We are looking into this right away so it does not happen again.',
        'Please let us know if we can make this right.',
      ],
    },
  };
}

function pick<T>(items: T[], n: number): T {
  return items[n % items.length] as T;
}

// People and verdict words make odd reply topics (사장님을 좋게 봐 주셔서...).
const NOT_TOPICS = /^(?:사장|직원|알바|저희|리뷰|별점|최고|최악|staff|owner|review|star)|님$/iu;
const CONTRAST = /(?<=[가-힣](?:는데|은데|지만)[,.]?)\s+|\s+(?=(?:but|however|although|though)\b)/iu;

/** Splits a review at contrast markers (-는데, -지만, but) into clauses. */
export function contrastClauses(review: string): string[] {
  return review
    .split(CONTRAST)
    .map((c) => c.trim())
    .filter((c) => c.length > 0);
}

/** Classifies a review into positive / mixed / negative from the sentiment score. */
export function moodOf(score: number): Mood {
  if (score >= 0.2) return 'positive';
  if (score <= -0.2) return 'negative';
  return 'mixed';
}

/**
 * Drafts a reply to a shop review from templates: sentiment-aware (thanks vs apology), mentions
 * the review's main key term, in Korean (합쇼체 or 해요체, correct particles) or English.
 */
export function draftReply(review: string, options: ReplyOptions = {}): ReplyDraft {
  const lang = options.lang ?? detectLang(review);
  const sentiment = analyzeSentiment(review, lang);
  const clauses = contrastClauses(review).map((c) => ({ text: c, score: analyzeSentiment(c, lang).score }));
  const scores = clauses.map((c) => c.score);
  // a contrast marker plus clauses that disagree (or a clear drop: "맛은 괜찮은데 비싸요")
  const split =
    clauses.length >= 2 &&
    ((scores.some((v) => v >= 0.2) && scores.some((v) => v <= -0.2)) ||
      Math.max(...scores) - Math.min(...scores) >= 0.5);
  const mood = split ? 'mixed' : moodOf(sentiment.score);
  const tone = options.tone ?? (mood === 'negative' ? 'apologetic' : 'friendly');
  const topicOf = (text: string): string[] =>
    extractKeywords(text, { lang, limit: 5 })
      .map((k) => k.term)
      .filter((t) => t.length <= 20 && !NOT_TOPICS.test(t));
  const keywords = topicOf(review);
  // for mixed reviews, talk about what disappointed (the most negative clause)
  const worst = [...clauses].sort((a, b) => a.score - b.score)[0];
  const kw = (mood === 'mixed' && worst ? topicOf(worst.text)[0] : undefined) ?? keywords[0];
  const n = options.variant ?? hashString(review, 0x7e);
  const level: SpeechLevel = options.speechLevel ?? (tone === 'friendly' ? 'haeyo' : 'hapsyo');
  const parts = lang === 'ko' ? koParts(level, kw, options.shopName) : enParts(tone, kw, options.shopName);
  const name = options.reviewerName?.trim();
  const salutation = name ? (lang === 'ko' ? `${name}님, ` : `Dear ${name}, `) : '';
  const sentences = [pick(parts.greet, n), pick(parts.body[mood], n >>> 3), pick(parts.close[mood], n >>> 6)];
  if (tone === 'apologetic' && mood !== 'negative') {
    sentences.push(
      lang === 'ko'
        ? level === 'hapsyo'
          ? '부족했던 점이 있었다면 너그러이 양해 부탁드립니다.'
          : '부족한 점이 있었다면 양해 부탁드려요.'
        : 'If anything fell short, please accept our apologies.',
    );
  }
  let text = `${salutation}${sentences.join(' ')}`;
  if (tone === 'formal') text = text.replace(/!/g, '.');
  return { text, mood, sentiment, keywords, tone, lang };
}
