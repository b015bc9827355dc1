/**
 * Measures cold model loading in a fresh process: imports the package, loads every shipped model,
 * prints one JSON line with time and heap/RSS deltas. Run with --expose-gc for stable numbers.
 */
const gc = (globalThis as { gc?: () => void }).gc;
gc?.();
const before = process.memoryUsage();
const started = performance.now();
const entry = process.argv[2] ?? '../index.js';
const nlp = (await import(entry)) as typeof import('../index.js');
nlp.analyzeSentiment('준비', 'ko');
nlp.analyzeSentiment('ready', 'en');
nlp.assessCefr('Ready.');
nlp.classifyToxicity('준비', 'ko');
nlp.classifyToxicity('ready', 'en');
const elapsed = performance.now() - started;
gc?.();
const after = process.memoryUsage();
process.stdout.write(
  `${JSON.stringify({
    loadMs: elapsed,
    heapMB: (after.heapUsed - before.heapUsed) / 2 ** 20,
    rssMB: (after.rss - before.rss) / 2 ** 20,
    externalMB: (after.external + after.arrayBuffers - before.external - before.arrayBuffers) / 2 ** 20,
    gc: gc !== undefined,
  })}\n`,
);
