import { createHmac, generateKeyPairSync, type KeyObject } from 'node:crypto';
import fc from 'fast-check';
import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { type JwtVerifyOptions, verifyJwt } from './jwt-verify.js';

const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const other = generateKeyPairSync('rsa', { modulusLength: 2048 });
const options: JwtVerifyOptions = {
  algorithm: 'RS256',
  issuer: 'https://campus.test',
  audience: 'campus',
  clockToleranceS: 5,
  keyFor: (kid) => (kid === 'k1' ? publicKey : undefined),
};

function sign(
  claims: Record<string, unknown>,
  opts: { kid?: string; key?: KeyObject; header?: object } = {},
) {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'RS256', kid: opts.kid ?? 'k1', ...opts.header })
    .sign(opts.key ?? privateKey);
}

const now = Math.floor(Date.now() / 1000);
const good = { sub: 'user-1', iss: 'https://campus.test', aud: 'campus', iat: now, exp: now + 900 };
const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('verifyJwt', () => {
  it('accepts a valid token and returns its claims', async () => {
    expect(verifyJwt(await sign(good), options)).toMatchObject({ sub: 'user-1' });
  });

  it('refuses expired, not-yet-valid, foreign-issuer and foreign-audience tokens', async () => {
    await expect(sign({ ...good, exp: now - 10 }).then((t) => verifyJwt(t, options))).rejects.toThrow(
      'expired',
    );
    await expect(sign({ ...good, nbf: now + 60 }).then((t) => verifyJwt(t, options))).rejects.toThrow(
      'not yet valid',
    );
    await expect(
      sign({ ...good, iss: 'https://evil.test' }).then((t) => verifyJwt(t, options)),
    ).rejects.toThrow('issuer');
    await expect(sign({ ...good, aud: 'other' }).then((t) => verifyJwt(t, options))).rejects.toThrow(
      'audience',
    );
    const { exp: _exp, ...noExp } = good;
    await expect(sign(noExp).then((t) => verifyJwt(t, options))).rejects.toThrow('expired');
  });

  it('refuses another key, an unknown kid, a crit header and a tampered payload', async () => {
    await expect(sign(good, { key: other.privateKey }).then((t) => verifyJwt(t, options))).rejects.toThrow(
      'signature',
    );
    await expect(sign(good, { kid: 'k2' }).then((t) => verifyJwt(t, options))).rejects.toThrow('unknown key');
    await expect(
      sign(good, { header: { crit: ['b64'], b64: true } }).then((t) => verifyJwt(t, options)),
    ).rejects.toThrow();
    const [h, , s] = (await sign(good)).split('.');
    expect(() => verifyJwt(`${h}.${b64({ ...good, sub: 'admin' })}.${s}`, options)).toThrow('signature');
  });

  it('refuses alg none and HMAC signed with the public key (algorithm confusion)', () => {
    const none = `${b64({ alg: 'none', kid: 'k1' })}.${b64(good)}.`;
    expect(() => verifyJwt(none, options)).toThrow('algorithm');
    const header = b64({ alg: 'HS256', kid: 'k1' });
    const body = b64(good);
    const pem = publicKey.export({ type: 'spki', format: 'pem' });
    const mac = createHmac('sha256', pem).update(`${header}.${body}`).digest('base64url');
    expect(() => verifyJwt(`${header}.${body}.${mac}`, options)).toThrow('algorithm');
  });

  it('never accepts arbitrary input', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (garbage) => {
        expect(() => verifyJwt(garbage, options)).toThrow();
      }),
    );
    fc.assert(
      fc.property(fc.jsonValue(), fc.jsonValue(), (header, payload) => {
        const token = `${b64({ value: header })}.${b64({ value: payload })}.c2ln`;
        expect(() => verifyJwt(token, options)).toThrow();
      }),
    );
  });
});
