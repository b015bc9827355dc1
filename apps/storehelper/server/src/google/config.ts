import { ConfigError, type RawEnv } from '@app/platform';
import { z } from 'zod';

const url = z.url({ protocol: /^https?$/ }).transform((value) => value.replace(/\/+$/, ''));
const positiveInt = z.coerce.number().int().positive();

/** The variables of the Google Business Profile connector (documented in docs/storehelper.md (Google Business Profile)). */
const googleEnvSchema = z.object({
  GOOGLE_BUSINESS_CLIENT_ID: z.string().min(1).optional(),
  GOOGLE_BUSINESS_CLIENT_SECRET: z.string().min(1).optional(),
  GOOGLE_BUSINESS_AUTHORIZE_URL: url.default('https://accounts.google.com/o/oauth2/v2/auth'),
  GOOGLE_BUSINESS_TOKEN_URL: url.default('https://oauth2.googleapis.com/token'),
  GOOGLE_BUSINESS_REVOKE_URL: url.default('https://oauth2.googleapis.com/revoke'),
  GOOGLE_BUSINESS_ACCOUNTS_API_BASE: url.default('https://mybusinessaccountmanagement.googleapis.com/v1'),
  GOOGLE_BUSINESS_INFORMATION_API_BASE: url.default(
    'https://mybusinessbusinessinformation.googleapis.com/v1',
  ),
  GOOGLE_BUSINESS_API_BASE: url.default('https://mybusiness.googleapis.com/v4'),
  GOOGLE_BUSINESS_TIMEOUT_MS: positiveInt.min(100).max(120_000).default(15_000),
  GOOGLE_BUSINESS_MAX_ATTEMPTS: positiveInt.max(10).default(4),
  GOOGLE_BUSINESS_RETRY_BASE_MS: positiveInt.max(60_000).default(500),
  GOOGLE_BUSINESS_RETRY_MAX_MS: positiveInt.max(600_000).default(60_000),
});

/** Every variable the connector reads. */
export const googleEnvVariables = Object.keys(googleEnvSchema.shape);

/** The variables that turn the connector on. */
export const GOOGLE_CREDENTIAL_VARIABLES = [
  'GOOGLE_BUSINESS_CLIENT_ID',
  'GOOGLE_BUSINESS_CLIENT_SECRET',
] as const;

/** The connector's settings, parsed once at boot. */
export interface GoogleConfig {
  /** The OAuth client; undefined when not configured (connecting answers 409 naming the variables). */
  readonly client: { readonly id: string; readonly secret: string } | undefined;
  readonly oauth: { readonly authorize: string; readonly token: string; readonly revoke: string };
  /** API bases: Account Management v1, Business Information v1, and v4 (reviews, replies). */
  readonly api: { readonly accounts: string; readonly businessInformation: string; readonly reviews: string };
  /** Per request, redirects included. */
  readonly timeoutMs: number;
  /** Attempts of one request that meets 429, 5xx or no answer (the first included). */
  readonly maxAttempts: number;
  /** First backoff (doubles each attempt, with jitter). */
  readonly retryBaseMs: number;
  /** Longest single wait; a longer Retry-After gives up until the next run. */
  readonly retryMaxMs: number;
}

/**
 * Reads the connector's variables (`process.env` at boot). Throws `ConfigError` naming each bad
 * variable, or when only one of the client id and secret is set.
 */
export function googleConfigFromEnv(env: RawEnv): GoogleConfig {
  const cleaned: RawEnv = {};
  for (const key of Object.keys(googleEnvSchema.shape)) {
    const value = env[key]?.trim();
    if (value) cleaned[key] = value;
  }
  const parsed = googleEnvSchema.safeParse(cleaned);
  if (!parsed.success)
    throw new ConfigError(
      parsed.error.issues.map((issue) => ({ variable: String(issue.path[0]), message: issue.message })),
    );
  const e = parsed.data;
  if (Boolean(e.GOOGLE_BUSINESS_CLIENT_ID) !== Boolean(e.GOOGLE_BUSINESS_CLIENT_SECRET))
    throw new ConfigError(
      GOOGLE_CREDENTIAL_VARIABLES.filter((name) => !e[name]).map((variable) => ({
        variable,
        message: 'set both GOOGLE_BUSINESS_CLIENT_ID and GOOGLE_BUSINESS_CLIENT_SECRET, or neither',
      })),
    );
  return Object.freeze({
    client:
      e.GOOGLE_BUSINESS_CLIENT_ID && e.GOOGLE_BUSINESS_CLIENT_SECRET
        ? Object.freeze({ id: e.GOOGLE_BUSINESS_CLIENT_ID, secret: e.GOOGLE_BUSINESS_CLIENT_SECRET })
        : undefined,
    oauth: Object.freeze({
      authorize: e.GOOGLE_BUSINESS_AUTHORIZE_URL,
      token: e.GOOGLE_BUSINESS_TOKEN_URL,
      revoke: e.GOOGLE_BUSINESS_REVOKE_URL,
    }),
    api: Object.freeze({
      accounts: e.GOOGLE_BUSINESS_ACCOUNTS_API_BASE,
      businessInformation: e.GOOGLE_BUSINESS_INFORMATION_API_BASE,
      reviews: e.GOOGLE_BUSINESS_API_BASE,
    }),
    timeoutMs: e.GOOGLE_BUSINESS_TIMEOUT_MS,
    maxAttempts: e.GOOGLE_BUSINESS_MAX_ATTEMPTS,
    retryBaseMs: e.GOOGLE_BUSINESS_RETRY_BASE_MS,
    retryMaxMs: e.GOOGLE_BUSINESS_RETRY_MAX_MS,
  });
}
