export { AccessChanges, type ChatMembershipRule } from './access/index.js';
export { DEMO_ADMIN, seedPlatformDemo } from './admin/demo.js';
export {
  type AdminGrantOutcome,
  grantPlatformAdmin,
  listPlatformAdmins,
  revokePlatformAdmin,
} from './admin/first-admin.js';
export * from './ai/index.js';
export * from './app-kit/index.js';
export { type Access, type AuthContext, access, callerOf, type Grant } from './auth/access.js';
export type { Auth } from './auth/auth.js';
export {
  ApiGrant,
  type ApiGrantClient,
  type ApiGrantResult,
  ApiGrantRevokedError,
  type GrantTokens,
} from './auth/oauth/api-grant.js';
export { SecretBox, SecretBoxError, secretBoxFor } from './auth/secret-box.js';
export { Billing, type UsageCounter } from './billing/service.js';
export type { Blocks } from './blocks/service.js';
export type { CallerCheck, CallerPolicy } from './calls/policy.js';
export type { ChatGuard, ChatGuardMessage, ChatRules } from './chat/rules.js';
export {
  Collab,
  type CollabAccess,
  type CollabClient,
  type CollabNamespace,
  openCollabDocument,
  publishReauthorize,
} from './collab/index.js';
export * from './config/index.js';
export * from './csv/index.js';
export { type EmbeddedPostgres, startEmbeddedPostgres } from './db/embedded-postgres.js';
export { isUniqueViolation, uniqueToConflict } from './db/errors.js';
export { type MigrationSource, migrate, pendingMigrations, readMigrations } from './db/migrate.js';
export { appDatabase, createDb, createPool, type PlatformDb, type PlatformReadViews } from './db/pool.js';
export { Directory, type PersonSummary } from './directory/directory.js';
export type { EmailVerifiedHandler } from './directory/email-verified.js';
export * from './files/index.js';
export { type App, type BuildAppOptions, buildApp } from './http/app.js';
export { AppError, notFound } from './http/app-error.js';
export { type CursorValues, decodeCursor, encodeCursor, toPage } from './http/pagination.js';
export { grantedCaller } from './http/route-access.js';
export * from './jobs/index.js';
export { type Budget, kernelBudgets, type Limits } from './limits/limits.js';
export * from './notifications/index.js';
export { createLogger, type Logger } from './observability/logger.js';
export { type StopTracing, startTracing } from './observability/tracing.js';
export * from './outbound/index.js';
export {
  closePlatform,
  createPlatform,
  type PlatformContext,
  platformMigrations,
} from './platform-context.js';
export {
  type ChannelRefusal,
  type ChannelType,
  type ChannelVerdict,
  type ClientEventSpec,
  clientEvent,
} from './realtime/gateway/channels.js';
export * from './webhooks/index.js';
