import { createHash } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';

/**
 * A backup is one .tar.gz: plain ustar, so an operator can open it with `tar -xzf` and read every
 * part. Only regular files with short names are written, which is all a backup holds.
 */
export interface Part {
  name: string;
  content: Buffer;
}

const BLOCK = 512;

function header(name: string, size: number, mtime: number): Buffer {
  if (Buffer.byteLength(name) > 99) throw new Error(`archive part name too long: ${name}`);
  const h = Buffer.alloc(BLOCK, 0);
  h.write(name, 0, 'utf8');
  h.write('0000600\0', 100, 'ascii'); // mode
  h.write('0000000\0', 108, 'ascii'); // uid
  h.write('0000000\0', 116, 'ascii'); // gid
  h.write(`${size.toString(8).padStart(11, '0')}\0`, 124, 'ascii');
  h.write(`${Math.floor(mtime / 1000).toString(8).padStart(11, '0')}\0`, 136, 'ascii');
  h.write('        ', 148, 'ascii'); // checksum is computed with this field as spaces
  h.write('0', 156, 'ascii'); // regular file
  h.write('ustar\0', 257, 'ascii');
  h.write('00', 263, 'ascii');
  let sum = 0;
  for (const byte of h) sum += byte;
  h.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 'ascii');
  return h;
}

export function writeArchive(parts: Part[], mtime = Date.now()): Buffer {
  const chunks: Buffer[] = [];
  for (const part of parts) {
    chunks.push(header(part.name, part.content.length, mtime), part.content);
    const pad = (BLOCK - (part.content.length % BLOCK)) % BLOCK;
    if (pad) chunks.push(Buffer.alloc(pad, 0));
  }
  chunks.push(Buffer.alloc(BLOCK * 2, 0));
  return gzipSync(Buffer.concat(chunks));
}

export class DamagedBackupError extends Error {
  constructor(detail: string) {
    super(`The backup is damaged or not a gezinsplan backup: ${detail}. Nothing was restored.`);
    this.name = 'DamagedBackupError';
  }
}

export function readArchive(gz: Buffer): Part[] {
  let tar: Buffer;
  try {
    tar = gunzipSync(gz);
  } catch (err) {
    throw new DamagedBackupError(`cannot unpack (${(err as Error).message})`);
  }
  const parts: Part[] = [];
  let at = 0;
  while (at + BLOCK <= tar.length) {
    const h = tar.subarray(at, at + BLOCK);
    if (h.every((b) => b === 0)) break;
    const stored = Number.parseInt(h.subarray(148, 156).toString('ascii').replace(/\0.*$/, '').trim(), 8);
    let sum = 0;
    for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 32 : h[i]!;
    if (stored !== sum) throw new DamagedBackupError(`header at byte ${at} does not add up`);
    const name = h.subarray(0, 100).toString('utf8').replace(/\0.*$/s, '');
    const size = Number.parseInt(h.subarray(124, 136).toString('ascii').replace(/\0.*$/, '').trim(), 8);
    if (at + BLOCK + size > tar.length) throw new DamagedBackupError(`part ${name} is cut short`);
    parts.push({ name, content: Buffer.from(tar.subarray(at + BLOCK, at + BLOCK + size)) });
    at += BLOCK + Math.ceil(size / BLOCK) * BLOCK;
  }
  return parts;
}

export const sha256 = (content: Buffer | string) => createHash('sha256').update(content).digest('hex');
