import { and, asc, desc, eq, inArray, isNull, ne, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { PlanTemplate, PlanTemplateInput } from '../../../shared/schemas/plan.ts';
import { audit } from '../../audit/audit.ts';
import type { Executor, Tx } from '../../db/connection.ts';
import { lifeDomains, planTemplates } from '../../db/schema/index.ts';
import type { RequestContext } from '../../http/context.ts';
import { notFound } from '../../http/errors.ts';
import { assertVersion } from '../../http/etag.ts';
import { invalidField } from './checks.ts';

/*
 * Plan templates: how a collaboration lays out its plans (which sections, under which names, which
 * life domains first). 16 collaborations work in 16 ways. A collaboration with templates has
 * exactly one default; a family may pick another (families.planTemplateId).
 */

type Row = typeof planTemplates.$inferSelect;
type Input = z.output<typeof PlanTemplateInput>;

export const presentTemplate = (r: Row): PlanTemplate => ({
  id: r.id, name: r.name, isDefault: r.isDefault, sections: r.sections, lifeDomainIds: r.lifeDomainIds, version: r.version,
});

const live = (collaborationId: string) => and(eq(planTemplates.collaborationId, collaborationId), isNull(planTemplates.archivedAt));

/** The collaboration's templates in use, the default first. */
export async function listTemplates(db: Executor, collaborationId: string): Promise<PlanTemplate[]> {
  const rows = await db.select().from(planTemplates).where(live(collaborationId))
    .orderBy(desc(planTemplates.isDefault), asc(planTemplates.name), asc(planTemplates.id));
  return rows.map(presentTemplate);
}

/** The template a family's plan follows: its own choice, else the default, else none (all sections shown). */
export async function familyTemplate(db: Executor, collaborationId: string, chosenId: string | null): Promise<PlanTemplate | null> {
  const rows = await db.select().from(planTemplates).where(live(collaborationId))
    .orderBy(desc(planTemplates.isDefault), asc(planTemplates.createdAt));
  const row = rows.find((r) => r.id === chosenId) ?? rows.find((r) => r.isDefault) ?? null;
  return row && presentTemplate(row);
}

/** The life domains a template puts first: each once, each a live domain of this collaboration. */
async function checkedDomains(tx: Tx, collaborationId: string, ids: readonly string[]): Promise<string[]> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return unique;
  const found = await tx.select({ id: lifeDomains.id }).from(lifeDomains)
    .where(and(eq(lifeDomains.collaborationId, collaborationId), inArray(lifeDomains.id, unique), isNull(lifeDomains.archivedAt)));
  if (found.length !== unique.length) throw invalidField('lifeDomainIds');
  return unique;
}

/** Makes one template the default: the others stop being it, in the same transaction. */
async function clearOtherDefaults(tx: Tx, collaborationId: string, keepId: string): Promise<void> {
  await tx.update(planTemplates).set({ isDefault: false, version: sql`${planTemplates.version} + 1` })
    .where(and(eq(planTemplates.collaborationId, collaborationId), eq(planTemplates.isDefault, true), ne(planTemplates.id, keepId)));
}

/** One live template of this collaboration, locked for the change; another collaboration's id is 404. */
async function lockedTemplate(tx: Tx, collaborationId: string, id: string): Promise<Row> {
  const [row] = await tx.select().from(planTemplates).where(and(live(collaborationId), eq(planTemplates.id, id))).for('update');
  if (!row) throw notFound();
  return row;
}

const auditTemplate = (tx: Tx, ctx: RequestContext, collaborationId: string, action: 'create' | 'update' | 'delete', id: string, role: string) =>
  audit(tx, ctx, { action, entityType: 'plan_template', entityId: id, collaborationId, role });

export async function createTemplate(tx: Tx, ctx: RequestContext, collaborationId: string, body: Input, role: string): Promise<PlanTemplate> {
  const domainIds = await checkedDomains(tx, collaborationId, body.lifeDomainIds);
  // Serialise template changes per collaboration so two admins cannot both leave a default behind.
  await tx.execute(sql`select 1 from collaborations where id = ${collaborationId} for update`);
  const [existing] = await tx.select({ id: planTemplates.id }).from(planTemplates).where(live(collaborationId)).limit(1);
  // The first template is the default, whatever was asked: a collaboration with templates has one.
  const isDefault = body.isDefault || !existing;
  const [row] = await tx.insert(planTemplates)
    .values({ collaborationId, name: body.name, isDefault, sections: body.sections, lifeDomainIds: domainIds }).returning();
  if (isDefault) await clearOtherDefaults(tx, collaborationId, row!.id);
  await auditTemplate(tx, ctx, collaborationId, 'create', row!.id, role);
  return presentTemplate(row!);
}

export async function updateTemplate(
  tx: Tx, ctx: RequestContext, collaborationId: string, id: string, expected: number, patch: Partial<Input>, role: string,
): Promise<PlanTemplate> {
  await tx.execute(sql`select 1 from collaborations where id = ${collaborationId} for update`);
  const current = await lockedTemplate(tx, collaborationId, id);
  assertVersion(current.version, expected);
  if (current.isDefault && patch.isDefault === false) throw invalidField('isDefault', 'defaultTemplateRequired');
  const domainIds = patch.lifeDomainIds ? await checkedDomains(tx, collaborationId, patch.lifeDomainIds) : undefined;
  const [row] = await tx.update(planTemplates).set({
    ...(patch.name !== undefined && { name: patch.name }),
    ...(patch.sections !== undefined && { sections: patch.sections }),
    ...(domainIds !== undefined && { lifeDomainIds: domainIds }),
    ...(patch.isDefault === true && { isDefault: true }),
    version: sql`${planTemplates.version} + 1`,
  }).where(and(eq(planTemplates.collaborationId, collaborationId), eq(planTemplates.id, id))).returning();
  if (patch.isDefault === true && !current.isDefault) await clearOtherDefaults(tx, collaborationId, id);
  await auditTemplate(tx, ctx, collaborationId, 'update', id, role);
  return presentTemplate(row!);
}

/**
 * Archives a template (families that chose it fall back to the default). Archiving the default
 * hands that role to the oldest remaining template, so there is still exactly one.
 */
export async function archiveTemplate(tx: Tx, ctx: RequestContext, collaborationId: string, id: string, expected: number, role: string): Promise<void> {
  await tx.execute(sql`select 1 from collaborations where id = ${collaborationId} for update`);
  const current = await lockedTemplate(tx, collaborationId, id);
  assertVersion(current.version, expected);
  await tx.update(planTemplates).set({ archivedAt: sql`now()`, isDefault: false, version: sql`${planTemplates.version} + 1` })
    .where(and(eq(planTemplates.collaborationId, collaborationId), eq(planTemplates.id, id)));
  if (current.isDefault) {
    const [next] = await tx.select({ id: planTemplates.id }).from(planTemplates).where(live(collaborationId))
      .orderBy(asc(planTemplates.createdAt), asc(planTemplates.id)).limit(1);
    if (next) {
      await tx.update(planTemplates).set({ isDefault: true, version: sql`${planTemplates.version} + 1` })
        .where(and(eq(planTemplates.collaborationId, collaborationId), eq(planTemplates.id, next.id)));
    }
  }
  await auditTemplate(tx, ctx, collaborationId, 'delete', id, role);
}
