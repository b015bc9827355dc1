import { randomBytes } from 'node:crypto';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startEmbeddedPostgres } from '@app/platform';
import pg from 'pg';

/** A throw-away database for tools: on DATABASE_URL's server when set, else a temporary embedded one. */
export interface ScratchDatabase {
  url: string;
  dispose(): Promise<void>;
}

/** Creates a scratch database; `dispose()` drops it (or stops the temporary server). */
export async function scratchDatabase(label: string): Promise<ScratchDatabase> {
  const external = process.env.DATABASE_URL?.trim();
  if (external) {
    const name = `${label}_${randomBytes(4).toString('hex')}`;
    await adminQuery(external, `create database ${pg.escapeIdentifier(name)}`);
    const url = new URL(external);
    url.pathname = `/${name}`;
    return {
      url: url.toString(),
      dispose: () =>
        adminQuery(external, `drop database if exists ${pg.escapeIdentifier(name)} with (force)`),
    };
  }
  const dir = await mkdtemp(path.join(tmpdir(), `${label}-`));
  await chmod(dir, 0o755);
  const server = await startEmbeddedPostgres({ dataDir: path.join(dir, 'pg'), database: label });
  return {
    url: server.url,
    async dispose() {
      await server.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

async function adminQuery(url: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}
