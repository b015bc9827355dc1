import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { Lang } from '../text/lang.js';

/**
 * A CLI task: turns one input text into the JSON object written for that line. `input` is the
 * whole parsed line, for tasks that read more fields than `text`.
 */
export type TaskHandler = (
  text: string,
  lang: Lang | undefined,
  input: Record<string, unknown>,
) => Record<string, unknown>;

/** Parsed command line. */
export interface CliArgs {
  task: string;
  lang?: Lang;
}

/** Parses `<task> [--lang ko|en]`; throws with a usage message on anything else. */
export function parseArgs(argv: string[], tasks: readonly string[]): CliArgs {
  const usage = `usage: cli.js <${tasks.join('|')}> [--lang ko|en]`;
  let task: string | undefined;
  let lang: Lang | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    let value: string | undefined;
    if (arg === '--lang') value = argv[++i];
    else if (arg.startsWith('--lang=')) value = arg.slice('--lang='.length);
    else if (arg.startsWith('-') || task !== undefined)
      throw new Error(`unexpected argument ${arg}\n${usage}`);
    else {
      task = arg;
      continue;
    }
    if (value !== 'ko' && value !== 'en') throw new Error(`--lang must be ko or en\n${usage}`);
    lang = value;
  }
  if (task === undefined || !tasks.includes(task)) throw new Error(usage);
  return lang ? { task, lang } : { task };
}

/** Handles one input line; never throws (errors become `{ error }`). */
export function processLine(
  line: string,
  handler: TaskHandler,
  lang: Lang | undefined,
): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(line);
  } catch {
    return { error: 'invalid JSON' };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return { error: 'expected a JSON object with a "text" string' };
  }
  const input = parsed as Record<string, unknown>;
  const text = input.text;
  if (typeof text !== 'string') return { error: 'expected a JSON object with a "text" string' };
  try {
    return handler(text, lang, input);
  } catch (err) {
    return { error: err instanceof Error ? err.message : String(err) };
  }
}

/** Streams JSON lines from `input` to `output`, one result line per input line. */
export async function runLines(
  input: Readable,
  output: Writable,
  handler: TaskHandler,
  lang: Lang | undefined,
): Promise<void> {
  const rl = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
  for await (const line of rl) {
    const result = processLine(line, handler, lang);
    if (!output.write(`${JSON.stringify(result)}\n`)) {
      await new Promise<void>((resolve) => output.once('drain', () => resolve()));
    }
  }
}
