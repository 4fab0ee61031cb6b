import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import pg from 'pg';
import { DEMO_PASSWORD } from '../src/server/demo/accounts.ts';

/** A server of bench/load-server.ts in a process of its own. */
export interface BenchServer { port: number; origin: string; child: ChildProcess }

/** Starts `bare` (Fastify's hello world) or `app` (LOAD_DATABASE_URL in `env` for PostgreSQL) and waits until it listens. */
export async function startServer(mode: 'bare' | 'app', env: Record<string, string> = {}): Promise<BenchServer> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/load-server.ts', mode], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  for await (const line of createInterface({ input: child.stdout! })) {
    const ready = /^ready (\d+)$/.exec(line);
    if (ready) return { port: Number(ready[1]), origin: `http://127.0.0.1:${ready[1]}`, child };
  }
  throw new Error(`${mode} server did not start`);
}

/** Stops a server and waits until it is gone, so its database can be dropped. */
export async function stopServer(server: BenchServer): Promise<void> {
  if (server.child.exitCode !== null || server.child.signalCode !== null) return;
  const exited = new Promise((resolve) => server.child.once('exit', resolve));
  server.child.kill();
  await exited;
}

/** Signs in a demo account; answers the cookie header and the CSRF token and memberships of GET /me. */
export async function signInDemo(server: BenchServer, email: string) {
  const res = await fetch(`${server.origin}/api/v1/auth/login`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  });
  if (!res.ok) throw new Error(`sign-in failed: ${res.status}`);
  const me = (await res.json()) as { csrfToken: string; memberships: { collaborationId: string }[] };
  return { cookie: res.headers.get('set-cookie')!.split(';')[0]!, csrfToken: me.csrfToken, memberships: me.memberships };
}

/**
 * A new, empty PostgreSQL database next to `base` for one benchmark run, dropped by `drop()`;
 * null when no PostgreSQL answers there.
 */
export async function ownPostgresDatabase(base: string, prefix: string): Promise<{ url: string; drop: () => Promise<void> } | null> {
  const admin = new pg.Client({ connectionString: base });
  try { await admin.connect(); } catch { return null; }
  const name = `${prefix}_${Date.now()}`;
  await admin.query(`create database ${name}`);
  const u = new URL(base);
  u.pathname = `/${name}`;
  return {
    url: u.toString(),
    drop: async () => { await admin.query(`drop database if exists ${name} with (force)`); await admin.end(); },
  };
}
