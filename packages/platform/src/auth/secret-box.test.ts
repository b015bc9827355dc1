import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config/index.js';
import { isSecretBoxKey, SecretBox, SecretBoxError, secretBoxFor } from './secret-box.js';

const key = () => randomBytes(32);
const dirs: string[] = [];
afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

/** Flips one bit of the base64url payload of a sealed value. */
function tamper(sealed: string, at: number): string {
  const [version, id, payload] = sealed.split('.');
  const bytes = Buffer.from(payload ?? '', 'base64url');
  bytes[at % bytes.length] = (bytes[at % bytes.length] ?? 0) ^ 1;
  return `${version}.${id}.${bytes.toString('base64url')}`;
}

describe('secret box', () => {
  it('seals and opens; the same value seals differently each time and never shows in the sealed text', async () => {
    const box = SecretBox.withKeys([key()]);
    const secret = '1//0refresh-token-여기';
    const a = await box.seal(secret, 'store:1');
    const b = await box.seal(secret, 'store:1');
    expect(a).not.toBe(b);
    expect(a).toMatch(/^sb1\.[A-Za-z0-9_-]{8}\.[A-Za-z0-9_-]+$/);
    expect(a).not.toContain('refresh');
    expect(await box.open(a, 'store:1')).toBe(secret);
    expect(await box.open(b, 'store:1')).toBe(secret);
  });

  it('refuses a value that was altered anywhere (iv, ciphertext, tag)', async () => {
    const box = SecretBox.withKeys([key()]);
    const sealed = await box.seal('a refresh token', 'ctx');
    const length = Buffer.from(sealed.split('.')[2] ?? '', 'base64url').length;
    for (const at of [0, 11, 12, 20, length - 16, length - 1])
      await expect(box.open(tamper(sealed, at), 'ctx')).rejects.toThrow(SecretBoxError);
    await expect(box.open(sealed.slice(0, -4), 'ctx')).rejects.toThrow(SecretBoxError);
    await expect(box.open('plain text', 'ctx')).rejects.toThrow(SecretBoxError);
    await expect(box.open('sb1.abc.AAAA', 'ctx')).rejects.toThrow(SecretBoxError);
  });

  it('refuses a value sealed for another context (copied to another row) or with an unknown key', async () => {
    const box = SecretBox.withKeys([key()]);
    const sealed = await box.seal('token', 'storehelper.google:store-a:refresh');
    await expect(box.open(sealed, 'storehelper.google:store-b:refresh')).rejects.toThrow(SecretBoxError);
    const other = SecretBox.withKeys([key()]);
    await expect(other.open(sealed, 'storehelper.google:store-a:refresh')).rejects.toThrow(/key/);
  });

  it('rotates: the first key seals, older keys still open, and old values are reported stale', async () => {
    const oldKey = key();
    const newKey = key();
    const before = SecretBox.withKeys([oldKey]);
    const sealedBefore = await before.seal('v1', 'c');
    const after = SecretBox.withKeys([newKey, oldKey]);
    expect(await after.open(sealedBefore, 'c')).toBe('v1');
    expect(await after.isStale(sealedBefore)).toBe(true);
    const sealedAfter = await after.seal('v2', 'c');
    expect(await after.isStale(sealedAfter)).toBe(false);
    await expect(before.open(sealedAfter, 'c')).rejects.toThrow(SecretBoxError);
  });

  it('takes SECRET_BOX_KEY from the environment and refuses a key of the wrong size', async () => {
    const first = key().toString('base64');
    const second = key().toString('base64');
    const config = loadConfig({ SECRET_BOX_KEY: `${first}, ${second}` });
    expect(config.secretBox.keys).toEqual([first, second]);
    const sealed = await secretBoxFor(config).seal('x');
    expect(await SecretBox.withKeys([Buffer.from(first, 'base64')]).open(sealed)).toBe('x');
    expect(isSecretBoxKey(randomBytes(16).toString('base64'))).toBe(false);
    expect(() => loadConfig({ SECRET_BOX_KEY: randomBytes(31).toString('base64') })).toThrow(
      /SECRET_BOX_KEY/,
    );
  });

  it('without SECRET_BOX_KEY generates one key file in DATA_DIR, once, shared by every box', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'secret-box-'));
    dirs.push(dir);
    const config = loadConfig({ DATA_DIR: dir });
    const boxes = [secretBoxFor(config), secretBoxFor(config), secretBoxFor(config)];
    // Three boxes racing for the first key: one file wins, every box uses it.
    const sealed = await Promise.all(boxes.map((box, i) => box.seal(`value ${i}`)));
    for (const value of sealed) expect(value.split('.')[1]).toBe(sealed[0]?.split('.')[1]);
    expect(await secretBoxFor(config).open(sealed[2] ?? '')).toBe('value 2');
    const file = path.join(dir, 'secret-box.key');
    expect(isSecretBoxKey((await readFile(file, 'utf8')).trim())).toBe(true);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
  });

  it('refuses to start from a key file that is not a key', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'secret-box-'));
    dirs.push(dir);
    await writeFile(path.join(dir, 'secret-box.key'), 'not a key\n');
    await expect(secretBoxFor(loadConfig({ DATA_DIR: dir })).seal('x')).rejects.toThrow(/32-byte/);
  });
});
