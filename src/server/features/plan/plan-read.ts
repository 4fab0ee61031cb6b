import { and, asc, desc, eq, isNull } from 'drizzle-orm';
import { PLAN_SECTION_KEYS } from '../../../shared/plan-constants.ts';
import type { Plan, PlanTemplate } from '../../../shared/schemas/plan.ts';
import type { FamilyScope } from '../../access/family-scope.ts';
import type { Executor } from '../../db/connection.ts';
import { families, lifeDomains, planTemplates } from '../../db/schema/index.ts';
import { listParticipants } from '../families/repo.ts';
import { loadPlanContent, participantNames } from './content.ts';
import { listEvaluations } from './evaluations.ts';
import { listVersions } from './versions.ts';

/** Without a template of its own, a plan shows all four parts under their standard names. */
export const STANDARD_SECTIONS = PLAN_SECTION_KEYS.map((key) => ({ key, visible: true, labelNl: null, labelEn: null }));

/** The family's template, else the collaboration's default, else none (all sections shown). */
async function templateOf(db: Executor, scope: FamilyScope, chosen: string | null): Promise<PlanTemplate | null> {
  const rows = await db.select().from(planTemplates)
    .where(and(eq(planTemplates.collaborationId, scope.collaborationId), isNull(planTemplates.archivedAt)))
    .orderBy(desc(planTemplates.isDefault), asc(planTemplates.createdAt));
  const row = rows.find((r) => r.id === chosen) ?? rows.find((r) => r.isDefault) ?? null;
  return row && { id: row.id, name: row.name, isDefault: row.isDefault, sections: row.sections, lifeDomainIds: row.lifeDomainIds, version: row.version };
}

export async function loadPlan(db: Executor, scope: FamilyScope, now: Date): Promise<Plan> {
  const [family] = await db.select({ displayName: families.displayName, revision: families.planRevision, planTemplateId: families.planTemplateId })
    .from(families).where(and(eq(families.collaborationId, scope.collaborationId), eq(families.id, scope.familyId)));
  const names = await participantNames(db, scope);
  const domains = await db.select({ id: lifeDomains.id, labelNl: lifeDomains.labelNl, labelEn: lifeDomains.labelEn, pictogram: lifeDomains.pictogram })
    .from(lifeDomains).where(and(eq(lifeDomains.collaborationId, scope.collaborationId), isNull(lifeDomains.archivedAt))).orderBy(asc(lifeDomains.position));
  const [latest] = await listVersions(db, scope);
  return {
    familyId: scope.familyId, displayName: family!.displayName, revision: family!.revision,
    template: await templateOf(db, scope, family!.planTemplateId),
    lifeDomains: domains, participants: await listParticipants(db, scope),
    ...(await loadPlanContent(db, scope, now, names)),
    evaluations: await listEvaluations(db, scope), latestVersion: latest ?? null,
  };
}
