import type { AppPlatform } from '@app/platform';
import type { Difficulty, questionTypes } from '@app/studymate-contracts';
import { citePassages } from '../materials/citations.js';
import type { PassageText } from '../materials/passages.js';

type QuestionType = (typeof questionTypes)[number];

/** A generated question with its answer key, as stored. */
export interface GeneratedQuestion {
  type: QuestionType;
  prompt: string;
  choices: string[];
  answer: string;
  explanation: string;
  passage: number | null;
}

/**
 * Which question types a difficulty asks for: recognition (true/false, multiple choice) is easy,
 * recall (cloze, short answer: the learner types the term) is hard.
 */
export const typesFor: Record<Difficulty, QuestionType[]> = {
  easy: ['true-false', 'multiple-choice'],
  medium: ['multiple-choice', 'cloze', 'true-false'],
  hard: ['cloze', 'short-answer', 'multiple-choice'],
};

/** The difficulty that follows recent results: mostly right goes up, mostly wrong goes down. */
export function adaptDifficulty(recentAccuracy: number | null): Difficulty {
  if (recentAccuracy === null) return 'medium';
  if (recentAccuracy >= 0.8) return 'hard';
  if (recentAccuracy < 0.5) return 'easy';
  return 'medium';
}

/**
 * Questions from a material through the AI gateway (provider or local engine). The gateway makes
 * cloze, multiple-choice and true/false items from a source sentence; a short-answer question is a
 * cloze item asked without its sentence frame ("Which term ..."). Each keeps the passage its
 * sentence came from.
 */
export async function generateQuestions(
  ai: AppPlatform['ai'],
  ctx: { app: string; userId: string },
  input: {
    text: string;
    lang: 'ko' | 'en';
    passages: readonly PassageText[];
    count: number;
    types: QuestionType[];
  },
): Promise<{ questions: GeneratedQuestion[]; provider: string; credits: number }> {
  const gatewayTypes = [...new Set(input.types.map((type) => (type === 'short-answer' ? 'cloze' : type)))];
  const result = await ai.generateQuiz(
    { text: input.text, lang: input.lang, count: input.count, types: gatewayTypes },
    ctx,
  );
  const wantShort = input.types.includes('short-answer');
  const questions = result.value.items.map((item, index): GeneratedQuestion => {
    const source = item.sentence ?? (item.type === 'true-false' ? item.statement : item.prompt);
    const passage = citePassages(source, input.passages, 1)[0] ?? null;
    const explanation = item.sentence ?? source;
    if (item.type === 'multiple-choice')
      return {
        type: item.type,
        prompt: item.prompt,
        choices: item.choices,
        answer: item.choices[item.answerIndex] ?? '',
        explanation,
        passage,
      };
    if (item.type === 'true-false')
      return {
        type: item.type,
        prompt: item.statement,
        choices: ['true', 'false'],
        answer: item.answer ? 'true' : 'false',
        explanation,
        passage,
      };
    // Every other cloze item becomes a short answer when both were asked for.
    if (wantShort && (!input.types.includes('cloze') || index % 2 === 1))
      return {
        type: 'short-answer',
        prompt: shortAnswerPrompt(item.prompt, input.lang),
        choices: [],
        answer: item.answer,
        explanation,
        passage,
      };
    return { type: 'cloze', prompt: item.prompt, choices: [], answer: item.answer, explanation, passage };
  });
  return { questions, provider: result.provider, credits: result.credits };
}

function shortAnswerPrompt(cloze: string, lang: 'ko' | 'en'): string {
  return lang === 'ko'
    ? `빈칸에 들어갈 용어를 쓰세요: ${cloze}`
    : `Name the term that fills the gap: ${cloze}`;
}
