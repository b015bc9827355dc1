import { appNameSchema } from '@app/contracts';
import { z } from 'zod';
import { aiEnvShape } from '../ai/env.js';
import { isSecretBoxKey } from '../auth/secret-box.js';
import { stripeEnvShape } from '../billing/stripe/env.js';
import { collabEnvShape } from '../collab/env.js';
import { filesEnvShape } from '../files/env.js';
import { jobsEnvShape } from '../jobs/env.js';
import { limitsEnvShape } from '../limits/env.js';
import { notificationsEnvShape } from '../notifications/env.js';
import { outboundEnvShape } from '../outbound/env.js';
import { webhooksEnvShape } from '../webhooks/env.js';
import { jsonEnv } from './json-env.js';

const bool = z.stringbool({ truthy: ['true', '1', 'yes', 'on'], falsy: ['false', '0', 'no', 'off'] });
const csv = z.string().transform((value) =>
  value
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part.length > 0),
);
const port = z.coerce.number().int().min(0).max(65_535);
const url = z.url({ protocol: /^https?$/ });
const postgresUrl = z.url({ protocol: /^postgres(ql)?$/ });
const positiveInt = z.coerce.number().int().positive();

/**
 * Every environment variable the platform reads, with its default. `.env.example` documents the same
 * list (a test keeps the two in step). Descriptions become the error text's hint.
 */
export const envSchema = z.object({
  ...aiEnvShape,
  ...jobsEnvShape,
  ...notificationsEnvShape,
  ...webhooksEnvShape,
  ...outboundEnvShape,
  ...filesEnvShape,
  ...limitsEnvShape,
  ...collabEnvShape,
  ...stripeEnvShape,
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: port.default(3000),
  PUBLIC_URL: url.optional(),
  ROLE: z.enum(['web', 'worker', 'all']).default('all'),
  APPS: csv.pipe(z.array(appNameSchema).min(1)).optional(),
  DATA_DIR: z.string().min(1).default('.data'),
  DATABASE_URL: postgresUrl.optional(),
  DATABASE_POOL_MAX: positiveInt.max(500).default(10),
  DATABASE_STATEMENT_TIMEOUT_MS: positiveInt.default(30_000),
  EMBEDDED_POSTGRES_PORT: port.optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  LOG_PRETTY: bool.optional(),
  CORS_ORIGINS: csv.pipe(z.array(url)).default([]),
  BODY_LIMIT_BYTES: positiveInt.max(100 * 1024 * 1024).default(1024 * 1024),
  TRUST_PROXY: z
    .union([bool, z.coerce.number().int().min(1)])
    .default(false)
    .describe('true, false, or the number of proxy hops to trust'),
  SHUTDOWN_TIMEOUT_MS: positiveInt.default(10_000),
  METRICS_TOKEN: z.string().min(16).optional(),
  METRICS_ENABLED: bool.default(true),
  OTEL_EXPORTER_OTLP_ENDPOINT: url.optional(),
  OTEL_SERVICE_NAME: z.string().min(1).default('campus'),
  JWT_PRIVATE_KEY: z
    .string()
    .regex(/-----BEGIN PRIVATE KEY-----/, 'must be a PKCS#8 PEM RSA private key (2048 bits or more)')
    .optional(),
  SECRET_BOX_KEY: csv
    .pipe(z.array(z.string().refine(isSecretBoxKey, 'each key: 32 bytes in base64')).min(1))
    .optional()
    .describe('comma-separated base64 keys of 32 bytes (openssl rand -base64 32); the first seals'),
  ACCESS_TOKEN_TTL_S: positiveInt.min(60).max(86_400).default(900),
  ADMIN_EMAILS: csv
    .pipe(z.array(z.email().max(320)))
    .default([])
    .describe('comma-separated email addresses made platform admins when they verify'),
  REFRESH_TOKEN_TTL_S: positiveInt
    .min(3_600)
    .max(90 * 86_400)
    .default(7 * 86_400),
  GOOGLE_CLIENT_ID: z.string().min(1).optional(),
  GOOGLE_CLIENT_SECRET: z.string().min(1).optional(),
  MICROSOFT_CLIENT_ID: z.string().min(1).optional(),
  MICROSOFT_CLIENT_SECRET: z.string().min(1).optional(),
  MICROSOFT_TENANT: z
    .string()
    .regex(/^[A-Za-z0-9.-]{1,64}$/)
    .default('organizations'),
  GITHUB_CLIENT_ID: z.string().min(1).optional(),
  GITHUB_CLIENT_SECRET: z.string().min(1).optional(),
  NAVER_CLIENT_ID: z.string().min(1).optional(),
  NAVER_CLIENT_SECRET: z.string().min(1).optional(),
  KAKAO_CLIENT_ID: z.string().min(1).optional(),
  KAKAO_CLIENT_SECRET: z.string().min(1).optional(),
  OAUTH_ENDPOINTS: jsonEnv(
    z.partialRecord(
      z.enum(['google', 'microsoft', 'github', 'naver', 'kakao']),
      z.object({
        issuer: url.optional(),
        authorize: url.optional(),
        token: url.optional(),
        userinfo: url.optional(),
      }),
    ),
  )
    .optional()
    .describe(
      'JSON overriding provider endpoints, e.g. {"github":{"authorize":"...","token":"...","userinfo":"..."}}',
    ),
  TURN_SECRET: z.string().min(16).optional(),
  TURN_URLS: csv
    .pipe(z.array(z.string().regex(/^turns?:[^\s]+$/, 'must be turn: or turns: URLs')))
    .default([]),
  STUN_URLS: csv
    .pipe(z.array(z.string().regex(/^stuns?:[^\s]+$/, 'must be stun: or stuns: URLs')))
    .default([]),
  PRESENCE_GRACE_MS: positiveInt.max(600_000).default(30_000),
  PRESENCE_HEARTBEAT_MS: positiveInt.min(50).max(60_000).default(10_000),
  PRESENCE_TTL_MS: positiveInt.min(100).max(300_000).default(30_000),
  CALL_RING_TIMEOUT_MS: positiveInt.min(100).max(300_000).default(45_000),
  TURN_CREDENTIAL_TTL_S: positiveInt.min(60).max(86_400).default(3_600),
  SMTP_URL: z.url({ protocol: /^smtps?$/ }).optional(),
  MAIL_FROM: z.string().min(3).default('Campus <no-reply@campus.localhost>'),
  REDIS_URL: z.url({ protocol: /^rediss?$/ }).optional(),
  REDIS_KEY_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9._:-]{1,64}$/, 'letters, digits and . _ : - only')
    .default('campus:'),
  INSTANCE_ID: z
    .string()
    .regex(/^[A-Za-z0-9._-]{1,64}$/)
    .optional(),
});

/** Variables as read from the environment (all strings). */
export type RawEnv = Record<string, string | undefined>;
export type ParsedEnv = z.infer<typeof envSchema>;
