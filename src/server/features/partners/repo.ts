import { and, asc, eq } from 'drizzle-orm';
import type { PartnerOrganisation } from '../../../shared/schemas/partners.ts';
import type { OrganisationKind } from '../../../shared/roles.ts';
import type { Executor } from '../../db/connection.ts';
import { partnerOrganisations as po } from '../../db/schema/index.ts';
import { afterCursor, toPage } from '../../http/pagination.ts';

type Row = typeof po.$inferSelect;

export const presentPartner = (r: Row): PartnerOrganisation => ({
  id: r.id,
  name: r.name,
  kind: r.kind as OrganisationKind,
  contactEmail: r.contactEmail,
  contactPhone: r.contactPhone,
  active: r.active,
  version: r.version,
});

export async function listPartners(db: Executor, collaborationId: string, opts: { cursor?: string; limit: number; includeInactive: boolean }) {
  const rows = await db
    .select()
    .from(po)
    .where(and(
      eq(po.collaborationId, collaborationId),
      opts.includeInactive ? undefined : eq(po.active, true),
      afterCursor(opts.cursor, po.name, po.id),
    ))
    .orderBy(asc(po.name), asc(po.id))
    .limit(opts.limit + 1);
  return toPage(rows.map(presentPartner), opts.limit, (p) => [p.name, p.id]);
}

export async function findPartner(db: Executor, collaborationId: string, id: string, forUpdate = false) {
  const query = db.select().from(po).where(and(eq(po.collaborationId, collaborationId), eq(po.id, id)));
  const [row] = forUpdate ? await query.for('update') : await query;
  return row ?? null;
}
