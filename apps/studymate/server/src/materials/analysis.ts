import { detectLang, extractKeywords, splitSentences, summarize } from '@app/nlp';
import { AppError, type AppPlatform } from '@app/platform';
import type { Analysis } from '@app/studymate-contracts';
import { APP } from '../deps.js';
import { citePassages, passageOfTerm } from './citations.js';
import type { PassageText } from './passages.js';

/** The AI gateway reads at most this much of a material (its input limit). */
export const ANALYSIS_MAX_CHARS = 50_000;

export type AnalysisValue = Omit<Analysis, 'createdAt'> & { model: string | null };

/** The text the analysis reads: whole passages, in order, up to the gateway's limit. */
export function analysisText(passages: readonly PassageText[]): string {
  let text = '';
  for (const passage of passages) {
    if (text.length + passage.text.length + 2 > ANALYSIS_MAX_CHARS) break;
    text = text ? `${text}\n\n${passage.text}` : passage.text;
  }
  return text || (passages[0]?.text.slice(0, ANALYSIS_MAX_CHARS) ?? '');
}

/**
 * A material's summary (each sentence with the passages it came from) and key terms (each with the
 * passage that explains it), through the AI gateway (a provider when configured, credits charged;
 * the local engine otherwise). With the credits used up, the local engine writes it, free.
 */
export async function analyse(
  platform: AppPlatform,
  userId: string,
  passages: readonly PassageText[],
): Promise<AnalysisValue> {
  const text = analysisText(passages);
  const lang = detectLang(text);
  const maxSentences = Math.min(10, Math.max(3, Math.ceil(passages.length / 4)));
  const ctx = { app: APP, userId };
  let summaryText: string;
  let terms: { term: string; score: number }[];
  let provider = 'local';
  let model: string | null = null;
  let credits = 0;
  try {
    const summary = await platform.ai.summarize({ text, lang, maxSentences }, ctx);
    const keywords = await platform.ai.extractKeywords({ text, lang, limit: 12 }, ctx);
    summaryText = summary.value.summary;
    terms = keywords.value.keywords;
    provider = summary.provider;
    model = summary.model ?? null;
    credits = summary.credits + keywords.credits;
  } catch (error) {
    if (!(error instanceof AppError && error.code === 'PLAN_LIMIT')) throw error;
    summaryText = summarize(text, { lang, sentences: maxSentences });
    terms = extractKeywords(text, { lang, limit: 12 });
  }
  return {
    summary: splitSentences(summaryText).map((sentence) => ({
      text: sentence,
      passages: citePassages(sentence, passages),
    })),
    keyTerms: terms.map(({ term, score }) => ({ term, score, passage: passageOfTerm(term, passages) })),
    provider,
    model,
    credits,
  };
}
