import { createServer, request } from 'node:http';
import { chmod, rm } from 'node:fs/promises';
import { relative, resolve } from 'node:path';
import type { Db } from '../db/connection.ts';
import { createBackup } from './dump.ts';

/**
 * The embedded database can be open in one process only, so while the server runs it is the one
 * that makes a backup. It answers on a unix socket inside the data folder rather than on a TCP
 * port: a socket file is never reachable over the network or through a load balancer, and with
 * mode 0600 only the operating-system account that runs the server (and root) may connect, who
 * can read the database files in that folder anyway. No token, so nothing to leak or guess.
 */
export const OPERATOR_SOCKET = '.gezinsplan-operator.sock';

/** sun_path holds 108 bytes with its terminating zero. */
const MAX_SOCKET_PATH = 107;

export class OperatorSocketError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OperatorSocketError';
  }
}

/**
 * Where the socket of a data folder is. bind() and connect() read a relative path from the
 * process's working folder, so the shorter of the two forms is taken: it lets a deep DATA_DIR
 * stay within the 107 bytes a socket path may have.
 */
export function operatorSocketPath(dataDir: string): string {
  const absolute = resolve(dataDir, OPERATOR_SOCKET);
  const rel = relative(process.cwd(), absolute);
  const path = rel.length < absolute.length ? `./${rel}` : absolute;
  if (Buffer.byteLength(path) > MAX_SOCKET_PATH) {
    throw new OperatorSocketError(`The socket path ${absolute} is longer than ${MAX_SOCKET_PATH} bytes; use a shorter DATA_DIR.`);
  }
  return path;
}

interface Log {
  info(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

/**
 * Listens on the data folder's operator socket. `POST /backup` answers the backup archive of the
 * database, read in one snapshot; one backup at a time. The caller holds the data folder's lock,
 * so a socket file left by a crashed server is removed first.
 */
export async function startOperatorSocket(opts: { dataDir: string; db: Db; logger: Log }): Promise<{ path: string; close(): Promise<void> }> {
  const path = operatorSocketPath(opts.dataDir);
  await rm(path, { force: true });
  let busy = false;
  const server = createServer((req, res) => {
    if (req.method !== 'POST' || req.url !== '/backup') {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Only POST /backup is known here.\n');
      return;
    }
    if (busy) {
      res.writeHead(409, { 'content-type': 'text/plain' }).end('A backup is being made already; try again when it is done.\n');
      return;
    }
    busy = true;
    const started = Date.now();
    createBackup(opts.db, 'pglite').then(
      (archive) => {
        opts.logger.info({ bytes: archive.length, ms: Date.now() - started }, 'backup made for the operator socket');
        res.writeHead(200, { 'content-type': 'application/gzip', 'content-length': archive.length }).end(archive);
      },
      (err: unknown) => {
        opts.logger.error({ err }, 'backup for the operator socket failed');
        res.writeHead(500, { 'content-type': 'text/plain' }).end(`The backup failed: ${(err as Error).message}\n`);
      },
    ).finally(() => { busy = false; });
  });
  // The socket is born 0600 (no moment in which another account could connect), then kept so.
  const umask = process.umask(0o177);
  try {
    await new Promise<void>((done, fail) => {
      server.once('error', fail);
      server.listen(path, () => { server.off('error', fail); done(); });
    });
  } finally {
    process.umask(umask);
  }
  await chmod(path, 0o600);
  return {
    path,
    close: () => new Promise<void>((done) => { server.close(() => done()); }),
  };
}

/** Asks the server that holds the data folder for a backup; answers the archive as it sent it. */
export function requestBackupFromServer(dataDir: string): Promise<Buffer> {
  const socketPath = operatorSocketPath(dataDir);
  return new Promise((done, fail) => {
    const req = request({ socketPath, method: 'POST', path: '/backup' }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('error', fail);
      res.on('end', () => {
        const body = Buffer.concat(chunks);
        if (res.statusCode === 200) done(body);
        else fail(new OperatorSocketError(`The running server did not make the backup (${res.statusCode}): ${body.toString('utf8').trim()}`));
      });
    });
    req.on('error', (err: NodeJS.ErrnoException) => {
      fail(new OperatorSocketError(
        `The data folder ${dataDir} is in use by a running gezinsplan server, but it does not answer on its socket ${socketPath} (${err.code ?? err.message}). ` +
        'Is it an older version? Stop it and run the backup again.'));
    });
    req.end();
  });
}
