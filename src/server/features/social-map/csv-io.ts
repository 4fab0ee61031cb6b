import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { Actor } from '../../access/actor.ts';
import { audit } from '../../audit/audit.ts';
import type { Tx } from '../../db/connection.ts';
import { lifeDomains, socialMapEntries } from '../../db/schema/index.ts';
import type { RequestContext } from '../../http/context.ts';
import { AppError } from '../../http/errors.ts';
import { fromCsv, toCsv } from './csv.ts';
import { authorizeSocialMap } from './service.ts';

async function domainNames(tx: Tx, collaborationId: string) {
  const rows = await tx.select({ id: lifeDomains.id, name: lifeDomains.labelNl }).from(lifeDomains).where(eq(lifeDomains.collaborationId, collaborationId));
  return { byId: new Map(rows.map((r) => [r.id, r.name])), byName: new Map(rows.map((r) => [r.name.toLowerCase(), r.id])) };
}

export async function exportCsv(tx: Tx, ctx: RequestContext, actor: Actor, collaborationId: string): Promise<string> {
  const role = authorizeSocialMap(actor, collaborationId);
  const domains = await domainNames(tx, collaborationId);
  const rows = await tx.select().from(socialMapEntries)
    .where(and(eq(socialMapEntries.collaborationId, collaborationId), isNull(socialMapEntries.archivedAt)))
    .orderBy(asc(socialMapEntries.organisation), asc(socialMapEntries.id));
  await audit(tx, ctx, { action: 'export', entityType: 'social_map', collaborationId, role });
  return toCsv(rows.map((r) => ({
    id: r.id, organisation: r.organisation, service: r.service, description: r.description ?? '',
    lifeDomains: r.lifeDomainIds.map((id) => domains.byId.get(id) ?? '').filter(Boolean).join('|'),
    targetGroup: r.targetGroup ?? '', postcodes: r.postcodes.join(' '), howToRegister: r.howToRegister ?? '', contact: r.contact ?? '',
    waitingWeeks: r.waitingWeeks === null ? '' : String(r.waitingWeeks), waitingNote: r.waitingNote ?? '',
    waitingConfirmedAt: r.waitingConfirmedAt?.toISOString() ?? '',
  })));
}

/**
 * Imports a CSV: a row with the id of an entry of this collaboration updates it, any other row adds
 * an entry. All or nothing: one unreadable line (or unknown life domain) refuses the whole file with
 * the line numbers, so a half-imported map never happens.
 */
export async function importCsv(tx: Tx, ctx: RequestContext, actor: Actor, collaborationId: string, csv: string, now: Date) {
  const role = authorizeSocialMap(actor, collaborationId);
  const { rows, errors } = fromCsv(csv);
  const domains = await domainNames(tx, collaborationId);
  const existing = new Set((await tx.select({ id: socialMapEntries.id }).from(socialMapEntries)
    .where(eq(socialMapEntries.collaborationId, collaborationId))).map((r) => r.id));
  const values = rows.map((r, i) => {
    const ids = r.lifeDomains === '' ? [] : r.lifeDomains.split('|').map((n) => domains.byName.get(n.trim().toLowerCase()));
    if (ids.some((id) => !id)) errors.push({ line: i + 2, column: 'lifeDomains' });
    const weeks = r.waitingWeeks === '' ? null : Number(r.waitingWeeks);
    return {
      id: existing.has(r.id) ? r.id : null,
      set: {
        organisation: r.organisation, service: r.service, description: r.description || null, lifeDomainIds: ids.filter((id): id is string => !!id),
        targetGroup: r.targetGroup || null, postcodes: r.postcodes === '' ? [] : r.postcodes.split(/\s+/), howToRegister: r.howToRegister || null,
        contact: r.contact || null, waitingWeeks: weeks, waitingNote: r.waitingNote || null,
        ...(weeks !== null && { waitingConfirmedAt: r.waitingConfirmedAt ? new Date(r.waitingConfirmedAt) : now, waitingConfirmedByUserId: actor.userId }),
      },
    };
  });
  if (errors.length > 0) {
    throw new AppError(422, 'validation_failed', errors.slice(0, 50).map((e) => ({ field: `csv.${e.line}.${e.column}`, code: 'invalid', message: '' })));
  }
  let created = 0;
  let updated = 0;
  for (const v of values) {
    if (v.id) {
      await tx.update(socialMapEntries).set({ ...v.set, archivedAt: null, updatedAt: now, version: sql`${socialMapEntries.version} + 1` }).where(and(eq(socialMapEntries.collaborationId, collaborationId), eq(socialMapEntries.id, v.id)));
      updated++;
    } else {
      await tx.insert(socialMapEntries).values({ ...v.set, collaborationId });
      created++;
    }
  }
  await audit(tx, ctx, { action: 'create', entityType: 'social_map_import', collaborationId, role, reason: `${created} created, ${updated} updated` });
  return { created, updated };
}
