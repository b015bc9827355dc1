import type { TokenPair } from '@app/contracts';
import { generate } from 'otplib';
import type { App } from '../http/app.js';
import { bearer, signIn, type TestAccount } from './accounts.js';

/** What turning 2FA on gave a test account. */
export interface EnabledTwoFactor {
  secret: string;
  pair: TokenPair;
  /** The code that confirmed the setup (its time step is used up). */
  usedCode: string;
  backupCodes: string[];
}

/** Signs in and turns 2FA on through the API (setup, then a first code with the password). */
export async function enableTwoFactor(
  app: App,
  account: Pick<TestAccount, 'email' | 'password'>,
): Promise<EnabledTwoFactor> {
  const pair = await signIn(app, account);
  const setup = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/2fa/setup',
    headers: bearer(pair.accessToken),
  });
  if (setup.statusCode !== 200) throw new Error(`2fa setup failed: ${setup.statusCode} ${setup.body}`);
  const { secret } = setup.json() as { secret: string };
  const code = await generate({ secret });
  const enabled = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/2fa/enable',
    headers: bearer(pair.accessToken),
    payload: { code, password: account.password },
  });
  if (enabled.statusCode !== 200) throw new Error(`2fa enable failed: ${enabled.statusCode} ${enabled.body}`);
  return { secret, pair, usedCode: code, backupCodes: enabled.json().backupCodes };
}

/** A TOTP code of the next time step (the current one may already be used up). */
export function nextTotp(secret: string): Promise<string> {
  return generate({ secret, epoch: Math.floor(Date.now() / 1000) + 30 });
}
