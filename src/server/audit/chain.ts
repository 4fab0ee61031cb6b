import { createHash } from 'node:crypto';
import { sql, type SQL } from 'drizzle-orm';
import { rowsOf, type Db, type Executor } from '../db/connection.ts';

/** The chain of rows without a collaboration (sign-in, platform actions). */
export const PLATFORM_CHAIN = 'platform';
/** Serialises sealers across app instances; a transaction-scoped advisory lock. */
const SEAL_LOCK = 727373;
const SEAL_BATCH = 2000;

/**
 * Every field as text, read the same way on PGlite and node-postgres: timestamps with all six
 * digits of their microseconds in UTC, int8 as decimal text, so the hash never depends on a driver.
 */
const ROW_FIELDS = sql.raw(`
  id::text as id,
  to_char(occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as occurred_at,
  coalesce(collaboration_id::text, '${PLATFORM_CHAIN}') as chain,
  collaboration_id::text as collaboration_id, family_id::text as family_id,
  actor_user_id::text as actor_user_id, actor_role,
  actor_organisation_id::text as actor_organisation_id,
  on_behalf_of_participant_id::text as on_behalf_of_participant_id,
  action, entity_type, entity_id, outcome, reason, client_address, user_agent, request_id,
  chain_seq::text as chain_seq, prev_hash, hash`);

export interface LogRow {
  id: string;
  chain: string;
  chain_seq: string | null;
  prev_hash: string | null;
  hash: string | null;
  [field: string]: string | null;
}

const HASHED = [
  'id', 'occurred_at', 'collaboration_id', 'family_id', 'actor_user_id', 'actor_role', 'actor_organisation_id',
  'on_behalf_of_participant_id', 'action', 'entity_type', 'entity_id', 'outcome', 'reason', 'client_address',
  'user_agent', 'request_id',
].sort();

/** SHA-256 (hex) over canonical JSON: the row's fields in sorted key order, its place and the previous hash. */
export function rowHash(row: LogRow, chainSeq: string, prevHash: string): string {
  const fields: Record<string, string | null> = {};
  for (const key of HASHED) fields[key] = row[key] ?? null;
  const canonical = JSON.stringify({ chainSeq, fields, prevHash });
  return createHash('sha256').update(canonical).digest('hex');
}

export async function selectLogRows(db: Executor, where: SQL): Promise<LogRow[]> {
  return rowsOf<LogRow>(await db.execute(sql`select ${ROW_FIELDS} from access_log where ${where}`));
}

/** The last sealed row of each chain: seq and hash to continue from. */
async function chainHeads(db: Executor, chains: string[]): Promise<Map<string, { seq: number; hash: string }>> {
  const heads = new Map<string, { seq: number; hash: string }>();
  if (chains.length === 0) return heads;
  const rows = rowsOf<{ chain: string; seq: string; hash: string }>(await db.execute(sql`
    select distinct on (chain) chain, chain_seq::text as seq, hash from (
      select coalesce(collaboration_id::text, ${PLATFORM_CHAIN}) as chain, chain_seq, hash from access_log where hash is not null
    ) sealed
    where chain in (${sql.join(chains.map((c) => sql`${c}`), sql`, `)})
    order by chain, chain_seq desc`));
  for (const r of rows) heads.set(r.chain, { seq: Number(r.seq), hash: r.hash });
  return heads;
}

/**
 * Links every committed, not yet sealed row into its chain, in insertion (id) order, and records
 * each chain's new head as a checkpoint. Request transactions only insert, so the hot path takes
 * no lock; one sealer at a time holds the advisory lock. Returns how many rows it sealed.
 */
export async function sealAccessLog(db: Db): Promise<number> {
  let total = 0;
  for (;;) {
    const sealed = await db.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(${SEAL_LOCK})`);
      const rows = await selectLogRows(tx, sql`hash is null order by access_log.id limit ${SEAL_BATCH}`);
      if (rows.length === 0) return 0;
      const chains = [...new Set(rows.map((r) => r.chain))];
      const heads = await chainHeads(tx, chains);
      for (const row of rows) {
        const head = heads.get(row.chain) ?? { seq: 0, hash: '' };
        const seq = String(head.seq + 1);
        const hash = rowHash(row, seq, head.hash);
        await tx.execute(sql`update access_log set chain_seq = ${seq}::bigint, prev_hash = ${head.hash}, hash = ${hash} where id = ${row.id}::bigint`);
        heads.set(row.chain, { seq: head.seq + 1, hash });
      }
      for (const chain of chains) {
        const head = heads.get(chain)!;
        await tx.execute(sql`insert into access_log_checkpoints (chain, chain_seq, hash) values (${chain}, ${head.seq}, ${head.hash})`);
      }
      return rows.length;
    });
    total += sealed;
    if (sealed < SEAL_BATCH) return total;
  }
}
