import { and, asc, eq, isNull, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { Service, ServiceInput, ServicePatch, ServiceQuery } from '../../../shared/schemas/services.ts';
import { requireWriter, topicWhere, type FamilyScope } from '../../access/family-scope.ts';
import type { Executor, Tx } from '../../db/connection.ts';
import { families, familyServices, socialMapEntries } from '../../db/schema/index.ts';
import type { RequestContext } from '../../http/context.ts';
import { notFound } from '../../http/errors.ts';
import { assertUpdated, assertVersion } from '../../http/etag.ts';
import { checkLifeDomain, checkParticipants, invalidField } from '../plan/checks.ts';
import { checkOnBehalfOf, recordChange } from '../plan/history.ts';

type Row = typeof familyServices.$inferSelect;
const serviceTopic = { itemType: 'service', id: familyServices.id, lifeDomainId: familyServices.lifeDomainId, isPrivate: familyServices.isPrivate, authorParticipantId: familyServices.authorParticipantId };

const present = (r: Row): Service => ({
  id: r.id, organisation: r.organisation, kindOfHelp: r.kindOfHelp, memberIds: [...r.memberIds].sort(), lifeDomainId: r.lifeDomainId,
  since: r.since, contactPerson: r.contactPerson, contactPhone: r.contactPhone, status: r.status, waitingSince: r.waitingSince,
  expected: r.expected, bridging: r.bridging, endedOn: r.endedOn, familyExpects: r.familyExpects, position: r.position,
  socialMapEntryId: r.socialMapEntryId, createdAt: r.createdAt.toISOString(), updatedAt: r.updatedAt.toISOString(), version: r.version,
});

/** The services the asker may see (shared per life domain, like the plan), in the family's priority order. */
export async function loadServices(db: Executor, scope: FamilyScope, q: z.output<typeof ServiceQuery> & { id?: string } = {}): Promise<Service[]> {
  const where: SQL[] = [
    eq(familyServices.collaborationId, scope.collaborationId), eq(familyServices.familyId, scope.familyId), isNull(familyServices.deletedAt),
    topicWhere(scope, serviceTopic),
  ];
  if (q.id) where.push(eq(familyServices.id, q.id));
  if (q.status) where.push(eq(familyServices.status, q.status));
  if (q.lifeDomainId) where.push(eq(familyServices.lifeDomainId, q.lifeDomainId));
  if (q.memberId) where.push(sql`${q.memberId}::uuid = any(${familyServices.memberIds})`);
  const rows = await db.select().from(familyServices).where(and(...where)).orderBy(asc(familyServices.position), asc(familyServices.id));
  return rows.map(present);
}

export async function visibleService(db: Executor, scope: FamilyScope, id: string): Promise<Service> {
  const [service] = await loadServices(db, scope, { id });
  if (!service) throw notFound();
  return service;
}

const topicOf = (s: Service, authorParticipantId: string | null) => ({ lifeDomainId: s.lifeDomainId, isPrivate: false, authorParticipantId });

async function checkInput(tx: Tx, scope: FamilyScope, body: z.output<typeof ServicePatch>): Promise<void> {
  await checkLifeDomain(tx, scope, body.lifeDomainId);
  if (body.memberIds) await checkParticipants(tx, scope, body.memberIds, 'memberIds', true);
  if (body.socialMapEntryId) {
    const [entry] = await tx.select({ id: socialMapEntries.id }).from(socialMapEntries).where(and(
      eq(socialMapEntries.collaborationId, scope.collaborationId), eq(socialMapEntries.id, body.socialMapEntryId), isNull(socialMapEntries.archivedAt),
    ));
    if (!entry) throw invalidField('socialMapEntryId');
  }
}

function columns(body: z.output<typeof ServicePatch>) {
  const { onBehalfOfParticipantId: _o, ...rest } = body;
  return Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined));
}

export async function createService(tx: Tx, ctx: RequestContext, scope: FamilyScope, body: z.output<typeof ServiceInput>): Promise<Service> {
  const writer = requireWriter(scope);
  const onBehalfOf = await checkOnBehalfOf(tx, scope, body.onBehalfOfParticipantId);
  await checkInput(tx, scope, body);
  const [last] = await tx.select({ max: sql<number>`coalesce(max(${familyServices.position}), -1)::int` }).from(familyServices)
    .where(and(eq(familyServices.collaborationId, scope.collaborationId), eq(familyServices.familyId, scope.familyId)));
  const [row] = await tx.insert(familyServices).values({
    ...columns(body), organisation: body.organisation, kindOfHelp: body.kindOfHelp,
    collaborationId: scope.collaborationId, familyId: scope.familyId, position: (last?.max ?? -1) + 1,
    authorParticipantId: writer.participantId, onBehalfOfParticipantId: onBehalfOf, createdByUserId: ctx.actor?.userId ?? null,
  }).returning({ id: familyServices.id });
  const created = await visibleService(tx, scope, row!.id);
  await recordChange(tx, ctx, scope, { itemType: 'service', itemId: created.id, action: 'create', ...topicOf(created, writer.participantId), onBehalfOfParticipantId: onBehalfOf, before: null, after: created });
  return created;
}

export async function updateService(tx: Tx, ctx: RequestContext, scope: FamilyScope, id: string, expected: number, patch: z.output<typeof ServicePatch>): Promise<Service> {
  const before = await visibleService(tx, scope, id);
  const writer = requireWriter(scope);
  assertVersion(before.version, expected);
  const onBehalfOf = await checkOnBehalfOf(tx, scope, patch.onBehalfOfParticipantId);
  await checkInput(tx, scope, patch);
  const updated = await tx.update(familyServices)
    .set({ ...columns(patch), version: sql`${familyServices.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(familyServices.collaborationId, scope.collaborationId), eq(familyServices.id, id), eq(familyServices.version, expected)))
    .returning({ id: familyServices.id });
  assertUpdated(updated);
  const after = await visibleService(tx, scope, id);
  await recordChange(tx, ctx, scope, { itemType: 'service', itemId: id, action: 'update', ...topicOf(after, writer.participantId), onBehalfOfParticipantId: onBehalfOf, before, after });
  return after;
}

export async function deleteService(tx: Tx, ctx: RequestContext, scope: FamilyScope, id: string, expected: number): Promise<void> {
  const before = await visibleService(tx, scope, id);
  const writer = requireWriter(scope);
  assertVersion(before.version, expected);
  await tx.update(familyServices).set({ deletedAt: sql`now()`, version: sql`${familyServices.version} + 1` })
    .where(and(eq(familyServices.collaborationId, scope.collaborationId), eq(familyServices.id, id)));
  await recordChange(tx, ctx, scope, { itemType: 'service', itemId: id, action: 'delete', ...topicOf(before, writer.participantId), before, after: null });
}

/** The family's priority order: every id the asker sees, once, against the plan revision (as for goals). */
export async function reorderServices(tx: Tx, ctx: RequestContext, scope: FamilyScope, ids: string[], expectedRevision: number): Promise<{ items: Service[]; revision: number }> {
  const writer = requireWriter(scope);
  const [family] = await tx.select({ revision: families.planRevision }).from(families)
    .where(and(eq(families.collaborationId, scope.collaborationId), eq(families.id, scope.familyId))).for('update');
  assertVersion(family!.revision, expectedRevision);
  const current = await loadServices(tx, scope);
  const same = ids.length === current.length && new Set(ids).size === ids.length && current.every((s) => ids.includes(s.id));
  if (!same) throw invalidField('ids', 'orderIncomplete');
  for (const [position, id] of ids.entries()) {
    const before = current.find((s) => s.id === id)!;
    if (before.position === position) continue;
    await tx.update(familyServices).set({ position, version: sql`${familyServices.version} + 1`, updatedAt: sql`now()` })
      .where(and(eq(familyServices.collaborationId, scope.collaborationId), eq(familyServices.id, id)));
    const after = await visibleService(tx, scope, id);
    await recordChange(tx, ctx, scope, { itemType: 'service', itemId: id, action: 'update', ...topicOf(after, writer.participantId), before, after });
  }
  const [now] = await tx.select({ revision: families.planRevision }).from(families)
    .where(and(eq(families.collaborationId, scope.collaborationId), eq(families.id, scope.familyId)));
  return { items: await loadServices(tx, scope), revision: now!.revision };
}
