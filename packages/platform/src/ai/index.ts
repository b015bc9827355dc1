export type { AiDb } from './cache.js';
export { purgeExpiredAiCache } from './cache.js';
export type { AiContext, AiResult } from './context.js';
export { type AiConfig, type AiEnv, aiEnvShape, loadAiConfig, toAiConfig } from './env.js';
export type { ArmReport } from './experiments.js';
export {
  type AiGateway,
  type CreateAiGatewayOptions,
  createAiGateway,
  type OutcomeInput,
} from './gateway.js';
export { promptRegistry } from './prompts.js';
export { type AiRoutesOptions, aiRoutes } from './routes.js';
export type { ReadAloudInput, TranscribeInput } from './run-stt.js';
export { type AiStatus, aiStatusSchema } from './status.js';
export { type ReadAloudResult, readAloudResultSchema } from './stt/read-aloud.js';
export type { SpeechToText, Transcript, TranscriptionRequest } from './stt/types.js';
export {
  type TaskInput,
  type TaskOutput,
  type TextTaskName,
  taskInputSchemas,
  taskOutputSchemas,
  textTaskNames,
} from './tasks.js';
export type { UsageSummary } from './usage.js';
