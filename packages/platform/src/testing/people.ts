import type { App } from '../http/app-type.js';
import { bearer, makeAccount, signIn } from './accounts.js';

/** A person of a test world: an account with a fresh access token. */
export interface Person {
  readonly id: string;
  readonly email: string;
  readonly name: string;
  readonly token: string;
}

/** Registers and signs in someone. */
export async function makePerson(app: App, name = '테스트 사용자'): Promise<Person> {
  const account = await makeAccount(app, { name });
  const tokens = await signIn(app, account);
  return { id: account.id, email: account.email, name, token: tokens.accessToken };
}

/**
 * Makes a platform admin (no API grants the first admin: the host's command or an operator does);
 * the token is issued after the grant.
 */
export async function makeAdmin(app: App, name = '관리자'): Promise<Person> {
  const person = await makePerson(app, name);
  await app.platform.pool.query(`update platform.users set platform_role = 'admin' where id = $1`, [
    person.id,
  ]);
  return person;
}

/** HTTP methods the test callers send. */
export type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/**
 * A JSON caller of one app's API: `call(who, 'POST', '/courses', body)` sends to
 * `/api/v1/<app>/courses` as `who` (anonymous when null). A string payload is sent as it is.
 */
export function appCaller(app: App, appName: string) {
  return (
    who: Pick<Person, 'token'> | null,
    method: Method,
    path: string,
    payload?: unknown,
    headers: Record<string, string> = {},
  ) =>
    app.inject({
      method,
      url: `/api/v1/${appName}${path}`,
      headers: { ...(who ? bearer(who.token) : {}), ...headers },
      ...(payload === undefined
        ? {}
        : typeof payload === 'string'
          ? { payload }
          : { payload: payload as object }),
    });
}
