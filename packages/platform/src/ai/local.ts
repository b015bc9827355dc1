import * as nlp from '@app/nlp';
import type { ParsedTaskInput, TaskOutput, TextTaskName } from './tasks.js';

type LocalTask<T extends TextTaskName> = (input: ParsedTaskInput<T>) => TaskOutput<T>;

/** Name under which local results are metered and reported. */
export const LOCAL_MODEL = '@app/nlp';

/**
 * The local engine's implementation of the tasks it can do. It is the last fallback of every
 * route for these tasks. Translation, chat and essay grading have no local implementation: a
 * fake answer would be worse than a clear "not configured" error.
 */
export const localTasks: { readonly [T in TextTaskName]?: LocalTask<T> } = {
  summarize: (input) => ({
    summary: nlp.summarize(input.text, { lang: input.lang, sentences: input.maxSentences }),
  }),
  generateQuiz: (input) => ({
    items: nlp.generateQuiz(input.text, { lang: input.lang, count: input.count, types: input.types }),
  }),
  assessCefr: (input) => {
    const result = nlp.assessCefr(input.text);
    return {
      level: result.level,
      confidence: result.confidence,
      ...(result.band ? { band: result.band } : {}),
    };
  },
  analyzeSentiment: (input) => {
    const result = nlp.analyzeSentiment(input.text, input.lang);
    return { label: result.label, score: result.score };
  },
  extractKeywords: (input) => {
    const keywords = nlp.extractKeywords(input.text, { lang: input.lang, limit: input.limit });
    // The engine's scores are unbounded; the contract is 0..1 relative to the best term.
    const top = Math.max(...keywords.map((k) => k.score), Number.EPSILON);
    return { keywords: keywords.map((k) => ({ term: k.term, score: Math.max(0, k.score / top) })) };
  },
  draftReply: (input) => {
    const draft = nlp.draftReply(input.review, {
      lang: input.lang,
      tone: input.tone,
      speechLevel: input.speechLevel,
      shopName: input.shopName,
      reviewerName: input.reviewerName,
    });
    return { text: draft.text, tone: draft.tone };
  },
};

/** Runs a task on the local engine, or returns undefined when it has no implementation. */
export function runLocal<T extends TextTaskName>(
  task: T,
  input: ParsedTaskInput<T>,
): TaskOutput<T> | undefined {
  const impl = localTasks[task] as LocalTask<T> | undefined;
  return impl?.(input);
}

/** Whether the local engine can do a task. */
export function hasLocal(task: TextTaskName): boolean {
  return localTasks[task] !== undefined;
}
