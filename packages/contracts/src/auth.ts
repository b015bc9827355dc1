import { z } from 'zod';
import { type ApiKeyScopeInfo, apiKeyScopeSchema } from './apps.js';

export const localeSchema = z.enum(['ko', 'en']);
export type Locale = z.infer<typeof localeSchema>;

/** Password rules shared by the sign-up form and the server (the server also rejects common ones). */
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 256;
export const passwordSchema = z
  .string()
  .min(PASSWORD_MIN_LENGTH, `Use at least ${PASSWORD_MIN_LENGTH} characters.`)
  .max(PASSWORD_MAX_LENGTH);

export const emailSchema = z
  .email()
  .max(254)
  .transform((value) => value.trim());

/** A signed-in user as the API shows it (never the password hash or the TOTP secret). */
export const userSchema = z
  .object({
    id: z.uuid(),
    email: z.string(),
    emailVerified: z.boolean(),
    name: z.string(),
    locale: localeSchema,
    twoFactorEnabled: z.boolean(),
    hasPassword: z
      .boolean()
      .describe('Whether the account has a password (sensitive changes then ask for it)'),
    platformRole: z.enum(['admin']).nullable(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'User' });
export type User = z.infer<typeof userSchema>;

export const registerBodySchema = z.object({
  email: emailSchema,
  password: passwordSchema,
  name: z.string().trim().min(1).max(100),
  locale: localeSchema.optional(),
});

export const loginBodySchema = z.object({
  email: emailSchema,
  password: z.string().min(1).max(PASSWORD_MAX_LENGTH),
});

export const tokenPairSchema = z
  .object({
    accessToken: z.string(),
    refreshToken: z.string(),
    expiresIn: z.number().int().describe('Seconds until the access token expires'),
    user: userSchema,
  })
  .meta({ id: 'TokenPair' });
export type TokenPair = z.infer<typeof tokenPairSchema>;

export const twoFactorChallengeSchema = z.object({
  twoFactorRequired: z.literal(true),
  challengeToken: z.string(),
});

export const twoFactorVerifyBodySchema = z.object({
  challengeToken: z.string().min(10).max(200),
  code: z.string().trim().min(6).max(20).describe('A 6-digit TOTP code or a backup code'),
  rememberDevice: z.boolean().optional().describe('Skip 2FA on this device and network for 30 days'),
});

export const refreshBodySchema = z.object({ refreshToken: z.string().min(10).max(200) });
export const tokenBodySchema = z.object({ token: z.string().min(10).max(200) });
export const forgotBodySchema = z.object({ email: emailSchema });
export const resetBodySchema = z.object({ token: z.string().min(10).max(200), password: passwordSchema });
export const codeBodySchema = z.object({ code: z.string().trim().min(6).max(20) });

/**
 * The current password, asked again before a sensitive change (2FA on or off, API keys, account
 * deletion). Accounts without a password (provider sign-in only) confirm by a recent sign-in instead.
 */
export const currentPasswordSchema = z
  .string()
  .max(PASSWORD_MAX_LENGTH)
  .optional()
  .describe('Your current password; required when the account has one');

/** The current password as a form requires it (accounts that have one). */
export const enteredPasswordSchema = z.string().min(1).max(PASSWORD_MAX_LENGTH);

/** Turning 2FA on or off: a code from the authenticator app and the current password. */
export const twoFactorChangeBodySchema = codeBodySchema.extend({ password: currentPasswordSchema });

export const sessionSchema = z.object({
  id: z.uuid(),
  method: z.string(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  createdAt: z.iso.datetime(),
  lastUsedAt: z.iso.datetime(),
  current: z.boolean(),
});

export const updateMeBodySchema = z
  .object({ name: z.string().trim().min(1).max(100).optional(), locale: localeSchema.optional() })
  .refine((body) => body.name !== undefined || body.locale !== undefined, 'Nothing to change.');

export const deleteMeBodySchema = z.object({ password: currentPasswordSchema });

/**
 * The kernel's own API key scopes; apps declare theirs in their manifest (`apiKeyScopes`), and the
 * server accepts the union of those it mounts (`GET /api/v1/api-keys/scopes`).
 */
export const platformApiKeyScopes: readonly ApiKeyScopeInfo[] = [
  { scope: 'profile:read', label: { ko: '내 프로필 읽기', en: 'Read my profile' } },
];

export const createApiKeyBodySchema = z.object({
  name: z.string().trim().min(1).max(100),
  scopes: z.array(apiKeyScopeSchema).min(1).max(20),
  expiresInDays: z.number().int().min(1).max(730).optional(),
  password: currentPasswordSchema,
});

export const apiKeySchema = z.object({
  id: z.uuid(),
  name: z.string(),
  prefix: z.string().describe('First characters of the key, to recognise it'),
  scopes: z.array(z.string()),
  createdAt: z.iso.datetime(),
  expiresAt: z.iso.datetime().nullable(),
  lastUsedAt: z.iso.datetime().nullable(),
});

export const createdApiKeySchema = apiKeySchema.extend({
  key: z.string().describe('The secret key; shown only once'),
});
