import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from '../../config.ts';

type KeyConfig = Pick<Config, 'NODE_ENV' | 'DATA_DIR' | 'SECOND_FACTOR_KEY'>;

const KEY_FILE = 'second-factor.key';
const cache = new Map<string, Buffer>();

function parseKey(text: string): Buffer {
  const trimmed = text.trim();
  const key = /^[0-9a-f]{64}$/i.test(trimmed) ? Buffer.from(trimmed, 'hex') : Buffer.from(trimmed, 'base64');
  if (key.length !== 32) throw new Error('SECOND_FACTOR_KEY must be 32 bytes, as 64 hex characters or base64');
  return key;
}

/**
 * The key that encrypts TOTP secrets at rest. Production must set SECOND_FACTOR_KEY (kept apart from
 * the database, so a stolen backup holds no usable secrets). Outside production a random key is made
 * once in DATA_DIR; tests use a fixed one so parallel test files agree without touching the disk.
 */
export function secondFactorKey(config: KeyConfig): Buffer {
  const cacheKey = `${config.NODE_ENV}:${config.SECOND_FACTOR_KEY ?? ''}:${config.DATA_DIR}`;
  const cached = cache.get(cacheKey);
  if (cached) return cached;
  let key: Buffer;
  if (config.SECOND_FACTOR_KEY) key = parseKey(config.SECOND_FACTOR_KEY);
  else if (config.NODE_ENV === 'production') throw new Error('SECOND_FACTOR_KEY is required in production (32 bytes: openssl rand -hex 32)');
  else if (config.NODE_ENV === 'test') key = createHash('sha256').update('gezinsplan test second-factor key').digest();
  else key = keyFromDataDir(config.DATA_DIR);
  cache.set(cacheKey, key);
  return key;
}

function keyFromDataDir(dataDir: string): Buffer {
  const path = join(dataDir, KEY_FILE);
  mkdirSync(dataDir, { recursive: true });
  try {
    // 'wx' fails when another process made the file first; then both use that one.
    writeFileSync(path, randomBytes(32).toString('hex'), { flag: 'wx', mode: 0o600 });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
  return parseKey(readFileSync(path, 'utf8'));
}

/** AES-256-GCM; the owner's id is bound in as associated data, so a secret copied to another row fails. */
export function encryptSecret(key: Buffer, plain: string, ownerId: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(ownerId));
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return `v1:${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url')}`;
}

export function decryptSecret(key: Buffer, stored: string, ownerId: string): string {
  if (!stored.startsWith('v1:')) throw new Error('unknown secret format');
  const raw = Buffer.from(stored.slice(3), 'base64url');
  const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
  decipher.setAAD(Buffer.from(ownerId));
  decipher.setAuthTag(raw.subarray(12, 28));
  return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
}
