import { and, eq, sql } from 'drizzle-orm';
import type { PartnerOrganisationCreate, PartnerOrganisationPatch } from '../../../shared/schemas/partners.ts';
import type { Tx } from '../../db/connection.ts';
import { partnerOrganisations as po } from '../../db/schema/index.ts';
import { audit } from '../../audit/audit.ts';
import type { RequestContext } from '../../http/context.ts';
import { notFound } from '../../http/errors.ts';
import { assertVersion } from '../../http/etag.ts';
import { findPartner, presentPartner } from './repo.ts';

export async function createPartner(tx: Tx, ctx: RequestContext, collaborationId: string, body: PartnerOrganisationCreate, role: string) {
  const [row] = await tx
    .insert(po)
    .values({ collaborationId, name: body.name, kind: body.kind, contactEmail: body.contactEmail ?? null, contactPhone: body.contactPhone ?? null })
    .returning();
  await audit(tx, ctx, { action: 'create', entityType: 'partner_organisation', entityId: row!.id, collaborationId, role });
  return presentPartner(row!);
}

export async function updatePartner(tx: Tx, ctx: RequestContext, collaborationId: string, id: string, expectedVersion: number, patch: PartnerOrganisationPatch, role: string) {
  const current = await findPartner(tx, collaborationId, id, true);
  if (!current) throw notFound();
  assertVersion(current.version, expectedVersion);
  const [row] = await tx
    .update(po)
    .set({
      name: patch.name ?? current.name,
      kind: patch.kind ?? current.kind,
      contactEmail: patch.contactEmail === undefined ? current.contactEmail : patch.contactEmail,
      contactPhone: patch.contactPhone === undefined ? current.contactPhone : patch.contactPhone,
      active: patch.active ?? current.active,
      version: sql`${po.version} + 1`,
      updatedAt: new Date(),
    })
    .where(and(eq(po.collaborationId, collaborationId), eq(po.id, id)))
    .returning();
  await audit(tx, ctx, { action: 'update', entityType: 'partner_organisation', entityId: id, collaborationId, role });
  return presentPartner(row!);
}
