export {
  aggregateCefr,
  assessCefr,
  assessCefrSentences,
  type CefrResult,
  type CefrSentenceResult,
} from './cefr/cefr.js';
export { CEFR_LEVELS, type CefrLevel } from './cefr/levels.js';
export { extractKeywords, type Keyword, type KeywordOptions } from './keywords/keywords.js';
export { josa } from './ko/josa.js';
export { nounCore, stripParticle } from './ko/morph.js';
export {
  compareFingerprints,
  comparePlagiarism,
  corpusWeights,
  type FingerprintEntry,
  fingerprintCode,
  fingerprintText,
  type PlagiarismMatch,
  type Span,
} from './plagiarism/winnow.js';
export { generateQuiz, type QuizItem, type QuizOptions, type QuizType } from './quiz/quiz.js';
export {
  draftReply,
  type ReplyDraft,
  type ReplyOptions,
  type ReplyTone,
  type SpeechLevel,
} from './reply/reply.js';
export { type ContactFinding, type ContactKind, detectContactInfo } from './safety/contact.js';
export { normalizeForSafety } from './safety/normalize.js';
export { type ScreenResult, screenMessage } from './safety/screen.js';
export {
  detectSolicitation,
  type SolicitationFinding,
  type SolicitationKind,
} from './safety/solicitation.js';
export { analyzeSentiment, type SentimentResult } from './sentiment/sentiment.js';
export {
  type AspectSentiment,
  analyzeShopReview,
  type ShopLabel,
  type ShopReviewAnalysis,
  type ShopReviewOptions,
} from './shop/analyze.js';
export { ASPECT_TERMS, SHOP_ASPECTS, type ShopAspect } from './shop/aspects.js';
export { type KeywordTag, lookupTag, NAVER_KEYWORD_TAGS } from './shop/tags.js';
export {
  type KeywordTrend,
  type KeywordTrendOptions,
  keywordTrends,
  rankKeywordTrends,
} from './shop/trends.js';
export {
  type RankedSentence,
  rankSentences,
  type SummarizeOptions,
  summarize,
} from './summarize/summarize.js';
export { detectLang, hangulRatio, type Lang } from './text/lang.js';
export { splitSentences } from './text/sentences.js';
export type { ToxicityLabel } from './toxicity/model.js';
export { classifyToxicity, type ToxicityResult } from './toxicity/toxicity.js';
