import type { App } from '../http/app-type.js';

/** A demo account: a key to find it by, its address and display name. */
export interface DemoPerson {
  readonly key: string;
  readonly email: string;
  readonly name: string;
}

/**
 * Registers (or finds) demo accounts through the API, marks their addresses verified (no mail to
 * open; unverified accounts may not write what others read) and signs each in. For an app's
 * `seedDemo`; idempotent. Each account signs up from its own documentation address (192.0.2.0/24),
 * so the per-address sign-up limit is not what stops a demo.
 */
export async function demoPeople(
  app: App,
  people: readonly DemoPerson[],
  password: string,
  addressBase = 100,
): Promise<Map<string, { id: string; token: string }>> {
  const signedIn = new Map<string, { id: string; token: string }>();
  for (const [i, person] of people.entries()) {
    const remoteAddress = `192.0.2.${(addressBase + i) % 254 || 1}`;
    const registered = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/register',
      payload: { email: person.email, password, name: person.name },
      remoteAddress,
    });
    if (registered.statusCode !== 201 && registered.statusCode !== 409)
      throw new Error(`demo account ${person.email}: ${registered.statusCode} ${registered.body}`);
    const account = await app.platform.directory.byEmail(person.email);
    if (!account) throw new Error(`demo account ${person.email} is missing`);
    await app.platform.directory.markEmailVerified(account.id);
    const login = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: person.email, password },
      remoteAddress,
    });
    if (login.statusCode !== 200) throw new Error(`demo sign-in ${person.email}: ${login.statusCode}`);
    signedIn.set(person.key, { id: account.id, token: login.json().accessToken });
  }
  return signedIn;
}
