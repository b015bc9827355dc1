#!/usr/bin/env node
import { assessCefr } from './cefr/cefr.js';
import { parseArgs, runLines, type TaskHandler } from './cli/run.js';
import { shopInput } from './cli/shop-input.js';
import { extractKeywords } from './keywords/keywords.js';
import { analyzeShopReview } from './shop/analyze.js';
import { summarize } from './summarize/summarize.js';
import { classifyToxicity } from './toxicity/toxicity.js';

/** The CLI contract: task name -> output object for one `{ "text": ... }` line. */
const TASKS: Record<string, TaskHandler> = {
  // Shop-calibrated score -1..1. `label` keeps its old contract (positive/negative, the sign of
  // the score); `shopLabel` adds the 3-way label with the neutral band, `aspects` the aspect
  // sentiments. Optional "rating" (1-5) and "tags" (Naver keyword phrases) on the input line.
  sentiment: (text, lang, input) => {
    const r = analyzeShopReview(text, { lang, ...shopInput(input) });
    return {
      label: r.score >= 0 ? 'positive' : 'negative',
      score: r.score,
      shopLabel: r.label,
      aspects: r.aspects,
    };
  },
  cefr: (text) => {
    const r = assessCefr(text);
    return { level: r.level, confidence: r.confidence };
  },
  keywords: (text, lang) => ({ keywords: extractKeywords(text, { lang }).map((k) => k.term) }),
  summarize: (text, lang) => ({ summary: summarize(text, { lang }) }),
  toxicity: (text, lang) => {
    const r = classifyToxicity(text, lang);
    return { label: r.label, score: r.score };
  },
};

try {
  const args = parseArgs(process.argv.slice(2), Object.keys(TASKS));
  await runLines(process.stdin, process.stdout, TASKS[args.task] as TaskHandler, args.lang);
} catch (err) {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 2;
}
