import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { type ChannelEvent, RealtimeClient, type SocketLike } from '@app/client';
import { createTestDatabase, type TestDatabase } from '@app/platform/testing';
import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import WebSocket from 'ws';

// Two real host processes on one database. Clients chat through both; one host is killed with
// SIGKILL mid-conversation. Clients move to the survivor; every acknowledged message is stored
// exactly once, numbered without gaps, and the other side receives all of them.
const root = fileURLToPath(new URL('../..', import.meta.url));
let database: TestDatabase;
// Redis (when REDIS_URL is set) outlives test runs: both hosts share this run's keys and nobody else's.
const redisKeyPrefix = `test-failover-${process.pid}-${Date.now()}:`;
const hosts: { child: ChildProcess; url: string }[] = [];

async function startHost(instance: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--conditions=development', '--import', 'tsx', 'host/src/main.ts'], {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: database.url,
      PORT: '0',
      INSTANCE_ID: instance,
      LOG_LEVEL: 'warn',
      NODE_ENV: 'test',
      REDIS_KEY_PREFIX: redisKeyPrefix,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stderr?.on('data', (c: Buffer) => (output += c.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout?.on('data', (c: Buffer) => {
      output += c.toString();
      const match = /Portal\s+(http:\/\/\S+?)\/\s/.exec(output);
      if (match?.[1]) resolve(match[1]);
    });
    child.once('exit', (code) => reject(new Error(`host ${instance} exited with ${code}: ${output}`)));
  });
  return { child, url };
}

async function account(base: string, name: string): Promise<{ id: string; token: string }> {
  const email = `${name}-${Date.now()}@example.test`;
  const password = 'failover test passphrase';
  const registered = await fetch(`${base}/api/v1/auth/register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password, name }),
  });
  if (registered.status !== 201) {
    throw new Error(`register ${name}: ${registered.status} ${await registered.text()}`);
  }
  const { user } = (await registered.json()) as { user: { id: string } };
  const login = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  return { id: user.id, token: ((await login.json()) as { accessToken: string }).accessToken };
}

/** Connects to the first host that is alive, like a load balancer in front of the instances. */
function failoverSocket(preferred: number) {
  return () => {
    const alive = hosts.filter(running);
    const target = alive.find((_, i) => i === preferred) ?? alive[0];
    return new WebSocket(`${(target ?? hosts[0])?.url.replace('http', 'ws')}/ws`) as unknown as SocketLike;
  };
}

beforeAll(async () => {
  database = await createTestDatabase();
  hosts.push(await startHost('failover-a'), await startHost('failover-b'));
}, 120_000);

const running = (h: { child: ChildProcess }) => h.child.exitCode === null && h.child.signalCode === null;

afterAll(async () => {
  const alive = hosts.filter(running);
  const exits = alive.map((h) => once(h.child, 'exit'));
  for (const host of alive) host.child.kill('SIGTERM');
  await Promise.all(exits);
  await database?.drop();
});

it('loses and duplicates no acknowledged message when an instance is killed mid-conversation', async () => {
  const [a, b] = [hosts[0]?.url ?? '', hosts[1]?.url ?? ''];
  const sender = await account(a, 'sender');
  const reader = await account(b, 'reader');
  const db = new pg.Client({ connectionString: database.url });
  await db.connect();
  // Chat needs verified addresses (docs/decisions/015); these two never open their mail.
  await db.query('update platform.users set email_verified_at = now() where id = any($1)', [
    [sender.id, reader.id],
  ]);
  const room = (
    await db.query<{ id: string }>(
      "insert into platform.chat_rooms (app, kind, title) values ('eduforum', 'group', 'failover') returning id",
    )
  ).rows[0]?.id;
  await db.query('insert into platform.chat_members (room_id, user_id) values ($1, $2), ($1, $3)', [
    room,
    sender.id,
    reader.id,
  ]);
  const channel = `chat:${room}`;

  const senderClient = new RealtimeClient({
    url: a,
    getToken: async () => sender.token,
    createSocket: failoverSocket(0),
    backoff: { baseMs: 50, maxMs: 300 },
  });
  const readerClient = new RealtimeClient({
    url: b,
    getToken: async () => reader.token,
    createSocket: failoverSocket(1),
    backoff: { baseMs: 50, maxMs: 300 },
  });
  await senderClient.connect();
  await readerClient.connect();

  // The reader keeps every message it sees, live or replayed after a reconnect.
  const seen = new Map<number, string>();
  const take = (m: { seq: number; clientId: string | null }) => seen.set(m.seq, m.clientId ?? '');
  await readerClient.subscribe(
    channel,
    (e: ChannelEvent) => e.event === 'message' && take(e.payload as { seq: number; clientId: string }),
    {
      onResubscribed: () => {
        const last = Math.max(0, ...seen.keys());
        void readerClient.publish(channel, 'resume', { afterSeq: last }).then((r) => {
          for (const m of (r as { items: { seq: number; clientId: string }[] }).items) take(m);
        });
      },
    },
  );
  await senderClient.subscribe(channel, () => {});

  const total = 40;
  const acked: string[] = [];
  for (let i = 0; i < total; i++) {
    const clientId = `m-${i}`;
    if (i === 15) hosts[0]?.child.kill('SIGKILL');
    // Retry until acknowledged: a send lost with the dying instance is repeated with the same id.
    for (let attempt = 0; ; attempt++) {
      try {
        if (senderClient.state !== 'open') throw new Error('reconnecting');
        await senderClient.publish(channel, 'send', { body: `message ${i}`, clientId });
        acked.push(clientId);
        break;
      } catch {
        if (attempt > 200) throw new Error(`message ${i} never acknowledged`);
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    }
  }
  expect(acked).toHaveLength(total);

  const stored = await db.query<{ seq: number; client_id: string }>(
    'select seq, client_id from platform.chat_messages where room_id = $1 order by seq',
    [room],
  );
  expect(stored.rows.map((r) => Number(r.seq))).toEqual(Array.from({ length: total }, (_, i) => i + 1));
  expect(new Set(stored.rows.map((r) => r.client_id))).toEqual(new Set(acked));

  const deadline = Date.now() + 10_000;
  while (seen.size < total && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 25));
  expect([...seen.keys()].sort((x, y) => x - y)).toEqual(Array.from({ length: total }, (_, i) => i + 1));

  senderClient.close();
  readerClient.close();
  await db.end();
}, 120_000);
