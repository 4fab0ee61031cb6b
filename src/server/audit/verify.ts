import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { AccessLogFinding, AccessLogVerification } from '../../shared/schemas/access-log.ts';
import { rowsOf, type Db, type Executor } from '../db/connection.ts';
import { rowHash, selectLogRows, type LogRow } from './chain.ts';

/** The shapes of the answer are those of the API (src/shared/schemas/access-log.ts). */
export type Finding = z.infer<typeof AccessLogFinding>;
/**
 * - `changed`: the row's content or links no longer give its hash (changed, or inserted with a made-up hash);
 * - `missing_before`: the row before this one in its chain is gone (deleted), or a row was put in between;
 * - `duplicate`: two rows claim the same place in the chain;
 * - `checkpoint_mismatch`: a recorded chain head no longer matches the row at that place (or the row is gone).
 */
export type Problem = Finding['problem'];
/** `firstFailure`: the first row that does not fit, in chain order; `findings`: the first problem of each broken chain and every checkpoint that no longer matches. */
export type Verification = Omit<AccessLogVerification, 'checkedAt'>;

function walk(chain: string, rows: LogRow[]): Finding | null {
  let prevHash = '';
  let expectedSeq = 1;
  for (const row of rows) {
    const seq = Number(row.chain_seq);
    const finding = (problem: Problem): Finding => ({ problem, chain, chainSeq: seq, rowId: Number(row.id) });
    if (seq < expectedSeq) return finding('duplicate');
    if (seq > expectedSeq || row.prev_hash !== prevHash) return finding(seq > expectedSeq ? 'missing_before' : 'changed');
    if (rowHash(row, row.chain_seq!, prevHash) !== row.hash) return finding('changed');
    prevHash = row.hash;
    expectedSeq = seq + 1;
  }
  return null;
}

/**
 * Walks every chain from its first row, recomputing each hash, then checks every recorded chain
 * head. Reads everything in one snapshot (repeatable read) so a sealing job meanwhile does not
 * look like tampering.
 */
export function verifyAccessLog(db: Db): Promise<Verification> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`set transaction isolation level repeatable read`);
    return verifyIn(tx);
  });
}

async function verifyIn(db: Executor): Promise<Verification> {
  const rows = await selectLogRows(db, sql`hash is not null order by coalesce(access_log.collaboration_id::text, 'platform'), access_log.chain_seq, access_log.id`);
  const [{ unsealed }] = rowsOf<{ unsealed: string }>(await db.execute(sql`select count(*)::text as unsealed from access_log where hash is null`)) as [{ unsealed: string }];
  const checkpoints = rowsOf<{ chain: string; chain_seq: string; hash: string }>(await db.execute(sql`
    select chain, chain_seq::text as chain_seq, hash from access_log_checkpoints order by id`));
  const byChain = new Map<string, LogRow[]>();
  for (const row of rows) {
    const chainRows = byChain.get(row.chain);
    if (chainRows) chainRows.push(row);
    else byChain.set(row.chain, [row]);
  }
  const failures: Finding[] = [];
  for (const [chain, chainRows] of byChain) {
    const failure = walk(chain, chainRows);
    if (failure) failures.push(failure);
  }
  const bySeq = new Map(rows.map((r) => [`${r.chain}#${r.chain_seq}`, r]));
  for (const cp of checkpoints) {
    const row = bySeq.get(`${cp.chain}#${cp.chain_seq}`);
    if (row?.hash !== cp.hash) {
      failures.push({ problem: 'checkpoint_mismatch', chain: cp.chain, chainSeq: Number(cp.chain_seq), rowId: row ? Number(row.id) : null });
    }
  }
  // The earliest place any problem shows, so a rewrite of a tail reports where it starts.
  failures.sort((a, b) => a.chain.localeCompare(b.chain) || a.chainSeq - b.chainSeq);
  return {
    ok: failures.length === 0,
    rows: rows.length,
    chains: byChain.size,
    checkpoints: checkpoints.length,
    unsealed: Number(unsealed),
    firstFailure: failures[0] ?? null,
    findings: failures,
  };
}

/** One line for people: what verified, or the first row that does not fit. */
export function describeVerification(v: Verification): string {
  if (v.ok) return `all ${v.rows} rows verify (${v.chains} chains, ${v.checkpoints} checkpoints, ${v.unsealed} not yet sealed)`;
  const f = v.firstFailure!;
  const where = `chain ${f.chain}, place ${f.chainSeq}${f.rowId === null ? '' : `, row id ${f.rowId}`}`;
  const what: Record<Problem, string> = {
    changed: 'the row was changed, or inserted by hand',
    missing_before: 'the row before it was deleted, or a row was put in between',
    duplicate: 'two rows claim the same place',
    checkpoint_mismatch: 'a recorded chain head no longer matches',
  };
  return `access log does NOT verify: ${where}: ${what[f.problem]}`;
}
