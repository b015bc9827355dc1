import { createHash, randomInt } from 'node:crypto';
import { sql } from 'kysely';
import { generateSecret, generateURI, verify } from 'otplib';
import type { PlatformDb } from '../db/pool.js';
import { tokenHash } from './secrets.js';

const PERIOD_S = 30;
const BACKUP_CODES = 10;
const TRUST_DAYS = 30;

/** A new TOTP secret and the otpauth:// URL an authenticator app scans. */
export function newTotpSecret(email: string): { secret: string; otpauthUrl: string } {
  const secret = generateSecret();
  return { secret, otpauthUrl: generateURI({ issuer: 'Campus', label: email, secret }) };
}

/**
 * Verifies a 6-digit TOTP code with one step of clock drift either way and returns the time step
 * it matched, so the caller can refuse a step at or before the last one used (a code cannot be
 * used twice, RFC 6238 §5.2).
 */
export async function matchTotp(secret: string, code: string, now = Date.now()): Promise<number | undefined> {
  if (!/^\d{6}$/.test(code)) return undefined;
  const epoch = Math.floor(now / 1000);
  const result = await verify({ secret, token: code, epoch, epochTolerance: PERIOD_S });
  if (!result.valid) return undefined;
  return Math.floor(epoch / PERIOD_S) + result.delta;
}

/** Ten single-use backup codes (`xxxxx-xxxxx`, ~50 bits each); only their hashes are stored. */
export function newBackupCodes(): string[] {
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
  const part = () => Array.from({ length: 5 }, () => alphabet[randomInt(alphabet.length)]).join('');
  return Array.from({ length: BACKUP_CODES }, () => `${part()}-${part()}`);
}

/** Normalises what a user types for a backup code (case, spaces, missing dash). */
export function normaliseBackupCode(code: string): string {
  const compact = code.toLowerCase().replace(/[\s-]/g, '');
  return compact.length === 10 ? `${compact.slice(0, 5)}-${compact.slice(5)}` : compact;
}

/** Replaces the user's backup codes. */
export async function storeBackupCodes(
  db: PlatformDb,
  userId: string,
  codes: readonly string[],
): Promise<void> {
  await db.deleteFrom('platform.backup_codes').where('user_id', '=', userId).execute();
  await db
    .insertInto('platform.backup_codes')
    .values(codes.map((code) => ({ user_id: userId, code_hash: tokenHash(normaliseBackupCode(code)) })))
    .execute();
}

/** Spends a backup code; false when it is unknown or was already used. */
export async function useBackupCode(db: PlatformDb, userId: string, code: string): Promise<boolean> {
  const result = await db
    .updateTable('platform.backup_codes')
    .set({ used_at: sql<Date>`now()` })
    .where('user_id', '=', userId)
    .where('code_hash', '=', tokenHash(normaliseBackupCode(code)))
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * A device-and-network fingerprint for step-up: the user agent plus the network prefix (/24 for
 * IPv4, /48 for IPv6). A sign-in from a new device or a new network asks for the second factor.
 */
export function deviceFingerprint(ip: string | null, userAgent: string | null): Buffer {
  const network = ip?.includes(':')
    ? ip.split(':').slice(0, 3).join(':')
    : (ip ?? '').split('.').slice(0, 3).join('.');
  return createHash('sha256')
    .update(`${userAgent ?? ''}\n${network}`)
    .digest();
}

/** Remembers a device for 30 days after a successful second factor (when the user asked). */
export async function trustDevice(db: PlatformDb, userId: string, fingerprint: Buffer): Promise<void> {
  await db
    .insertInto('platform.trusted_devices')
    .values({
      user_id: userId,
      fingerprint,
      expires_at: sql<Date>`now() + make_interval(days => ${TRUST_DAYS})`,
    })
    .onConflict((oc) =>
      oc
        .columns(['user_id', 'fingerprint'])
        .doUpdateSet({ expires_at: sql<Date>`now() + make_interval(days => ${TRUST_DAYS})` }),
    )
    .execute();
}

/** True when this device and network passed the second factor recently and were remembered. */
export async function isTrustedDevice(db: PlatformDb, userId: string, fingerprint: Buffer): Promise<boolean> {
  const row = await db
    .selectFrom('platform.trusted_devices')
    .select('user_id')
    .where('user_id', '=', userId)
    .where('fingerprint', '=', fingerprint)
    .where('expires_at', '>', sql<Date>`now()`)
    .executeTakeFirst();
  return row !== undefined;
}
