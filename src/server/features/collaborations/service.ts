import { and, eq, inArray, isNull, ne, notInArray, sql } from 'drizzle-orm';
import { DEFAULT_LIFE_DOMAINS } from '../../../shared/pictograms.ts';
import type { CollaborationCreate, CollaborationSettingsPatch, LifeDomainInput, PostcodeEntry } from '../../../shared/schemas/collaborations.ts';
import type { Config } from '../../config.ts';
import type { Tx } from '../../db/connection.ts';
import { collaborations, lifeDomains, postcodes } from '../../db/schema/index.ts';
import { audit } from '../../audit/audit.ts';
import type { RequestContext } from '../../http/context.ts';
import { AppError, notFound } from '../../http/errors.ts';
import { assertVersion } from '../../http/etag.ts';
import { inviteMember } from '../members/service.ts';
import { findCollaboration, loadSettings } from './repo.ts';

export async function createCollaboration(tx: Tx, ctx: RequestContext, config: Config, body: CollaborationCreate) {
  const [row] = await tx.insert(collaborations).values({ name: body.name, contactEmail: body.contactEmail ?? null }).returning();
  const id = row!.id;
  await tx.insert(lifeDomains).values(DEFAULT_LIFE_DOMAINS.map((d, position) => ({ ...d, collaborationId: id, position })));
  await audit(tx, ctx, { action: 'create', entityType: 'collaboration', entityId: id, collaborationId: id, role: 'platform_admin' });
  if (body.firstAdmin) {
    await inviteMember(tx, ctx, config, id, { ...body.firstAdmin, roles: ['admin'], partnerOrganisationId: null }, 'platform_admin');
  }
  return (await loadSettings(tx, id))!;
}

/** A postcode can be served by one collaboration only; say which ones are taken, per row. */
async function replacePostcodes(tx: Tx, collaborationId: string, entries: PostcodeEntry[]) {
  const unique = [...new Map(entries.map((e) => [`${e.postcode}|${e.municipality.toLowerCase()}`, e])).values()];
  if (unique.length > 0) {
    const taken = await tx
      .select({ postcode: postcodes.postcode, municipality: postcodes.municipality })
      .from(postcodes)
      .where(and(ne(postcodes.collaborationId, collaborationId), inArray(postcodes.postcode, unique.map((e) => e.postcode))));
    const clashes = unique
      .map((e, index) => ({ e, index }))
      .filter(({ e }) => taken.some((t) => t.postcode === e.postcode && t.municipality.toLowerCase() === e.municipality.toLowerCase()));
    if (clashes.length > 0) {
      throw new AppError(409, 'postcode_taken', clashes.map(({ index }) => ({
        field: `postcodes.${index}.postcode`, code: 'postcode_taken', message: '',
      })));
    }
  }
  await tx.delete(postcodes).where(eq(postcodes.collaborationId, collaborationId));
  if (unique.length > 0) await tx.insert(postcodes).values(unique.map((e) => ({ ...e, collaborationId })));
}

/** Life domains keep their id (plans point at them); removed ones are archived, not deleted. */
async function replaceLifeDomains(tx: Tx, collaborationId: string, input: LifeDomainInput[]) {
  const keptIds = input.flatMap((d) => (d.id ? [d.id] : []));
  await tx
    .update(lifeDomains)
    .set({ archivedAt: new Date() })
    .where(and(
      eq(lifeDomains.collaborationId, collaborationId),
      isNull(lifeDomains.archivedAt),
      keptIds.length > 0 ? notInArray(lifeDomains.id, keptIds) : undefined,
    ));
  for (const [position, d] of input.entries()) {
    const values = { labelNl: d.labelNl, labelEn: d.labelEn, pictogram: d.pictogram, position, archivedAt: null };
    if (d.id) {
      const updated = await tx
        .update(lifeDomains)
        .set(values)
        .where(and(eq(lifeDomains.collaborationId, collaborationId), eq(lifeDomains.id, d.id)))
        .returning({ id: lifeDomains.id });
      if (updated.length === 0) throw new AppError(422, 'validation_failed', [{ field: `lifeDomains.${position}.id`, code: 'not_found', message: '' }]);
    } else {
      await tx.insert(lifeDomains).values({ ...values, collaborationId });
    }
  }
}

export async function updateSettings(tx: Tx, ctx: RequestContext, collaborationId: string, expectedVersion: number, patch: CollaborationSettingsPatch, role: string) {
  const current = await findCollaboration(tx, collaborationId, true);
  if (!current) throw notFound();
  assertVersion(current.version, expectedVersion);
  const target = patch.firstContactTargetDays ?? current.firstContactTargetDays;
  const warning = patch.warningThresholdDays ?? current.warningThresholdDays;
  if (warning > target) {
    throw new AppError(422, 'validation_failed', [{ field: 'warningThresholdDays', code: 'warningBeforeTarget', message: '' }]);
  }
  if (patch.postcodes) await replacePostcodes(tx, collaborationId, patch.postcodes);
  if (patch.lifeDomains) await replaceLifeDomains(tx, collaborationId, patch.lifeDomains);
  await tx
    .update(collaborations)
    .set({
      name: patch.name ?? current.name,
      contactEmail: patch.contactEmail === undefined ? current.contactEmail : patch.contactEmail,
      contactPhone: patch.contactPhone === undefined ? current.contactPhone : patch.contactPhone,
      firstContactTargetDays: target,
      warningThresholdDays: warning,
      evaluationIntervalMonths: patch.evaluationIntervalMonths ?? current.evaluationIntervalMonths,
      breakGlassHours: patch.breakGlassHours ?? current.breakGlassHours,
      breakGlassCoaches: patch.breakGlassCoaches ?? current.breakGlassCoaches,
      retentionYears: patch.retentionYears ?? current.retentionYears,
      languages: patch.languages ?? current.languages,
      version: sql`${collaborations.version} + 1`,
      updatedAt: new Date(),
    })
    .where(eq(collaborations.id, collaborationId));
  await audit(tx, ctx, { action: 'update', entityType: 'collaboration_settings', entityId: collaborationId, collaborationId, role });
  return (await loadSettings(tx, collaborationId))!;
}

