import type { Logger } from 'pino';
import { z } from 'zod';
import { AppError } from '../http/app-error.js';
import type { AiDb } from './cache.js';
import {
  type AiContext,
  type AiResult,
  type CreditsPort,
  checkContext,
  type GatewayDeps,
  parseOrThrow,
} from './context.js';
import type { AiConfig } from './env.js';
import { type ArmReport, experimentReport, recordOutcome } from './experiments.js';
import { createProviders } from './providers.js';
import { checkRouting } from './routing.js';
import {
  createSttEngines,
  type ReadAloudInput,
  runReadAloud,
  runTranscribe,
  type SttEngines,
  type TranscribeInput,
  type transcriptSchema,
} from './run-stt.js';
import { runTask } from './run-task.js';
import { type AiStatus, aiStatus } from './status.js';
import type { ReadAloudResult } from './stt/read-aloud.js';
import type { TaskInput, TaskOutput, TextTaskName } from './tasks.js';
import { summarizeUsage, type UsageSummary } from './usage.js';

type TaskFn<T extends TextTaskName> = (
  input: TaskInput<T>,
  ctx: AiContext,
) => Promise<AiResult<TaskOutput<T>>>;

/** The AI gateway: one function per task, plus outcomes, usage and status. */
export interface AiGateway {
  summarize: TaskFn<'summarize'>;
  generateQuiz: TaskFn<'generateQuiz'>;
  assessCefr: TaskFn<'assessCefr'>;
  analyzeSentiment: TaskFn<'analyzeSentiment'>;
  extractKeywords: TaskFn<'extractKeywords'>;
  draftReply: TaskFn<'draftReply'>;
  gradeEssay: TaskFn<'gradeEssay'>;
  translate: TaskFn<'translate'>;
  chat: TaskFn<'chat'>;
  transcribe(input: TranscribeInput, ctx: AiContext): Promise<AiResult<z.output<typeof transcriptSchema>>>;
  /** Read-aloud items: which expected words were read, speech rate and pauses. */
  assessReadAloud(input: ReadAloudInput, ctx: AiContext): Promise<AiResult<ReadAloudResult>>;
  /** Records what became of an answer (e.g. the user accepted a reply draft), for A/B comparisons. */
  recordOutcome(outcome: OutcomeInput, ctx: AiContext): Promise<void>;
  /** Tokens and credits used by a user and/or app since a time. */
  usage(filter: { userId?: string; app?: string; since: Date }): Promise<UsageSummary>;
  experimentReport(experiment: string): Promise<ArmReport[]>;
  status(): Promise<AiStatus>;
}

export const outcomeInputSchema = z.object({
  requestId: z.uuid(),
  outcome: z
    .string()
    .regex(/^[a-z][a-z0-9_.-]{0,63}$/, 'a lower-case name such as accepted, edited, rejected'),
  value: z.number().finite().optional(),
});
export type OutcomeInput = z.input<typeof outcomeInputSchema>;

export interface CreateAiGatewayOptions {
  config: AiConfig;
  /** The platform's pool (or any pg-compatible `query`): cache, metering and experiments live there. */
  db: AiDb;
  logger: Logger;
  /** Replaces speech-to-text engines (tests). */
  stt?: Partial<SttEngines>;
  /** Credit enforcement from billing (the platform passes it); absent: metered, never refused. */
  credits?: CreditsPort;
}

/**
 * Creates the gateway. Providers, circuit breakers and loaded speech models live in the returned
 * object, so create one per process and share it. Throws when `AI_ROUTING` pins a prompt version
 * that does not exist.
 */
export function createAiGateway(options: CreateAiGatewayOptions): AiGateway {
  checkRouting(options.config);
  // The SDK prints provider warnings (e.g. "schema only supported with structuredOutputs", which
  // is expected in JSON mode) with console.warn on every call; route them to our debug log instead.
  const sdkGlobals = globalThis as { AI_SDK_LOG_WARNINGS?: unknown };
  if (sdkGlobals.AI_SDK_LOG_WARNINGS === undefined) {
    sdkGlobals.AI_SDK_LOG_WARNINGS = (warning: { warnings: unknown[]; provider: string; model: string }) =>
      options.logger.debug(warning, 'AI SDK warnings');
  }
  const deps: GatewayDeps = {
    config: options.config,
    db: options.db,
    logger: options.logger.child({ module: 'ai' }),
    providers: createProviders(options.config),
    credits: options.credits,
  };
  const stt: SttEngines = { ...createSttEngines(deps), ...options.stt };
  const task =
    <T extends TextTaskName>(name: T): TaskFn<T> =>
    (input, ctx) =>
      runTask(deps, name, input, ctx);

  return {
    summarize: task('summarize'),
    generateQuiz: task('generateQuiz'),
    assessCefr: task('assessCefr'),
    analyzeSentiment: task('analyzeSentiment'),
    extractKeywords: task('extractKeywords'),
    draftReply: task('draftReply'),
    gradeEssay: task('gradeEssay'),
    translate: task('translate'),
    chat: task('chat'),
    transcribe: (input, ctx) => runTranscribe(deps, stt, input, ctx),
    assessReadAloud: (input, ctx) => runReadAloud(deps, stt, input, ctx),
    async recordOutcome(raw, ctx) {
      checkContext(ctx);
      const input = parseOrThrow(outcomeInputSchema, raw, 'input');
      const recorded = await recordOutcome(deps.db, { ...input, userId: ctx.userId });
      if (!recorded)
        throw new AppError('NOT_FOUND', 'No AI answer with this requestId was found for this user.');
    },
    usage: (filter) => summarizeUsage(deps.db, filter),
    experimentReport: (experiment) => experimentReport(deps.db, experiment),
    status: () => aiStatus(deps, stt),
  };
}
