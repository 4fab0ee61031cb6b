import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

/** The real server process, as `npm start` runs it: start, refuse a second one, stop on SIGTERM. */
interface Running {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

function startServer(dataDir: string): Running {
  // Always the embedded database here, whatever the surrounding environment points at.
  const { DATABASE_URL: _notUsed, ...inherited } = process.env;
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    env: { ...inherited, DATA_DIR: dataDir, PORT: '0', SERVE_WEB: 'false', LOG_LEVEL: 'info', NODE_ENV: 'test', JOBS_POLL_MS: '200' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

async function readyAddress(server: Running): Promise<string> {
  for (let waited = 0; waited < 60_000; waited += 100) {
    const line = server.output().split('\n').find((l) => l.includes('"gezinsplan is ready"'));
    if (line) return (JSON.parse(line) as { address: string }).address;
    if (server.child.exitCode !== null) throw new Error(`server exited early:\n${server.output()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`server did not get ready:\n${server.output()}`);
}

describe('the server process', () => {
  const folders: string[] = [];
  afterAll(async () => {
    for (const folder of folders) await rm(folder, { recursive: true, force: true });
  });

  it('starts on an empty data folder, refuses a second process on it, stops cleanly and starts again', { timeout: 120_000 }, async () => {
    const dataDir = join(await mkdtemp(join(tmpdir(), 'gezinsplan-main-')), 'data');
    folders.push(dataDir);
    const first = startServer(dataDir);
    const address = await readyAddress(first);
    expect(first.output()).toContain('demo data loaded');
    expect((await fetch(`${address}/api/v1/health`)).status).toBe(200);

    const second = startServer(dataDir);
    expect(await second.exited).toBe(1);
    expect(second.output()).toContain(`The data folder ${dataDir} is in use by another gezinsplan process.`);
    // The first one was not disturbed.
    expect((await fetch(`${address}/api/v1/health`)).status).toBe(200);

    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
    expect(first.output()).toContain('"stopped"');

    const again = startServer(dataDir);
    const againAddress = await readyAddress(again);
    expect(again.output()).not.toContain('demo data loaded');
    const login = await fetch(`${againAddress}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'admin.gent@gezinsplan.example', password: 'demo-gezinsplan' }),
    });
    expect(login.status).toBe(200);
    again.child.kill('SIGTERM');
    expect(await again.exited).toBe(0);
  });
});
