import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ForbiddenTargetError, Outbound, type Resolver } from './index.js';

// Two loopback stand-ins: `front` is the one a test means to reach, `inside` plays an internal
// service that must never see a request unless loopback is allowed for it.
interface StandIn {
  server: Server;
  port: number;
  hits: IncomingMessage[];
}
let front: StandIn;
let inside: StandIn;

async function standIn(
  handle: (url: URL, res: import('node:http').ServerResponse) => void,
): Promise<StandIn> {
  const hits: IncomingMessage[] = [];
  const server = createServer((req, res) => {
    hits.push(req);
    handle(new URL(req.url ?? '/', 'http://stand-in'), res);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return { server, port: (server.address() as AddressInfo).port, hits };
}

beforeAll(async () => {
  inside = await standIn((_url, res) => res.end('internal secret'));
  front = await standIn((url, res) => {
    const to = url.searchParams.get('to');
    if (to) res.writeHead(Number(url.searchParams.get('status') ?? 302), { location: to }).end();
    else if (url.pathname === '/loop') res.writeHead(302, { location: '/loop' }).end();
    else if (url.pathname === '/big') res.end('x'.repeat(64 * 1024));
    else res.end(`hello ${url.pathname}`);
  });
});

afterAll(() => {
  front?.server.close();
  inside?.server.close();
});

/** A resolver that answers from a table and fails for anything else: no lookup leaves the machine. */
function fakeDns(table: Record<string, string[]>): Resolver & { asked: string[] } {
  const asked: string[] = [];
  const resolve = async (hostname: string) => {
    asked.push(hostname);
    const answer = table[hostname];
    if (!answer) throw new Error(`fake DNS has no ${hostname}`);
    return answer;
  };
  return Object.assign(resolve, { asked });
}

const refused = (promise: Promise<unknown>) => expect(promise).rejects.toBeInstanceOf(ForbiddenTargetError);

describe('outbound client', () => {
  it('reaches an allow-listed stand-in and refuses loopback in every spelling otherwise', async () => {
    const allowed = new Outbound({ allowPrivate: [`127.0.0.1:${front.port}`], resolve: fakeDns({}) });
    const response = await allowed.fetch(`http://127.0.0.1:${front.port}/hi`);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('hello /hi');

    const strict = new Outbound({ allowPrivate: [], resolve: fakeDns({}) });
    const before = inside.hits.length;
    for (const host of [
      '127.0.0.1',
      '127.1',
      '2130706433',
      '0x7f.1',
      '0177.0.0.1',
      '127.0.0.1.',
      '[::ffff:127.0.0.1]',
      '[::ffff:7f00:1]',
      '[::1]',
      'localhost',
      'LOCALHOST.',
      'app.localhost',
    ])
      await refused(strict.fetch(`http://${host}:${inside.port}/`));
    // The allowance is for one address and port only.
    await refused(allowed.fetch(`http://127.0.0.1:${inside.port}/`));
    await refused(allowed.fetch(`http://127.0.0.2:${front.port}/`));
    expect(inside.hits.length).toBe(before);
  });

  it('checks every address a name resolves to, when it connects, and connects to the checked one', async () => {
    const dns = fakeDns({
      'hooks.example.com': ['127.0.0.1'],
      'mixed.example.com': ['93.184.215.14', '10.0.0.7'],
      'meta.example.com': ['169.254.169.254'],
      'mapped.example.com': ['::ffff:7f00:1'],
      'ula.example.com': ['fd00::1'],
    });
    const strict = new Outbound({ allowPrivate: [], resolve: dns });
    // Passes the static check (an ordinary name); refused once it resolves.
    expect(() => strict.checkUrl(`http://hooks.example.com:${inside.port}/`)).not.toThrow();
    const before = inside.hits.length;
    for (const host of ['hooks', 'mixed', 'meta', 'mapped', 'ula']) {
      const error = await strict.fetch(`http://${host}.example.com:${inside.port}/`).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ForbiddenTargetError);
      // The message does not disclose which internal address the name has.
      expect(String(error)).not.toMatch(/10\.0\.0\.7|169\.254|127\.0\.0\.1|fd00/);
    }
    expect(dns.asked).toEqual(['hooks', 'mixed', 'meta', 'mapped', 'ula'].map((h) => `${h}.example.com`));
    expect(inside.hits.length).toBe(before);

    // Allowed (the test's stand-in): the fake answer is the address actually used, since the name
    // itself exists in no DNS.
    const allowed = new Outbound({ allowPrivate: [`127.0.0.1:${front.port}`], resolve: dns });
    const response = await allowed.fetch(`http://hooks.example.com:${front.port}/named`);
    expect(await response.text()).toBe('hello /named');
  });

  it('re-checks every redirect hop and refuses hops to refused addresses', async () => {
    const dns = fakeDns({ 'inside.example.com': ['127.0.0.1'] });
    const outbound = new Outbound({ allowPrivate: [`127.0.0.1:${front.port}`], resolve: dns });
    const via = (to: string, status = 302) =>
      `http://127.0.0.1:${front.port}/r?status=${status}&to=${encodeURIComponent(to)}`;
    const before = inside.hits.length;
    for (const to of [
      `http://127.0.0.1:${inside.port}/`,
      `http://[::ffff:7f00:1]:${inside.port}/`,
      'http://[::ffff:7f00:1]/',
      `http://2130706433:${inside.port}/`,
      `http://localhost:${inside.port}/`,
      `http://inside.example.com:${inside.port}/`,
      'http://169.254.169.254/latest/meta-data/',
      'file:///etc/passwd',
    ])
      for (const status of [301, 302, 303, 307, 308]) await refused(outbound.fetch(via(to, status)));
    expect(inside.hits.length).toBe(before);

    // `manual` hands the 3xx back untouched; allowed hops are followed; loops end at the limit.
    const manual = await outbound.fetch(via(`http://127.0.0.1:${inside.port}/`), { redirect: 'manual' });
    expect(manual.status).toBe(302);
    const followed = await outbound.fetch(via(`http://127.0.0.1:${front.port}/there`));
    expect([followed.status, await followed.text()]).toEqual([200, 'hello /there']);
    await expect(outbound.fetch(`http://127.0.0.1:${front.port}/loop`)).rejects.toThrow(/redirects/);
  });

  it('drops credentials on a redirect to another origin and turns a redirected POST into a GET', async () => {
    const outbound = new Outbound({
      allowPrivate: [`127.0.0.1:${front.port}`, `127.0.0.1:${inside.port}`],
      resolve: fakeDns({}),
    });
    const before = inside.hits.length;
    const to = encodeURIComponent(`http://127.0.0.1:${inside.port}/landing`);
    await outbound.fetch(`http://127.0.0.1:${front.port}/r?to=${to}`, {
      method: 'POST',
      headers: { authorization: 'Bearer secret', 'x-kept': 'yes' },
      body: 'payload',
    });
    const landed = inside.hits[before];
    expect(landed?.method).toBe('GET');
    expect(landed?.headers.authorization).toBeUndefined();
    expect(landed?.headers['x-kept']).toBe('yes');
  });

  it('bounds the response body: an error by default, the first bytes when asked to truncate', async () => {
    const outbound = new Outbound({ allowPrivate: [`127.0.0.1:${front.port}`], resolve: fakeDns({}) });
    const url = `http://127.0.0.1:${front.port}/big`;
    await expect(outbound.fetch(url, { maxResponseBytes: 1024 })).rejects.toThrow(/more than 1024 bytes/);
    const kept = await outbound.fetch(url, { maxResponseBytes: 1024, overflow: 'truncate' });
    expect((await kept.text()).length).toBe(1024);
  });
});
