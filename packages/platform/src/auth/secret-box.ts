import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { link, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

const VERSION = 'sb1';
const IV_BYTES = 12;
const TAG_BYTES = 16;
const KEY_FILE = 'secret-box.key';

/** Where the secret box gets its keys (config.secretBox). */
export interface SecretBoxConfig {
  /** SECRET_BOX_KEY: base64 keys of 32 bytes; the first seals, every one opens (rotation). */
  readonly keys: readonly string[];
  /** Used when no key is configured: a key generated once, kept in `DATA_DIR/secret-box.key`. */
  readonly keyFile: string;
}

/** A value that cannot be opened: not sealed by us, altered, sealed for another use, or an unknown key. */
export class SecretBoxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SecretBoxError';
  }
}

interface Key {
  readonly id: string;
  readonly bytes: Buffer;
}

/** Whether a SECRET_BOX_KEY entry is 32 bytes in base64 (`openssl rand -base64 32`). */
export function isSecretBoxKey(value: string): boolean {
  return /^[A-Za-z0-9+/_-]{43}=?$/.test(value) && Buffer.from(value, 'base64').length === 32;
}

/**
 * Secrets the server must use again later and so cannot hash (OAuth refresh tokens of connected
 * accounts, provider API keys), kept at rest with AES-256-GCM. A sealed value is
 * `sb1.<key id>.<base64url(iv | ciphertext | tag)>`: the key id lets old values open after a
 * rotation (SECRET_BOX_KEY=new,old). `context` names what the value is for (e.g.
 * `storehelper.google:<storeId>:refresh`); it is authenticated, so a value copied to another row
 * or use does not open. The database alone cannot open anything: the key lives outside it.
 */
export class SecretBox {
  private keys: Promise<readonly Key[]> | undefined;

  constructor(private readonly source: () => Promise<readonly Buffer[]>) {}

  /** A box over keys in memory (tests, tools); the first key seals. */
  static withKeys(keys: readonly Buffer[]): SecretBox {
    return new SecretBox(async () => keys);
  }

  /** Encrypts `plaintext` for `context`. */
  async seal(plaintext: string, context = ''): Promise<string> {
    const [key] = await this.loaded();
    if (!key) throw new SecretBoxError('the secret box has no key');
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', key.bytes, iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(additionalData(key.id, context));
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return `${VERSION}.${key.id}.${Buffer.concat([iv, body, cipher.getAuthTag()]).toString('base64url')}`;
  }

  /** Decrypts a value sealed for the same `context`; throws `SecretBoxError` otherwise. */
  async open(sealed: string, context = ''): Promise<string> {
    const [version, id, payload, ...rest] = sealed.split('.');
    if (version !== VERSION || !id || !payload || rest.length > 0)
      throw new SecretBoxError('not a sealed value');
    const key = (await this.loaded()).find((k) => k.id === id);
    if (!key) throw new SecretBoxError('sealed with a key this server does not have (SECRET_BOX_KEY)');
    const bytes = Buffer.from(payload, 'base64url');
    if (bytes.length < IV_BYTES + TAG_BYTES) throw new SecretBoxError('not a sealed value');
    const decipher = createDecipheriv('aes-256-gcm', key.bytes, bytes.subarray(0, IV_BYTES), {
      authTagLength: TAG_BYTES,
    });
    decipher.setAAD(additionalData(id, context));
    decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES));
    try {
      return Buffer.concat([
        decipher.update(bytes.subarray(IV_BYTES, bytes.length - TAG_BYTES)),
        decipher.final(),
      ]).toString('utf8');
    } catch {
      throw new SecretBoxError('the sealed value was altered or belongs to another use');
    }
  }

  /** Whether a value was sealed with an older key: seal it again when next writing it. */
  async isStale(sealed: string): Promise<boolean> {
    const [current] = await this.loaded();
    return sealed.split('.')[1] !== current?.id;
  }

  private loaded(): Promise<readonly Key[]> {
    if (!this.keys) {
      const pending = this.source().then((buffers) => buffers.map(toKey));
      // A failed load (an unreadable key file) is retried next time instead of being cached.
      pending.catch(() => {
        if (this.keys === pending) this.keys = undefined;
      });
      this.keys = pending;
    }
    return this.keys;
  }
}

/**
 * The platform's secret box: keys from SECRET_BOX_KEY, else one key generated at first use and kept
 * in `DATA_DIR/secret-box.key` (created once, atomically, by whoever comes first; every instance
 * sharing DATA_DIR shares it). Instances on different machines need SECRET_BOX_KEY.
 */
export function secretBoxFor(config: { readonly secretBox: SecretBoxConfig }): SecretBox {
  const { keys, keyFile } = config.secretBox;
  if (keys.length > 0) {
    const buffers = keys.map((key) => Buffer.from(key, 'base64'));
    return SecretBox.withKeys(buffers);
  }
  return new SecretBox(async () => [await keyFromFile(keyFile)]);
}

/** `DATA_DIR/secret-box.key`, for the configuration. */
export function secretBoxKeyFile(dataDir: string): string {
  return path.join(dataDir, KEY_FILE);
}

async function keyFromFile(file: string): Promise<Buffer> {
  const existing = await readKeyFile(file);
  if (existing) return existing;
  await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  // Written aside, then linked into place: `link` fails when the file exists, so the first
  // instance wins and nobody ever reads a half-written key.
  const draft = `${file}.${randomBytes(6).toString('hex')}.tmp`;
  await writeFile(draft, `${randomBytes(32).toString('base64')}\n`, { flag: 'wx', mode: 0o600 });
  try {
    await link(draft, file).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'EEXIST') throw error;
    });
  } finally {
    await rm(draft, { force: true });
  }
  const created = await readKeyFile(file);
  if (!created) throw new Error(`${file} could not be created`);
  return created;
}

async function readKeyFile(file: string): Promise<Buffer | undefined> {
  let text: string;
  try {
    text = (await readFile(file, 'utf8')).trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  if (!isSecretBoxKey(text)) throw new Error(`${file} does not hold a 32-byte base64 key`);
  return Buffer.from(text, 'base64');
}

function toKey(bytes: Buffer): Key {
  if (bytes.length !== 32) throw new SecretBoxError('a secret box key must be 32 bytes');
  return { id: createHash('sha256').update(bytes).digest().subarray(0, 6).toString('base64url'), bytes };
}

function additionalData(keyId: string, context: string): Buffer {
  return Buffer.from(`${VERSION}.${keyId}.${context}`, 'utf8');
}
