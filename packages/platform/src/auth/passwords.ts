import { PASSWORD_MIN_LENGTH } from '@app/contracts';
import { hash, type Options, verify } from '@node-rs/argon2';
import { dictionary } from '@zxcvbn-ts/language-common';

/**
 * argon2id with OWASP's baseline (19 MiB, 2 passes, 1 lane): about 11 ms per hash on one core
 * here (bench/results/auth.md), which bounds sign-in throughput by design.
 */
export const argon2Options: Options = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

const common = new Set((dictionary['passwords-common'] ?? []).map((p: string) => p.toLowerCase()));

/**
 * Counts argon2 verifications: one per sign-in attempt whatever the outcome (a test holds us to
 * it, since a skipped hash for unknown emails would leak which accounts exist through timing).
 */
export const passwordVerifications = { count: 0 };

// Verified against when the email is unknown, so both paths cost one argon2 verification.
let dummyHash: Promise<string> | undefined;

/** Hashes a password with argon2id (salted, parameters encoded in the result). */
export function hashPassword(password: string): Promise<string> {
  return hash(password, argon2Options);
}

/**
 * Checks `password` against `stored`; with no stored hash (unknown account or social-only account)
 * it still verifies against a dummy hash, so the response time does not tell whether it exists.
 */
export async function verifyPassword(stored: string | null | undefined, password: string): Promise<boolean> {
  dummyHash ??= hash('dummy password for timing equalisation', argon2Options);
  const target = stored ?? (await dummyHash);
  passwordVerifications.count++;
  const ok = await verify(target, password).catch(() => false);
  return ok && stored != null;
}

/** Why a password is refused, or undefined when it is acceptable. */
export function passwordProblem(
  password: string,
  context: { email?: string; name?: string },
): string | undefined {
  if (password.length < PASSWORD_MIN_LENGTH) return `Use at least ${PASSWORD_MIN_LENGTH} characters.`;
  const lower = password.toLowerCase();
  if (common.has(lower)) return 'This password is on a list of commonly used passwords.';
  if (/^(.)\1+$/.test(password)) return 'Do not repeat a single character.';
  const local = context.email?.split('@')[0]?.toLowerCase();
  if (local && local.length >= 4 && lower.includes(local))
    return 'Do not use your email address in the password.';
  const name = context.name?.toLowerCase().replace(/\s+/g, '');
  if (name && name.length >= 4 && lower.replace(/\s+/g, '').includes(name))
    return 'Do not use your name in the password.';
  return undefined;
}
