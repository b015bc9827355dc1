import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Debian's coturn; tests that need a TURN server skip (loudly) where it is absent. */
export const TURNSERVER = '/usr/bin/turnserver';
export const hasTurnServer = existsSync(TURNSERVER);

/** A coturn started for a test, on loopback only. */
export interface TurnServer {
  /** `turn:127.0.0.1:<port>?transport=udp` and `...?transport=tcp`. */
  urls: string[];
  /** Its `static-auth-secret` (TURN REST API). */
  secret: string;
  /** The platform's variables for it: `testConfig(url, turn.env)` or `listenTestApp(url, turn.env)`. */
  env: { TURN_URLS: string; TURN_SECRET: string };
  /** Its log so far (for a failing test's message). */
  log(): Promise<string>;
  /** Stops it and removes its directory. */
  stop(): Promise<void>;
}

/**
 * Starts coturn as the platform expects it in production (TURN REST credentials: `use-auth-secret`
 * with a random `static-auth-secret`) but for tests: it listens and relays on 127.0.0.1 only, on a
 * free port, relays only to loopback peers (everything else is denied, so nothing leaves the
 * machine), has no CLI, no TLS/DTLS listeners and no TCP relays, and keeps its pid file, log and
 * (unused) user database in a temporary directory. Resolves once it accepts connections.
 */
export async function startTurnServer(options: { timeoutMs?: number } = {}): Promise<TurnServer> {
  if (!hasTurnServer) throw new Error(`${TURNSERVER} is not installed (Debian package coturn)`);
  const dir = await mkdtemp(join(tmpdir(), 'turnserver-'));
  const port = await freePort();
  const secret = randomBytes(24).toString('hex');
  const logFile = join(dir, 'turn.log');
  const configFile = join(dir, 'turnserver.conf');
  await writeFile(
    configFile,
    [
      'listening-ip=127.0.0.1',
      'relay-ip=127.0.0.1',
      `listening-port=${port}`,
      'realm=campus.test',
      'use-auth-secret',
      `static-auth-secret=${secret}`,
      'fingerprint',
      'no-cli',
      'no-tls',
      'no-dtls',
      'no-tcp-relay',
      'no-rfc5780',
      // coturn refuses loopback peers by default; both browsers' relay addresses are 127.0.0.1.
      'allow-loopback-peers',
      'no-multicast-peers',
      // No outbound traffic: every peer address is denied except loopback.
      'denied-peer-ip=0.0.0.0-255.255.255.255',
      'denied-peer-ip=::-ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff',
      'allowed-peer-ip=127.0.0.1',
      `pidfile=${join(dir, 'turnserver.pid')}`,
      `userdb=${join(dir, 'turndb')}`,
      `log-file=${logFile}`,
      'simple-log',
      'no-stdout-log',
      '',
    ].join('\n'),
    { mode: 0o600 },
  );
  const child = spawn(TURNSERVER, ['-c', configFile], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const log = () => readFile(logFile, 'utf8').catch(() => '');
  const stop = async () => {
    await stopProcess(child);
    await rm(dir, { recursive: true, force: true });
  };
  try {
    await waitForPort(child, port, options.timeoutMs ?? 10_000);
  } catch (error) {
    const detail = `${(error as Error).message}\n${stderr}\n${await log()}`;
    await stop();
    throw new Error(`turnserver did not start: ${detail}`);
  }
  const urls = [`turn:127.0.0.1:${port}?transport=udp`, `turn:127.0.0.1:${port}?transport=tcp`];
  return { urls, secret, env: { TURN_URLS: urls.join(','), TURN_SECRET: secret }, log, stop };
}

/** A port that was free on 127.0.0.1 a moment ago (coturn takes it for both TCP and UDP). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function waitForPort(child: ChildProcess, port: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`exited with code ${child.exitCode}`);
    if (await accepts(port)) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`no listener on 127.0.0.1:${port} after ${timeoutMs} ms`);
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const killer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(killer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
