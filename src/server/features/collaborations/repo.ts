import { and, asc, count, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { CollaborationSettings, CollaborationSummary, LifeDomain } from '../../../shared/schemas/collaborations.ts';
import type { Pictogram } from '../../../shared/pictograms.ts';
import type { Locale } from '../../../shared/locales.ts';
import type { Executor } from '../../db/connection.ts';
import { collaborations, lifeDomains, postcodes } from '../../db/schema/index.ts';

export async function listCollaborations(db: Executor, onlyIds: string[] | 'all'): Promise<CollaborationSummary[]> {
  if (onlyIds !== 'all' && onlyIds.length === 0) return [];
  return db
    .select({ id: collaborations.id, name: collaborations.name, postcodeCount: sql<number>`(select count(*)::int from ${postcodes} where ${postcodes.collaborationId} = ${collaborations.id})` })
    .from(collaborations)
    .where(onlyIds === 'all' ? undefined : inArray(collaborations.id, onlyIds))
    .orderBy(asc(collaborations.name));
}

export async function findCollaboration(db: Executor, id: string, forUpdate = false) {
  const query = db.select().from(collaborations).where(eq(collaborations.id, id));
  const [row] = forUpdate ? await query.for('update') : await query;
  return row ?? null;
}

export async function activeLifeDomains(db: Executor, collaborationId: string): Promise<LifeDomain[]> {
  const rows = await db
    .select({ id: lifeDomains.id, labelNl: lifeDomains.labelNl, labelEn: lifeDomains.labelEn, pictogram: lifeDomains.pictogram, position: lifeDomains.position })
    .from(lifeDomains)
    .where(and(eq(lifeDomains.collaborationId, collaborationId), isNull(lifeDomains.archivedAt)))
    .orderBy(asc(lifeDomains.position));
  return rows.map((r) => ({ ...r, pictogram: r.pictogram as Pictogram }));
}

export async function loadSettings(db: Executor, id: string): Promise<CollaborationSettings | null> {
  const row = await findCollaboration(db, id);
  if (!row) return null;
  const codes = await db
    .select({ postcode: postcodes.postcode, municipality: postcodes.municipality })
    .from(postcodes)
    .where(eq(postcodes.collaborationId, id))
    .orderBy(asc(postcodes.postcode), asc(postcodes.municipality));
  return {
    id: row.id,
    name: row.name,
    contactEmail: row.contactEmail,
    contactPhone: row.contactPhone,
    firstContactTargetDays: row.firstContactTargetDays,
    warningThresholdDays: row.warningThresholdDays,
    evaluationIntervalMonths: row.evaluationIntervalMonths,
    breakGlassHours: row.breakGlassHours,
    breakGlassCoaches: row.breakGlassCoaches,
    retentionYears: row.retentionYears,
    languages: row.languages as Locale[],
    postcodes: codes,
    lifeDomains: await activeLifeDomains(db, id),
    version: row.version,
  };
}

export async function countCollaborations(db: Executor): Promise<number> {
  const [row] = await db.select({ n: count() }).from(collaborations);
  return Number(row?.n ?? 0);
}
