import { sql } from 'drizzle-orm';
import { ERASURE_NOTICE_DAYS } from '../../../shared/retention-constants.ts';
import type { RetentionFile, RetentionOverview } from '../../../shared/schemas/retention.ts';
import { audit } from '../../audit/audit.ts';
import { rowsOf, type Tx } from '../../db/connection.ts';
import type { RequestContext } from '../../http/context.ts';
import { notFound } from '../../http/errors.ts';
import { assertVersion } from '../../http/etag.ts';
import { brusselsDate } from '../registrations/timing.ts';
import { filesDue } from './repo.ts';

export async function retentionOverview(tx: Tx, collaborationId: string, now: Date): Promise<RetentionOverview> {
  const [k] = rowsOf<{ years: number }>(await tx.execute(sql`select retention_years as years from collaborations where id = ${collaborationId}`));
  return { retentionYears: Number(k?.years), noticeDays: ERASURE_NOTICE_DAYS, items: await filesDue(tx, collaborationId, brusselsDate(now), ERASURE_NOTICE_DAYS) };
}

/**
 * Puts a closed file on legal hold with a reason (`reason` set) or lifts it (null). Only closed,
 * not erased files of this collaboration; If-Match on the family's version.
 */
export async function setLegalHold(
  tx: Tx, ctx: RequestContext, role: string, collaborationId: string, familyId: string, expected: number, reason: string | null, now: Date,
): Promise<RetentionFile> {
  const [row] = rowsOf<{ version: number }>(await tx.execute(sql`select version from families
    where collaboration_id = ${collaborationId} and id = ${familyId} and status = 'closed' and erased_at is null for update`));
  if (!row) throw notFound();
  assertVersion(Number(row.version), expected);
  await tx.execute(sql`update families set legal_hold_reason = ${reason}, legal_hold_at = ${reason ? now.toISOString() : null}::timestamptz,
    legal_hold_by_user_id = ${reason ? ctx.actor?.userId ?? null : null}, version = version + 1, updated_at = now()
    where collaboration_id = ${collaborationId} and id = ${familyId}`);
  await audit(tx, ctx, { action: 'update', entityType: reason ? 'legal_hold' : 'legal_hold_lifted', entityId: familyId, collaborationId, familyId, role });
  // The file itself, whether or not it is within the notice period yet.
  const [file] = await filesDue(tx, collaborationId, '9999-01-01', 0).then((all) => all.filter((f) => f.familyId === familyId));
  if (!file) throw notFound();
  return file;
}
