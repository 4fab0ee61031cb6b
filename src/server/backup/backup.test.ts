import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAccessLog } from '../audit/verify.ts';
import { sealAccessLog } from '../audit/chain.ts';
import type { Database } from '../db/connection.ts';
import { seedDemoIfEmpty } from '../demo/seed.ts';
import { freshDatabase, unmigratedDatabase } from '../test/database.ts';
import { readArchive, writeArchive } from './archive.ts';
import { tableDigests } from './catalog.ts';
import { createBackup } from './dump.ts';
import { checkBackup, isEmptyDatabase, restoreBackup } from './restore.ts';

let source: Database;
let archive: Buffer;
const opened: Database[] = [];
const target = async () => {
  const d = await unmigratedDatabase();
  opened.push(d);
  return d;
};

beforeAll(async () => {
  source = await freshDatabase();
  await seedDemoIfEmpty(source.db, { info: () => undefined });
  await sealAccessLog(source.db);
  archive = await createBackup(source.db, source.kind);
}, 120_000);
afterAll(async () => {
  for (const d of opened) await d.close();
  await source?.close();
});

describe('restore drill', () => {
  it('restores every table row for row into an empty database, and the access log verifies', async () => {
    const copy = await target();
    const result = await restoreBackup(copy, checkBackup(archive));
    expect(result.rows).toBeGreaterThan(100);
    expect(await tableDigests(copy.db)).toEqual(await tableDigests(source.db));
    await copy.migrate();
    const verification = await verifyAccessLog(copy.db);
    expect(verification.ok).toBe(true);
    expect(verification.rows).toBeGreaterThan(0);
    // Sequences go on after the restored rows instead of colliding with them.
    const [seq] = (await copy.db.execute(sql`select max(id)::int as m from access_log`) as unknown as { rows: { m: number }[] }).rows;
    const [next] = (await copy.db.execute(sql`select last_value::int as v from pg_sequences where sequencename like 'access_log_id%'`) as unknown as { rows: { v: number }[] }).rows;
    expect(next!.v).toBeGreaterThanOrEqual(seq!.m);
  }, 120_000);

  it('refuses a backup with one byte changed and restores nothing', async () => {
    const parts = readArchive(archive);
    const users = parts.find((p) => p.name === 'tables/users.jsonl')!;
    const at = users.content.indexOf('@');
    users.content[at] = '#'.charCodeAt(0);
    const copy = await target();
    expect(() => checkBackup(writeArchive(parts))).toThrow(/tables\/users\.jsonl does not match its SHA-256/);
    const raw = Buffer.from(archive);
    const mid = Math.floor(raw.length / 2);
    raw[mid] = raw[mid]! ^ 0x01;
    expect(() => checkBackup(raw)).toThrow(/damaged/);
    expect(await isEmptyDatabase(copy.db)).toBe(true);
  });

  it('refuses a target that is not empty and changes nothing', async () => {
    const other = await freshDatabase();
    opened.push(other);
    const before = await tableDigests(other.db);
    await expect(restoreBackup(other, checkBackup(archive))).rejects.toThrow(/not empty/);
    expect(await tableDigests(other.db)).toEqual(before);
  });
});
