import { createPublicKey, type KeyObject, verify as verifySignature } from 'node:crypto';

/** Claims we rely on after verification. */
export interface VerifiedClaims {
  sub: string;
  sid?: unknown;
  amr?: unknown;
  iat?: number;
  exp: number;
  [claim: string]: unknown;
}

export interface JwtVerifyOptions {
  /** The only accepted algorithm. */
  algorithm: 'RS256';
  issuer: string;
  audience: string;
  clockToleranceS: number;
  /** Public key for a key id, or undefined when unknown. */
  keyFor(kid: string): KeyObject | undefined;
}

/** Turns a public JWK into a Node key object for {@link verifyJwt}. */
export function publicKeyFromJwk(jwk: object): KeyObject {
  return createPublicKey({ key: jwk as import('node:crypto').JsonWebKey, format: 'jwk' });
}

/**
 * Verifies a compact JWS access token with Node's native RSA verification. We sign with jose but
 * verify here because jose verifies through WebCrypto at about a third of the speed, and token
 * verification runs on every authenticated request (docs/decisions/004-jwt-verification.md).
 * Strict by construction: exactly three segments, `alg` must equal the one configured (so `none`
 * and HMAC-with-public-key confusion are impossible), no `crit` extensions, a known `kid`, a valid
 * signature, then `exp` (required), `nbf`, `iss` and `aud`. Throws on any failure.
 */
export function verifyJwt(
  token: string,
  options: JwtVerifyOptions,
  nowS = Date.now() / 1000,
): VerifiedClaims {
  const parts = token.split('.');
  if (parts.length !== 3) throw new Error('malformed token');
  const [headerPart, payloadPart, signaturePart] = parts as [string, string, string];
  const header = parseSegment(headerPart);
  if (header.alg !== options.algorithm) throw new Error('unexpected algorithm');
  if (header.crit !== undefined) throw new Error('unsupported critical header');
  if (typeof header.kid !== 'string') throw new Error('missing key id');
  const key = options.keyFor(header.kid);
  if (!key) throw new Error('unknown key id');
  const signature = Buffer.from(signaturePart, 'base64url');
  const signed = Buffer.from(`${headerPart}.${payloadPart}`, 'ascii');
  if (!verifySignature('sha256', signed, key, signature)) throw new Error('bad signature');

  const claims = parseSegment(payloadPart);
  if (typeof claims.exp !== 'number' || claims.exp + options.clockToleranceS <= nowS)
    throw new Error('expired');
  if (typeof claims.nbf === 'number' && claims.nbf - options.clockToleranceS > nowS)
    throw new Error('not yet valid');
  if (claims.iss !== options.issuer) throw new Error('wrong issuer');
  const audience = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
  if (!audience.includes(options.audience)) throw new Error('wrong audience');
  if (typeof claims.sub !== 'string') throw new Error('missing subject');
  return claims as VerifiedClaims;
}

function parseSegment(segment: string): Record<string, unknown> {
  if (!/^[A-Za-z0-9_-]+$/.test(segment)) throw new Error('malformed segment');
  const value: unknown = JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'));
  if (!value || typeof value !== 'object' || Array.isArray(value))
    throw new Error('segment is not an object');
  return value as Record<string, unknown>;
}
