import type { App } from '@app/platform';
import { makeAccount, type TestAccount } from '@app/platform/testing';

/** Who sends the fuzzed requests. */
export interface Identity {
  name: 'anonymous' | 'user' | 'admin';
  /** Current access token (undefined: anonymous). */
  token(): string | undefined;
  userId: string | undefined;
  /**
   * After a 401: when the token no longer works (fuzzed requests may sign out, end their own
   * session or delete the account), signs in again, or signs up again.
   */
  renew(): Promise<void>;
}

/**
 * The three callers of the fuzzer: nobody, an ordinary account, and a platform admin (who gets
 * past most permission checks, so generated input reaches deeper code). Platform roles only: no
 * app's roles are named here.
 */
export async function makeIdentities(app: App): Promise<Identity[]> {
  return [anonymous(), await signedIn(app, 'user'), await signedIn(app, 'admin')];
}

function anonymous(): Identity {
  return { name: 'anonymous', token: () => undefined, userId: undefined, renew: async () => {} };
}

async function signedIn(app: App, name: 'user' | 'admin'): Promise<Identity> {
  let account: TestAccount = await makeAccount(app, { name: `fuzz ${name}` });
  let token = await login(app, account);
  const promote = async () => {
    if (name === 'admin')
      await app.platform.pool.query(`update platform.users set platform_role = 'admin' where id = $1`, [
        account.id,
      ]);
  };
  await promote();
  const identity: Identity = {
    name,
    token: () => token,
    userId: account.id,
    async renew() {
      const me = await app.inject({
        method: 'GET',
        url: '/api/v1/me',
        headers: { authorization: `Bearer ${token}` },
      });
      if (me.statusCode !== 401) return;
      try {
        token = await login(app, account);
      } catch {
        // The fuzzer deleted the account or changed its password: start over with a new one.
        account = await makeAccount(app, { name: `fuzz ${name}` });
        token = await login(app, account);
        identity.userId = account.id;
        await promote();
      }
    },
  };
  return identity;
}

let nextAddress = 1;

/**
 * Signs in from an address of its own (RFC 5737 range): fuzzed sign-ins from the default address
 * exhaust that address's sign-in limit, which must not lock the fuzzer's own identities out.
 */
async function login(app: App, account: TestAccount): Promise<string> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { email: account.email, password: account.password },
    remoteAddress: `198.51.100.${nextAddress++ % 250}`,
  });
  if (res.statusCode !== 200) throw new Error(`fuzz identity sign-in: ${res.statusCode} ${res.body}`);
  return (res.json() as { accessToken: string }).accessToken;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `courseId`, `courses`, `chatRoomId`, `eduforum-session` -> `course`, `course`, `chat room`, `eduforum session`. */
export function wordsOf(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word && word !== 'id' && word !== 'ids')
    .map((word) => (word.length > 3 && word.endsWith('s') ? word.slice(0, -1) : word));
}

/**
 * Ids seen in successful responses, so later requests name rows that exist. Each id is filed
 * under the words of the field it came in (`sessionId` -> session) or, for `id`, of the route
 * (`POST .../courses` -> course); a request field or path parameter draws from the files of its
 * own words first (`{courseId}` after `courses/`), so chains like course -> session -> poll form
 * without knowing any app.
 */
export class IdPool {
  private readonly any = new Set<string>();
  private readonly byWord = new Map<string, Set<string>>();

  constructor(private readonly max = 400) {}

  /** Files the ids of a JSON response body of `routePath`. */
  harvest(body: string, routePath: string): void {
    let parsed: unknown;
    try {
      parsed = JSON.parse(body);
    } catch {
      return;
    }
    const segments = routePath.split('/').filter((s) => s && !s.startsWith('{'));
    const routeWords = wordsOf(segments.at(-1) ?? '');
    const stack: [unknown, string[]][] = [[parsed, routeWords]];
    while (stack.length > 0) {
      const [value, words] = stack.pop() as [unknown, string[]];
      if (typeof value === 'string' && UUID.test(value)) this.add(value, words);
      else if (Array.isArray(value)) for (const item of value) stack.push([item, words]);
      else if (value !== null && typeof value === 'object')
        for (const [key, child] of Object.entries(value))
          stack.push([child, key === 'id' || key === 'items' ? words : wordsOf(key)]);
    }
  }

  add(id: string, words: readonly string[] = []): void {
    if (this.any.size >= this.max && !this.any.has(id)) return;
    this.any.add(id);
    for (const word of words) {
      const file = this.byWord.get(word) ?? new Set<string>();
      file.add(id);
      this.byWord.set(word, file);
    }
  }

  /** Ids filed under any word of `name` (newest last), else every id seen. */
  forName(name = ''): readonly string[] {
    const found = this.filed(name);
    return found.length > 0 ? found : [...this.any];
  }

  /** Ids filed under any word of `name` (newest last); none when no word matches. */
  filed(name: string): string[] {
    const found = new Set<string>();
    for (const word of wordsOf(name)) for (const id of this.byWord.get(word) ?? []) found.add(id);
    return [...found];
  }
}
