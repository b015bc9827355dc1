/**
 * Evaluates every shipped model on the visible dev splits and writes packages/nlp/EVAL.md.
 * Usage: npm run eval -w @app/nlp
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { assessCefrSentences } from '../cefr/cefr.js';
import { analyzeSentiment } from '../sentiment/sentiment.js';
import type { Lang } from '../text/lang.js';
import { TOXICITY_LABELS } from '../toxicity/model.js';
import { classifyToxicity } from '../toxicity/toxicity.js';
import { readSentimentSplit, readToxicitySplit, readTsv, TOXICITY_DEV_SHARE } from '../train/data.js';
import { accuracy, confusion, macroF1, perClassScores, withinAccuracy } from './metrics.js';
import { evaluatePlagiarism, type PlagiarismReport } from './plagiarism-eval.js';
import { evaluateSafetyRules } from './safety-eval.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const pkgRoot = path.resolve(here, '..', '..');

interface Timing {
  itemsPerSecond: number;
  meanMs: number;
  p50Ms: number;
  p95Ms: number;
}

function timeEach<T, R>(items: T[], fn: (item: T) => R): { results: R[]; timing: Timing } {
  for (const item of items.slice(0, 50)) fn(item); // warm-up (JIT), not counted
  const times: number[] = [];
  const results: R[] = [];
  const start = performance.now();
  for (const item of items) {
    const t = performance.now();
    results.push(fn(item));
    times.push(performance.now() - t);
  }
  const total = performance.now() - start;
  times.sort((a, b) => a - b);
  const q = (p: number): number => times[Math.min(times.length - 1, Math.floor(p * times.length))] ?? 0;
  return {
    results,
    timing: {
      itemsPerSecond: (items.length / total) * 1000,
      meanMs: total / items.length,
      p50Ms: q(0.5),
      p95Ms: q(0.95),
    },
  };
}

function sentimentEval(lang: Lang) {
  const file = lang === 'ko' ? 'ko-sentiment/dev.tsv.gz' : 'en-sentiment/dev.tsv';
  const dev = readSentimentSplit(file);
  const { results, timing } = timeEach(dev, (r) => analyzeSentiment(r.text, lang));
  const gold = dev.map((r) => r.y);
  const pred = results.map((r) => (r.label === 'positive' ? 1 : 0));
  const auto = dev.filter((r) => analyzeSentiment(r.text).lang === lang).length / dev.length;
  return {
    rows: dev.length,
    accuracy: accuracy(gold, pred),
    macroF1: macroF1(gold, pred, 2),
    detectLang: auto,
    timing,
  };
}

function toxicityEval(lang: Lang) {
  const dev = readToxicitySplit(lang, 'dev');
  const { results, timing } = timeEach(dev, (r) => classifyToxicity(r.text, lang));
  const gold = dev.map((r) => r.y);
  const pred = results.map((r) => TOXICITY_LABELS.indexOf(r.label));
  return {
    rows: dev.length,
    binaryMacroF1: macroF1(
      gold.map((g) => (g > 0 ? 1 : 0)),
      pred.map((p) => (p > 0 ? 1 : 0)),
      2,
    ),
    macroF1: macroF1(gold, pred, TOXICITY_LABELS.length),
    perClass: perClassScores(confusion(gold, pred, TOXICITY_LABELS.length)),
    timing,
  };
}

function toxicityRow(lang: Lang, t: ReturnType<typeof toxicityEval>): string {
  const classes = t.perClass.map((c) => `${num(c.precision)} / ${num(c.recall)} / ${num(c.f1)}`).join(' | ');
  return `| toxicity-${lang} (${lang}-toxicity) | ${t.rows} | ${num(t.binaryMacroF1)} | ${num(t.macroF1)} | ${classes} | ${Math.round(t.timing.itemsPerSecond)} | ${num(t.timing.p50Ms)} | ${num(t.timing.p95Ms)} |`;
}

function cefrEval() {
  const dev = readTsv('cefr-sentences/dev.tsv').map(([a, b, text]) => ({
    a: Number(a),
    b: Number(b),
    text: text ?? '',
  }));
  const { results, timing } = timeEach(dev, (r) => assessCefrSentences(r.text));
  const levels = ['A1', 'A2', 'B1', 'B2', 'C1', 'C2'];
  const pred = results.map((rs) => {
    // a dev item is one sentence; if the splitter cuts it, take the word-weighted mean distribution
    const sum = levels.map((_, k) => rs.reduce((s, r) => s + (r.probs[k] ?? 0), 0));
    return sum.indexOf(Math.max(...sum));
  });
  const goldMax = dev.map((r) => Math.max(r.a, r.b) - 1);
  const either = dev.filter((r, i) => pred[i] === r.a - 1 || pred[i] === r.b - 1).length / dev.length;
  return {
    rows: dev.length,
    exact: accuracy(goldMax, pred),
    withinOne: withinAccuracy(goldMax, pred),
    macroF1: macroF1(goldMax, pred, 6),
    matchesEitherAnnotator: either,
    annotatorAgreement: accuracy(
      dev.map((r) => r.a),
      dev.map((r) => r.b),
    ),
    timing,
  };
}

function loadProbe(): { command: string; result: Record<string, number | boolean> } {
  const dist = path.join(pkgRoot, 'dist', 'index.js');
  const probeDist = path.join(pkgRoot, 'dist', 'eval', 'load-probe.js');
  const useDist = existsSync(dist) && existsSync(probeDist);
  const args = useDist
    ? ['--expose-gc', probeDist]
    : ['--expose-gc', '--import', 'tsx', '--conditions=development', path.join(here, 'load-probe.ts')];
  const runs = [0, 1, 2].map(
    () =>
      JSON.parse(execFileSync(process.execPath, args, { encoding: 'utf8' })) as Record<
        string,
        number | boolean
      >,
  );
  runs.sort((a, b) => (a.loadMs as number) - (b.loadMs as number));
  return {
    command: `node ${args.map((a) => path.relative(pkgRoot, a) || a).join(' ')}`,
    result: runs[1] ?? {},
  };
}

const pct = (v: number): string => `${(v * 100).toFixed(2)}%`;
const num = (v: number, d = 3): string => v.toFixed(d);
const timingRow = (t: Timing): string =>
  `${Math.round(t.itemsPerSecond)} | ${num(t.meanMs)} | ${num(t.p50Ms)} | ${num(t.p95Ms)}`;

const ko = sentimentEval('ko');
const en = sentimentEval('en');
const cefr = cefrEval();
const toxKo = toxicityEval('ko');
const toxEn = toxicityEval('en');
const safety = evaluateSafetyRules(path.join(pkgRoot, 'data', 'safety-lines.tsv'));
const plag: PlagiarismReport = evaluatePlagiarism();
const probe = loadProbe();
const cpu =
  readFileSync('/proc/cpuinfo', 'utf8').match(/model name\s*:\s*(.*)/)?.[1] ?? os.cpus()[0]?.model ?? '?';
const sizes = [
  'sentiment-ko.json',
  'sentiment-en.json',
  'cefr.json',
  'cefr-vocab.json',
  'toxicity-ko.json',
  'toxicity-en.json',
].map((f) => `${f} ${(statSync(path.join(pkgRoot, 'models', f)).size / 2 ** 20).toFixed(2)} MB`);

const md = `# @app/nlp evaluation (dev splits)

Generated by \`npm run eval -w @app/nlp\` (runs \`tsx src/eval/eval.ts\`) on ${new Date().toISOString().slice(0, 10)}.
Machine: ${os.cpus().length} CPUs (\`nproc\` ${execFileSync('nproc', { encoding: 'utf8' }).trim()}), ${cpu}, Node ${process.version}, 1-minute load average ${os.loadavg()[0]?.toFixed(1)} at the end of the run
(timings are only comparable between runs on an idle machine, load < ${os.cpus().length}).
All figures are on the visible **dev** splits in \`../shared/data\`; the held-out test splits were not used.
Timings are single-threaded, after a 50-item warm-up, and include tokenization/feature extraction.

## Sentiment

| model | dev rows | accuracy | macro-F1 | lang detection correct | items/s | mean ms | p50 ms | p95 ms |
|---|---|---|---|---|---|---|---|---|
| sentiment-ko (ko-sentiment) | ${ko.rows} | ${pct(ko.accuracy)} | ${num(ko.macroF1)} | ${pct(ko.detectLang)} | ${timingRow(ko.timing)} |
| sentiment-en (en-sentiment) | ${en.rows} | ${pct(en.accuracy)} | ${num(en.macroF1)} | ${pct(en.detectLang)} | ${timingRow(en.timing)} |

Published anchors for NSMC (not directly comparable: our split is a rebuild, see the data README):
NB 74.7%, FastText 85.5%, mBERT 87.5%.

## CEFR (cefr-sentences, gold = the higher of the two annotators' levels)

| dev rows | exact | within one level | macro-F1 (6 levels) | matches either annotator | annotator A = B | items/s | mean ms | p50 ms | p95 ms |
|---|---|---|---|---|---|---|---|---|---|
| ${cefr.rows} | ${pct(cefr.exact)} | ${pct(cefr.withinOne)} | ${num(cefr.macroF1)} | ${pct(cefr.matchesEitherAnnotator)} | ${pct(cefr.annotatorAgreement)} | ${timingRow(cefr.timing)} |

## Toxicity (none / offensive / hate)

The toxicity datasets ship only a train file, so dev is carved from it: per label, a seeded
${TOXICITY_DEV_SHARE * 100}% (\`readToxicitySplit\` in \`src/train/data.ts\`); the models are trained on the rest and
their settings were chosen on a 90/10 split of that rest (\`npm run train:toxicity -w @app/nlp -- --search\`).
Korean dev rows are entertainment-news comments (BEEP!), English ones tweets (Davidson et al.): expect
lower figures on private chat. Per-class cells are precision / recall / F1.

| model | dev rows | toxic-vs-none macro-F1 | 3-class macro-F1 | none P / R / F1 | offensive P / R / F1 | hate P / R / F1 | items/s | p50 ms | p95 ms |
|---|---|---|---|---|---|---|---|---|---|
${toxicityRow('ko', toxKo)}
${toxicityRow('en', toxEn)}

Reproduce: \`npm run train:toxicity -w @app/nlp && npm run eval -w @app/nlp\`.

## Safety rules (contact information, solicitation)

\`data/safety-lines.tsv\`: ${safety.rows} hand-written language-exchange chat lines (Korean and English,
with hard negatives and evasions). The **held** part was written and committed before the rules;
the rules were then tuned on the **tune** part only. A line is positive when the rule should flag
it (any finding from \`detectContactInfo\` / \`detectSolicitation\`). Caveat: both parts were written
by the author of the rules, who had the same evasions in mind for both; the held figures are an upper
bound for real chat, not an independent test.

${safety.markdown}

Reproduce: \`npm run eval -w @app/nlp\` (the rules need no training).

## Code plagiarism (winnowing, visible code-plagiarism pairs)

${plag.markdown}

## Loading

Cold load of all shipped models (both sentiment models, CEFR model + word list, both toxicity
models, wink-nlp English model) in a fresh process, median of 3 runs: \`${probe.command}\`

| load ms | heap delta MB | RSS delta MB | external+arrayBuffers delta MB |
|---|---|---|---|
| ${num(probe.result.loadMs as number, 1)} | ${num(probe.result.heapMB as number, 1)} | ${num(probe.result.rssMB as number, 1)} | ${num(probe.result.externalMB as number, 1)} |

Model files: ${sizes.join(', ')}.
`;
writeFileSync(path.join(pkgRoot, 'EVAL.md'), md);
console.log(md);
