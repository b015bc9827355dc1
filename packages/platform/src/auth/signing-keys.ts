import type { KeyObject } from 'node:crypto';
import {
  calculateJwkThumbprint,
  exportJWK,
  generateKeyPair,
  importJWK,
  importPKCS8,
  type JWK,
  type JWTPayload,
  SignJWT,
} from 'jose';
import { sql } from 'kysely';
import type { PlatformDb } from '../db/pool.js';
import { publicKeyFromJwk, type VerifiedClaims, verifyJwt } from './jwt-verify.js';

// RS256: RSA verification is the fastest asymmetric check (bench/results/auth.md); signing is
// slower but happens only at sign-in and refresh.
const ALG = 'RS256';
type Key = Awaited<ReturnType<typeof importJWK>>;

/**
 * RSA (RS256, 2048-bit) signing keys with key ids. The active key signs; every key that is not retired, or was
 * retired less than one access-token lifetime ago, verifies (so rotation never breaks a live
 * token). Keys come from JWT_PRIVATE_KEY or are generated at first start and kept in
 * `platform.signing_keys`, shared by every instance; an unknown `kid` triggers one reload.
 */
export class SigningKeys {
  private signer: { kid: string; privateKey: Key } | undefined;
  private verifiers = new Map<string, KeyObject>();
  private lastReload = 0;

  constructor(
    private readonly db: PlatformDb,
    private readonly options: { issuer: string; accessTtlS: number; privateKeyPem: string | undefined },
  ) {}

  /** Loads (and on first start creates) the keys. */
  async init(): Promise<void> {
    if (this.options.privateKeyPem) {
      const privateKey = await importPKCS8(this.options.privateKeyPem, ALG, { extractable: true });
      const jwk = await exportJWK(privateKey);
      const publicJwk: JWK = { kty: jwk.kty, n: jwk.n, e: jwk.e };
      const kid = await calculateJwkThumbprint(publicJwk);
      this.signer = { kid, privateKey };
      this.verifiers.set(kid, publicKeyFromJwk(publicJwk));
    }
    await this.reload();
    if (!this.signer) {
      await this.rotate();
    }
  }

  /** Creates a new active key and retires the previous ones (they keep verifying for one TTL). */
  async rotate(): Promise<string> {
    const { publicKey, privateKey } = await generateKeyPair(ALG, { modulusLength: 2048, extractable: true });
    const publicJwk = await exportJWK(publicKey);
    const privateJwk = await exportJWK(privateKey);
    const kid = await calculateJwkThumbprint(publicJwk);
    await this.db.transaction().execute(async (trx) => {
      await trx
        .updateTable('platform.signing_keys')
        .set({ retired_at: sql<Date>`now()` })
        .where('retired_at', 'is', null)
        .execute();
      await trx
        .insertInto('platform.signing_keys')
        .values({
          kid,
          alg: ALG,
          public_jwk: JSON.stringify(publicJwk),
          private_jwk: JSON.stringify(privateJwk),
        })
        .execute();
    });
    await this.reload();
    return kid;
  }

  /** Signs an access token for `subject` with the active key. */
  async sign(claims: JWTPayload & { sub: string }): Promise<string> {
    if (!this.signer) throw new Error('SigningKeys.init() was not called');
    return new SignJWT(claims)
      .setProtectedHeader({ alg: ALG, kid: this.signer.kid, typ: 'JWT' })
      .setIssuer(this.options.issuer)
      .setAudience('campus')
      .setIssuedAt()
      .setExpirationTime(`${this.options.accessTtlS}s`)
      .sign(this.signer.privateKey);
  }

  /**
   * Verifies signature, algorithm (RS256 only: `alg: none` and HMAC confusion are refused),
   * issuer, audience and expiry. Throws on any failure.
   */
  async verify(token: string): Promise<VerifiedClaims> {
    const options = {
      algorithm: ALG,
      issuer: this.options.issuer,
      audience: 'campus',
      clockToleranceS: 5,
      keyFor: (kid: string) => this.verifiers.get(kid),
    } as const;
    try {
      return verifyJwt(token, options);
    } catch (error) {
      // Another instance may have rotated in a key we have not seen; reload at most every 10 s.
      if (
        !(error instanceof Error) ||
        error.message !== 'unknown key id' ||
        Date.now() - this.lastReload < 10_000
      ) {
        throw error;
      }
      await this.reload();
      return verifyJwt(token, options);
    }
  }

  private async reload(): Promise<void> {
    this.lastReload = Date.now();
    const rows = await this.db
      .selectFrom('platform.signing_keys')
      .select(['kid', 'public_jwk', 'private_jwk', 'retired_at'])
      .where((eb) =>
        eb.or([
          eb('retired_at', 'is', null),
          eb('retired_at', '>', sql<Date>`now() - make_interval(secs => ${this.options.accessTtlS + 60})`),
        ]),
      )
      .orderBy('created_at', 'desc')
      .execute();
    const fromEnv = this.options.privateKeyPem ? this.signer : undefined;
    const next = new Map<string, KeyObject>(
      rows.map((row) => [row.kid, publicKeyFromJwk(row.public_jwk as object)]),
    );
    const envKey = fromEnv ? this.verifiers.get(fromEnv.kid) : undefined;
    if (fromEnv && envKey) next.set(fromEnv.kid, envKey);
    this.verifiers = next;
    if (fromEnv) return;
    const active = rows.find((row) => row.retired_at === null);
    this.signer = active
      ? { kid: active.kid, privateKey: await importJWK(active.private_jwk as JWK, ALG) }
      : undefined;
  }
}
