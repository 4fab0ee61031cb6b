import { sql } from 'drizzle-orm';
import type { RetentionFile } from '../../../shared/schemas/retention.ts';
import { rowsOf, type Executor } from '../../db/connection.ts';

/**
 * The day a closed file's term ends: its closure in force (Brussels day) plus the collaboration's
 * retention years. One expression for the list, the hold and the daily job, so they never disagree.
 */
const closedOn = sql.raw(`(select (max(c.closed_at) at time zone 'Europe/Brussels')::date from family_closures c
  where c.collaboration_id = f.collaboration_id and c.family_id = f.id and c.reopened_at is null)`);
const eraseOn = sql`(${closedOn} + make_interval(years => k.retention_years))::date`;

interface Row { family_id: string; display_name: string; closed_on: string; erase_on: string; hold_reason: string | null; hold_at: Date | string | null; version: number }

/** Closed files of a collaboration whose term ends within `noticeDays` of `today` (or has ended: then they are held). */
export async function filesDue(db: Executor, collaborationId: string, today: string, noticeDays: number): Promise<RetentionFile[]> {
  const rows = rowsOf<Row>(await db.execute(sql`
    select * from (
      select f.id::text as family_id, f.display_name, ${closedOn}::text as closed_on, ${eraseOn}::text as erase_on,
        f.legal_hold_reason as hold_reason, f.legal_hold_at as hold_at, f.version
      from families f join collaborations k on k.id = f.collaboration_id
      where f.collaboration_id = ${collaborationId} and f.status = 'closed' and f.erased_at is null) d
    where d.erase_on is not null and d.erase_on::date <= ${today}::date + ${noticeDays}::int
    order by d.erase_on, d.display_name, d.family_id`));
  return rows.map((r) => ({
    familyId: r.family_id, displayName: r.display_name, closedOn: r.closed_on, eraseOn: r.erase_on, version: Number(r.version),
    legalHold: r.hold_reason ? { reason: r.hold_reason, since: new Date(r.hold_at!).toISOString() } : null,
  }));
}

/** Every file whose term has ended and that is not on legal hold, over all collaborations: the daily job's work. */
export async function filesPastTerm(db: Executor, today: string): Promise<{ familyId: string }[]> {
  return rowsOf<{ familyId: string }>(await db.execute(sql`
    select d.family_id as "familyId" from (
      select f.id::text as family_id, ${eraseOn} as erase_on
      from families f join collaborations k on k.id = f.collaboration_id
      where f.status = 'closed' and f.erased_at is null and f.legal_hold_reason is null) d
    where d.erase_on <= ${today}::date order by d.erase_on, d.family_id`));
}
