import { and, asc, eq, gt, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { SocialMapEntry, SocialMapInput, SocialMapPatch, SocialMapQuery, WaitingTimeInput } from '../../../shared/schemas/social-map.ts';
import type { Actor } from '../../access/actor.ts';
import { membershipIn } from '../../access/policy.ts';
import { audit } from '../../audit/audit.ts';
import type { Executor, Tx } from '../../db/connection.ts';
import { lifeDomains, socialMapEntries, users } from '../../db/schema/index.ts';
import type { RequestContext } from '../../http/context.ts';
import { forbidden, notFound } from '../../http/errors.ts';
import { assertUpdated, assertVersion } from '../../http/etag.ts';
import { toPage } from '../../http/pagination.ts';
import { decodeCursor } from '../../http/pagination.ts';
import { invalidField } from '../plan/checks.ts';

/**
 * The social map is the collaboration's shared knowledge of who offers what: its coaches,
 * coordinators and admins read and keep it up to date. Not a member: 404; a referrer: 403.
 */
export function authorizeSocialMap(actor: Actor, collaborationId: string): string {
  const membership = membershipIn(actor, collaborationId);
  if (!membership) throw notFound();
  const role = (['coach', 'coordinator', 'admin'] as const).find((r) => membership.roles.includes(r));
  if (!role) throw forbidden();
  return role;
}

type Row = typeof socialMapEntries.$inferSelect & { confirmedByName: string | null };

export const staleBefore = (now: Date, months: number) => {
  const d = new Date(now);
  d.setUTCMonth(d.getUTCMonth() - months);
  return d;
};

const present = (r: Row, staleLimit: Date): SocialMapEntry => ({
  id: r.id, collaborationId: r.collaborationId, organisation: r.organisation, service: r.service, description: r.description,
  lifeDomainIds: [...r.lifeDomainIds], targetGroup: r.targetGroup, postcodes: [...r.postcodes], howToRegister: r.howToRegister,
  contact: r.contact, waitingWeeks: r.waitingWeeks, waitingNote: r.waitingNote,
  waitingConfirmedAt: r.waitingConfirmedAt?.toISOString() ?? null, waitingConfirmedByName: r.confirmedByName,
  stale: !r.waitingConfirmedAt || r.waitingConfirmedAt < staleLimit, version: r.version,
});

/**
 * Dutch full text: every word of the question is stemmed by the `dutch` configuration and matched
 * as a prefix, so "opvoeding" (stem "opvoed") finds "opvoedingsondersteuning". Words are reduced to
 * letters and digits first, so nothing the person types is read as tsquery syntax.
 */
export function searchCondition(q: string | undefined): SQL | undefined {
  const words = (q ?? '').toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 0).slice(0, 8);
  if (words.length === 0) return undefined;
  const query = words.map((w) => `${w}:*`).join(' & ');
  return sql`${socialMapEntries.search} @@ to_tsquery('dutch', ${query})`;
}

const selectEntry = (db: Executor) => db.select({ entry: socialMapEntries, confirmedByName: users.name }).from(socialMapEntries)
  .leftJoin(users, eq(users.id, socialMapEntries.waitingConfirmedByUserId));

export async function listEntries(db: Executor, q: z.output<typeof SocialMapQuery>, staleLimit: Date) {
  const cursor = decodeCursor(q.cursor);
  const rows = await selectEntry(db).where(and(
    eq(socialMapEntries.collaborationId, q.collaborationId), isNull(socialMapEntries.archivedAt),
    searchCondition(q.q),
    q.lifeDomainId ? sql`${q.lifeDomainId}::uuid = any(${socialMapEntries.lifeDomainIds})` : undefined,
    // An entry without postcodes serves the whole region.
    q.postcode ? sql`(${q.postcode} = any(${socialMapEntries.postcodes}) or cardinality(${socialMapEntries.postcodes}) = 0)` : undefined,
    cursor ? or(gt(socialMapEntries.organisation, cursor[0]), and(eq(socialMapEntries.organisation, cursor[0]), gt(socialMapEntries.id, cursor[1]))) : undefined,
  )).orderBy(asc(socialMapEntries.organisation), asc(socialMapEntries.id)).limit(q.limit + 1);
  const items = rows.map((r) => present({ ...r.entry, confirmedByName: r.confirmedByName }, staleLimit));
  return toPage(items, q.limit, (e) => [e.organisation, e.id]);
}

export async function loadEntry(db: Executor, actor: Actor, id: string, staleLimit: Date): Promise<SocialMapEntry> {
  const collaborations = actor.memberships.map((m) => m.collaborationId);
  const [row] = collaborations.length === 0 ? [] : await selectEntry(db)
    .where(and(eq(socialMapEntries.id, id), inArray(socialMapEntries.collaborationId, collaborations), isNull(socialMapEntries.archivedAt)));
  if (!row) throw notFound();
  authorizeSocialMap(actor, row.entry.collaborationId);
  return present({ ...row.entry, confirmedByName: row.confirmedByName }, staleLimit);
}

/** Life domains named on an entry must be the collaboration's own. */
async function checkDomains(db: Executor, collaborationId: string, ids: readonly string[] | undefined): Promise<void> {
  const unique = [...new Set(ids ?? [])];
  if (unique.length === 0) return;
  const rows = await db.select({ id: lifeDomains.id }).from(lifeDomains)
    .where(and(eq(lifeDomains.collaborationId, collaborationId), inArray(lifeDomains.id, unique)));
  if (rows.length !== unique.length) throw invalidField('lifeDomainIds');
}

const defined = <T extends object>(o: T) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));

export async function createEntry(tx: Tx, ctx: RequestContext, actor: Actor, body: z.output<typeof SocialMapInput>, now: Date): Promise<string> {
  const role = authorizeSocialMap(actor, body.collaborationId);
  await checkDomains(tx, body.collaborationId, body.lifeDomainIds);
  const waiting = body.waitingWeeks !== undefined && body.waitingWeeks !== null;
  const [row] = await tx.insert(socialMapEntries).values({
    ...defined(body), collaborationId: body.collaborationId, organisation: body.organisation, service: body.service,
    ...(waiting && { waitingConfirmedAt: now, waitingConfirmedByUserId: actor.userId }),
  }).returning({ id: socialMapEntries.id });
  await audit(tx, ctx, { action: 'create', entityType: 'social_map_entry', entityId: row!.id, collaborationId: body.collaborationId, role });
  return row!.id;
}

export async function updateEntry(
  tx: Tx, ctx: RequestContext, actor: Actor, id: string, expected: number, patch: z.output<typeof SocialMapPatch> | z.output<typeof WaitingTimeInput>, now: Date, staleLimit: Date,
): Promise<void> {
  const before = await loadEntry(tx, actor, id, staleLimit);
  const role = authorizeSocialMap(actor, before.collaborationId);
  assertVersion(before.version, expected);
  if ('lifeDomainIds' in patch) await checkDomains(tx, before.collaborationId, patch.lifeDomainIds);
  // A new waiting time is a confirmation: stamped with who said so and when.
  const confirms = patch.waitingWeeks !== undefined;
  const updated = await tx.update(socialMapEntries).set({
    ...defined(patch), ...(confirms && { waitingConfirmedAt: now, waitingConfirmedByUserId: actor.userId }),
    version: sql`${socialMapEntries.version} + 1`, updatedAt: sql`now()`,
  }).where(and(eq(socialMapEntries.collaborationId, before.collaborationId), eq(socialMapEntries.id, id), eq(socialMapEntries.version, expected)))
    .returning({ id: socialMapEntries.id });
  assertUpdated(updated);
  await audit(tx, ctx, { action: 'update', entityType: 'social_map_entry', entityId: id, collaborationId: before.collaborationId, role });
}

export async function archiveEntry(tx: Tx, ctx: RequestContext, actor: Actor, id: string, expected: number, staleLimit: Date): Promise<void> {
  const before = await loadEntry(tx, actor, id, staleLimit);
  const role = authorizeSocialMap(actor, before.collaborationId);
  assertVersion(before.version, expected);
  await tx.update(socialMapEntries).set({ archivedAt: sql`now()`, version: sql`${socialMapEntries.version} + 1` })
    .where(and(eq(socialMapEntries.collaborationId, before.collaborationId), eq(socialMapEntries.id, id)));
  await audit(tx, ctx, { action: 'delete', entityType: 'social_map_entry', entityId: id, collaborationId: before.collaborationId, role });
}
