import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { access, chmod, mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// Boots the real host process the way `npm start` does, with no DATABASE_URL: the embedded
// PostgreSQL default must initialise, migrate, serve, stop cleanly, and start again from its data.
const root = fileURLToPath(new URL('../..', import.meta.url));
let dataDir: string;

interface Booted {
  child: ChildProcess;
  url: string;
  output: () => string;
}

async function boot(extraEnv: Record<string, string> = {}): Promise<Booted> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATA_DIR: dataDir,
    PORT: '0',
    LOG_LEVEL: 'info',
    ...extraEnv,
  };
  delete env.DATABASE_URL;
  const child = spawn(process.execPath, ['--conditions=development', '--import', 'tsx', 'host/src/main.ts'], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    const onData = () => {
      const match = /Portal\s+(http:\/\/\S+?)\/\s/.exec(output);
      if (match?.[1]) resolve(match[1]);
    };
    child.stdout?.on('data', onData);
    child.once('exit', (code) =>
      reject(new Error(`host exited with ${code} before it was ready:\n${output}`)),
    );
  });
  return { child, url, output: () => output };
}

async function stop(booted: Booted): Promise<number | null> {
  const exited = once(booted.child, 'exit');
  booted.child.kill('SIGTERM');
  const [code] = (await exited) as [number | null];
  return code;
}

/** A stand-in OTLP/HTTP collector: records what the exporter posts. */
async function startCollector(): Promise<{
  server: Server;
  url: string;
  paths: string[];
  received: string[];
}> {
  const paths: string[] = [];
  const received: string[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('latin1')));
    req.on('end', () => {
      paths.push(req.url ?? '');
      received.push(body);
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { server, url: `http://127.0.0.1:${port}`, paths, received };
}

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'campus-boot-'));
  await chmod(dataDir, 0o755);
});

afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

describe('host with the embedded database', () => {
  it('starts from nothing, serves, stops on SIGTERM, and restarts from its data', async () => {
    const first = await boot();
    expect((await fetch(`${first.url}/health`)).status).toBe(200);
    expect((await fetch(`${first.url}/ready`)).status).toBe(200);
    expect(first.output()).toContain('migration applied');
    expect(await stop(first)).toBe(0);
    // PostgreSQL was stopped too: its lock file is gone.
    await expect(access(path.join(dataDir, 'postgres', 'postmaster.pid'))).rejects.toThrow();

    // The restart also exports traces: a local collector receives the spans over OTLP/HTTP.
    const collector = await startCollector();
    try {
      const second = await boot({
        OTEL_EXPORTER_OTLP_ENDPOINT: collector.url,
        OTEL_SERVICE_NAME: 'campus-boot-test',
      });
      expect((await fetch(`${second.url}/ready`)).status).toBe(200);
      expect((await fetch(`${second.url}/api/v1/nothing`)).status).toBe(404);
      expect(second.output()).not.toContain('migration applied');
      expect(await stop(second)).toBe(0);
      // Shutdown flushes the exporter, so the spans have arrived by now.
      const body = collector.received.join('\n');
      expect(collector.paths).toContain('/v1/traces');
      expect(body).toContain('campus-boot-test');
      expect(body).toContain('/api/v1/nothing');
      expect(body).toMatch(/pg\.query|pg-pool\.connect/);
    } finally {
      collector.server.close();
    }
    // Two real starts (initdb, migrations, a restart): generous on a loaded 2-core machine.
  }, 120_000);

  it('refuses to start on a bad variable and names it', async () => {
    await expect(boot({ PORT: 'not-a-port' })).rejects.toThrow(/PORT/);
  });
});
