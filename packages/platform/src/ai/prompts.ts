import type { ParsedTaskInput, TextTaskName } from './tasks.js';

/** What a template renders: a system prompt and the conversation sent to the model. */
export interface RenderedPrompt {
  system: string;
  messages: { role: 'user' | 'assistant'; content: string }[];
}

type Template<T extends TextTaskName> = (input: ParsedTaskInput<T>) => RenderedPrompt;

/**
 * Prompt templates by task and version. A published version never changes: the version is part
 * of the cache key and of recorded usage, so changing a prompt means adding a version (and an A/B
 * arm can pin an older one). The highest version is the default.
 */
export const promptRegistry: { readonly [T in TextTaskName]: Readonly<Record<number, Template<T>>> } = {
  summarize: {
    1: (input) =>
      ask(
        'You summarize study material faithfully, without adding facts. Answer in the language of the text.',
        `Summarize the text below${input.maxSentences ? ` in at most ${input.maxSentences} sentences` : ''}.` +
          ' Return {"summary": string}.',
        input.text,
      ),
  },
  generateQuiz: {
    1: (input) =>
      ask(
        'You write quiz questions that test understanding of the given study material only.',
        `Write ${input.count ?? 5} questions of the types ${(input.types ?? ['cloze', 'multiple-choice', 'true-false']).join(', ')}.` +
          ' Return {"items": [...]} where each item is one of' +
          ' {"type":"cloze","prompt":"sentence with _____","answer":string,"sentence":source sentence},' +
          ' {"type":"multiple-choice","prompt":string,"choices":[string],"answerIndex":number,"sentence":string},' +
          ' {"type":"true-false","statement":string,"answer":boolean,"sentence":string}.' +
          ' Use the language of the material.',
        input.text,
      ),
  },
  assessCefr: {
    1: (input) =>
      ask(
        'You are an experienced CEFR examiner for English.',
        'Rate the CEFR level (A1..C2) of the English text below by its vocabulary and grammar.' +
          ' Return {"level": "A1".."C2", "confidence": 0..1, "band": {"low": level, "high": level}} where band' +
          ' spans the levels of its sentences.',
        input.text,
      ),
  },
  analyzeSentiment: {
    1: (input) =>
      ask(
        'You classify the sentiment of customer reviews and comments (Korean or English).',
        'Classify the overall sentiment of the text below. Return {"label": "positive"|"negative",' +
          ' "score": number from -1 (very negative) to 1 (very positive)}.',
        input.text,
      ),
  },
  extractKeywords: {
    1: (input) =>
      ask(
        'You extract the key terms of a text: nouns and noun phrases as they appear, no particles (조사).',
        `List at most ${input.limit ?? 10} key terms of the text below, most important first.` +
          ' Return {"keywords": [{"term": string, "score": 0..1}]}.',
        input.text,
      ),
  },
  draftReply: {
    1: (input) => {
      const tone = input.tone
        ? `Use a ${input.tone} tone.`
        : 'Use a friendly tone, or an apologetic one for a negative review.';
      const shop = input.shopName ? ` The shop is called "${input.shopName}".` : '';
      const reviewer = input.reviewerName ? ` The reviewer is ${input.reviewerName}.` : '';
      const level =
        input.speechLevel === 'haeyo' ? ' In Korean use 해요체.' : ' In Korean use 합쇼체 (-습니다).';
      return ask(
        `You draft replies from a small shop owner to customer reviews. Be sincere and specific, never promise refunds or compensation.${shop}${reviewer}${level}`,
        `Draft a reply to the review below, in the language of the review, 2-4 sentences. ${tone}` +
          ' Return {"text": string, "tone": "friendly"|"formal"|"apologetic"} with the tone you used.',
        input.review,
      );
    },
  },
  gradeEssay: {
    1: (input) => {
      const rubric = input.rubric?.length
        ? `Criteria: ${input.rubric.map((c) => `${c.criterion} (max ${c.maxScore})`).join('; ')}.`
        : 'Use criteria: content, organization, language use.';
      const question = input.prompt ? `The essay question was: ${input.prompt}\n` : '';
      return ask(
        'You grade student essays fairly and explain each score briefly, so a teacher can review it.',
        `${question}Grade the essay below out of ${input.maxScore}. ${rubric}` +
          ` Return {"score": number, "maxScore": ${input.maxScore}, "feedback": string,` +
          ' "criteria": [{"criterion": string, "score": number, "maxScore": number, "comment": string}]}.',
        input.essay,
      );
    },
  },
  translate: {
    1: (input) =>
      ask(
        'You are a professional translator. Keep meaning, tone and formatting; translate names only when customary.',
        `Translate the text below${input.from ? ` from ${input.from}` : ''} into ${input.to}.` +
          ' Return {"text": translation, "from": source language tag}.',
        input.text,
      ),
  },
  chat: {
    1: (input) => ({
      system: input.system ?? 'You are a helpful, concise assistant for learners and teachers.',
      messages: input.messages,
    }),
  },
};

function ask(system: string, instruction: string, material: string): RenderedPrompt {
  // The material is fenced so instructions inside it read as data, not as orders.
  return {
    system,
    messages: [{ role: 'user', content: `${instruction}\n\n<text>\n${material}\n</text>` }],
  };
}

/** The newest version of a task's prompt. */
export function latestPromptVersion(task: TextTaskName): number {
  return Math.max(...Object.keys(promptRegistry[task]).map(Number));
}

/** Renders a task's prompt at a version; an unknown version is a configuration error. */
export function renderPrompt<T extends TextTaskName>(
  task: T,
  version: number,
  input: ParsedTaskInput<T>,
): RenderedPrompt {
  const template = (promptRegistry[task] as Readonly<Record<number, Template<T>>>)[version];
  if (!template) throw new Error(`No prompt version ${version} for task ${task}`);
  return template(input);
}
