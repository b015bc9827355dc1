import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import path from 'node:path';
import type { AppName } from '@app/contracts';
import type { z } from 'zod';
import { type AiConfig, toAiConfig } from '../ai/env.js';
import { type SecretBoxConfig, secretBoxKeyFile } from '../auth/secret-box.js';
import { type StripeConfig, toStripeConfig } from '../billing/stripe/env.js';
import { type CollabConfig, toCollabConfig } from '../collab/env.js';
import { type FilesConfig, toFilesConfig } from '../files/env.js';
import { type JobsConfig, toJobsConfig } from '../jobs/env.js';
import { type LimitsConfig, toLimitsConfig } from '../limits/env.js';
import { type NotificationsConfig, toNotificationsConfig } from '../notifications/env.js';
import type { OutboundConfig } from '../outbound/config.js';
import { toOutboundConfig } from '../outbound/env.js';
import { toWebhooksConfig, type WebhooksConfig } from '../webhooks/env.js';
import { envSchema, type ParsedEnv, type RawEnv } from './env-schema.js';

/** The process role: `web` serves HTTP and WebSocket, `worker` runs jobs, `all` does both. */
export type Role = 'web' | 'worker' | 'all';

/** The platform's configuration: parsed once at boot, nested, typed and deeply frozen. */
export interface Config {
  readonly env: 'development' | 'production' | 'test';
  readonly isProduction: boolean;
  readonly role: Role;
  /** The apps `APPS` names; undefined mounts every app the host defines (the host checks the names). */
  readonly apps: readonly AppName[] | undefined;
  readonly dataDir: string;
  readonly instanceId: string;
  readonly server: {
    readonly host: string;
    readonly port: number;
    /** Browser-visible base URL of the platform. */
    readonly publicUrl: string;
    readonly trustProxy: boolean | number;
    readonly bodyLimitBytes: number;
    readonly corsOrigins: readonly string[];
    readonly shutdownTimeoutMs: number;
  };
  readonly database: {
    /** Unset means: start the embedded PostgreSQL in `dataDir/postgres`. */
    readonly url: string | undefined;
    readonly poolMax: number;
    readonly statementTimeoutMs: number;
    readonly embeddedPort: number | undefined;
  };
  readonly auth: {
    /** PEM of the Ed25519 signing key; unset = keys generated and kept in the database. */
    readonly jwtPrivateKey: string | undefined;
    readonly accessTtlS: number;
    readonly refreshTtlS: number;
    /** Sign-in providers whose client id and secret are both set. */
    readonly oauth: Readonly<Partial<Record<OAuthProviderId, OAuthClientConfig>>>;
    /** Addresses (lowercase) made platform admins when the account's email is verified. */
    readonly adminEmails: readonly string[];
  };
  /** Keys of the secret box that keeps reusable secrets at rest (auth/secret-box.ts). */
  readonly secretBox: SecretBoxConfig;
  readonly mail: {
    /** Unset = mail is captured in the dev outbox table instead of being sent. */
    readonly smtpUrl: string | undefined;
    readonly from: string;
  };
  readonly redis: { readonly url: string | undefined; readonly keyPrefix: string };
  readonly realtime: {
    /** Shared secret of the TURN server's REST API (coturn `static-auth-secret`). */
    readonly turnSecret: string | undefined;
    readonly turnUrls: readonly string[];
    readonly stunUrls: readonly string[];
    readonly turnCredentialTtlS: number;
    readonly presence: { readonly graceMs: number; readonly heartbeatMs: number; readonly ttlMs: number };
    /** How long a call rings before it counts as missed. */
    readonly ringTimeoutMs: number;
  };
  /** AI providers, routing, cache and speech to text (docs/ai.md). */
  readonly ai: AiConfig;
  /** Job queue and worker (docs/background-work.md). */
  readonly jobs: JobsConfig;
  /** Web push identity and the daily digest. */
  readonly notifications: NotificationsConfig;
  /** Outgoing webhooks: time limit, disabling after failures. */
  readonly webhooks: WebhooksConfig;
  /** Online payment (docs/billing.md); undefined when Stripe is not configured. */
  readonly stripe: StripeConfig | undefined;
  /** Requests to URLs the server did not write (webhooks, push, OAuth): SSRF allow-list, resolver. */
  readonly outbound: OutboundConfig;
  /** Uploads: storage driver, limits per purpose, quotas, signed URLs. */
  readonly files: FilesConfig;
  /** Per-user budgets (RATE_LIMITS overrides) and the socket cap (docs/realtime.md). */
  readonly limits: LimitsConfig;
  /** Rate limits and caps of collaborative documents on `/collab` (docs/collab.md). */
  readonly collab: CollabConfig;
  readonly log: { readonly level: ParsedEnv['LOG_LEVEL']; readonly pretty: boolean };
  /** `/metrics`: off when `enabled` is false; with a token it needs `Authorization: Bearer <token>`. */
  readonly metrics: { readonly enabled: boolean; readonly token: string | undefined };
  readonly telemetry: { readonly otlpEndpoint: string | undefined; readonly serviceName: string };
}

/** Thrown when the environment is invalid; the message names every offending variable. */
export class ConfigError extends Error {
  constructor(readonly problems: readonly { variable: string; message: string }[]) {
    super(
      `Invalid configuration:\n${problems.map((p) => `  ${p.variable}: ${p.message}`).join('\n')}\n` +
        'See .env.example for every variable and its meaning.',
    );
    this.name = 'ConfigError';
  }
}

/**
 * Parses the environment into a frozen `Config`. Empty strings count as unset, so `FOO=` in an env
 * file falls back to the default. Throws `ConfigError` naming each bad variable (values are never
 * echoed: they may be secrets).
 */
export function loadConfig(raw: RawEnv = process.env, overrides: { role?: Role } = {}): Config {
  const cleaned: RawEnv = {};
  for (const key of Object.keys(envSchema.shape)) {
    const value = raw[key];
    // PEM keys keep their line breaks; everything else is trimmed.
    if (value !== undefined && value.trim() !== '')
      cleaned[key] = key === 'JWT_PRIVATE_KEY' ? value : value.trim();
  }
  const result = envSchema.safeParse(cleaned);
  if (!result.success) throw new ConfigError(describeIssues(result.error));
  const env = result.data;
  // Production never serves /metrics to anyone who asks: it names routes, pool sizes, job queues.
  if (env.NODE_ENV === 'production' && env.METRICS_ENABLED && !env.METRICS_TOKEN)
    throw new ConfigError([
      {
        variable: 'METRICS_TOKEN',
        message:
          'required in production, or /metrics would be public (at least 16 characters; ' +
          'or set METRICS_ENABLED=false to turn /metrics off)',
      },
    ]);
  const port = env.PORT;
  return deepFreeze({
    env: env.NODE_ENV,
    isProduction: env.NODE_ENV === 'production',
    role: overrides.role ?? env.ROLE,
    apps: env.APPS,
    dataDir: path.resolve(env.DATA_DIR),
    instanceId: env.INSTANCE_ID ?? `${hostname()}-${process.pid}-${randomBytes(3).toString('hex')}`,
    server: {
      host: env.HOST,
      port,
      // Unset: where this server listens, as the start banner prints it, so links in mail, calendars
      // and the API docs open on the same origin (cookies are per host: localhost is another one).
      publicUrl: (env.PUBLIC_URL ?? `http://${urlHost(env.HOST)}:${port}`).replace(/\/+$/, ''),
      trustProxy: env.TRUST_PROXY,
      bodyLimitBytes: env.BODY_LIMIT_BYTES,
      corsOrigins: env.CORS_ORIGINS,
      shutdownTimeoutMs: env.SHUTDOWN_TIMEOUT_MS,
    },
    database: {
      url: env.DATABASE_URL,
      poolMax: env.DATABASE_POOL_MAX,
      statementTimeoutMs: env.DATABASE_STATEMENT_TIMEOUT_MS,
      embeddedPort: env.EMBEDDED_POSTGRES_PORT,
    },
    auth: {
      jwtPrivateKey: env.JWT_PRIVATE_KEY,
      accessTtlS: env.ACCESS_TOKEN_TTL_S,
      refreshTtlS: env.REFRESH_TOKEN_TTL_S,
      oauth: oauthClients(env),
      adminEmails: env.ADMIN_EMAILS.map((email) => email.toLowerCase()),
    },
    secretBox: { keys: env.SECRET_BOX_KEY ?? [], keyFile: secretBoxKeyFile(path.resolve(env.DATA_DIR)) },
    mail: { smtpUrl: env.SMTP_URL, from: env.MAIL_FROM },
    redis: { url: env.REDIS_URL, keyPrefix: env.REDIS_KEY_PREFIX },
    realtime: {
      turnSecret: env.TURN_SECRET,
      turnUrls: env.TURN_URLS,
      stunUrls: env.STUN_URLS,
      turnCredentialTtlS: env.TURN_CREDENTIAL_TTL_S,
      ringTimeoutMs: env.CALL_RING_TIMEOUT_MS,
      presence: {
        graceMs: env.PRESENCE_GRACE_MS,
        heartbeatMs: env.PRESENCE_HEARTBEAT_MS,
        ttlMs: env.PRESENCE_TTL_MS,
      },
    },
    ai: toAiConfig(env),
    jobs: toJobsConfig(env),
    notifications: toNotificationsConfig(env),
    webhooks: toWebhooksConfig(env),
    stripe: toStripeConfig(env),
    outbound: toOutboundConfig(env),
    files: toFilesConfig(env),
    limits: toLimitsConfig(env),
    collab: toCollabConfig(env),
    log: {
      level: env.LOG_LEVEL,
      pretty: env.LOG_PRETTY ?? (env.NODE_ENV === 'development' && process.stdout.isTTY),
    },
    metrics: { enabled: env.METRICS_ENABLED, token: env.METRICS_TOKEN },
    telemetry: { otlpEndpoint: env.OTEL_EXPORTER_OTLP_ENDPOINT, serviceName: env.OTEL_SERVICE_NAME },
  });
}

/** The sign-in providers we know. */
export type OAuthProviderId = 'google' | 'microsoft' | 'github' | 'naver' | 'kakao';

/** Client credentials of one provider, plus endpoint overrides (self-hosted or test servers). */
export interface OAuthClientConfig {
  readonly clientId: string;
  readonly clientSecret: string;
  readonly tenant?: string;
  readonly endpoints: {
    readonly issuer?: string;
    readonly authorize?: string;
    readonly token?: string;
    readonly userinfo?: string;
  };
}

function oauthClients(env: ParsedEnv): Partial<Record<OAuthProviderId, OAuthClientConfig>> {
  const pairs: [OAuthProviderId, string | undefined, string | undefined][] = [
    ['google', env.GOOGLE_CLIENT_ID, env.GOOGLE_CLIENT_SECRET],
    ['microsoft', env.MICROSOFT_CLIENT_ID, env.MICROSOFT_CLIENT_SECRET],
    ['github', env.GITHUB_CLIENT_ID, env.GITHUB_CLIENT_SECRET],
    ['naver', env.NAVER_CLIENT_ID, env.NAVER_CLIENT_SECRET],
    ['kakao', env.KAKAO_CLIENT_ID, env.KAKAO_CLIENT_SECRET],
  ];
  const clients: Partial<Record<OAuthProviderId, OAuthClientConfig>> = {};
  for (const [id, clientId, clientSecret] of pairs) {
    if (!clientId || !clientSecret) continue;
    clients[id] = {
      clientId,
      clientSecret,
      ...(id === 'microsoft' ? { tenant: env.MICROSOFT_TENANT } : {}),
      endpoints: env.OAUTH_ENDPOINTS?.[id] ?? {},
    };
  }
  return clients;
}

/** Returns a copy of `config` with some fields replaced (tests and tools), frozen again. */
export function withConfig(
  config: Config,
  patch: { database?: Partial<Config['database']>; outbound?: Partial<OutboundConfig> },
): Config {
  return deepFreeze({
    ...config,
    database: { ...config.database, ...patch.database },
    outbound: { ...config.outbound, ...patch.outbound },
  });
}

function describeIssues(error: z.ZodError): { variable: string; message: string }[] {
  return error.issues.map((issue) => {
    const variable = String(issue.path[0] ?? '(environment)');
    const hint = envSchema.shape[variable as keyof typeof envSchema.shape]?.description;
    return { variable, message: hint ? `${issue.message} (${hint})` : issue.message };
  });
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/** The host part of a URL for a listen address: a wildcard becomes localhost, IPv6 gets brackets. */
function urlHost(host: string): string {
  if (host === '0.0.0.0' || host === '::') return 'localhost';
  return host.includes(':') ? `[${host}]` : host;
}
