import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { asLocale } from '../../../shared/locales.ts';
import type { z } from 'zod';
import type { BreakGlassGrant, BreakGlassOpen, BreakGlassReview } from '../../../shared/schemas/break-glass.ts';
import type { Actor } from '../../access/actor.ts';
import { breakGlassRoles, refuseOwnReview, REVIEWER_ROLES } from '../../access/break-glass.ts';
import { breakGlassRunning, loadFamilyScope } from '../../access/family-scope.ts';
import { audit } from '../../audit/audit.ts';
import type { Tx } from '../../db/connection.ts';
import { breakGlassGrants, collaborations, families, familyParticipants, memberships, users } from '../../db/schema/index.ts';
import type { RequestContext } from '../../http/context.ts';
import { AppError, notFound } from '../../http/errors.ts';
import { assertVersion } from '../../http/etag.ts';
import { breakGlassFamilyMail, breakGlassReviewMail } from '../../mail/break-glass-templates.ts';
import { queueMail } from '../../mail/outbox.ts';
import { listGrants, lockOpening } from './repo.ts';

const HOUR_MS = 3_600_000;
const localeOf = (locale: string | null | undefined) => asLocale(locale);

/**
 * Opens a family's file read-only for the collaboration's set number of hours, for a stated reason.
 * It stands out: the opening is an access-log row of its own with the reason, the family's parents
 * and the collaboration's reviewers get a mail, and the use waits in the review list. A running use
 * is never extended: asking again while it runs is 409; after it, a new use needs a new reason.
 */
export async function openBreakGlass(
  tx: Tx, ctx: RequestContext, actor: Actor, familyId: string, body: z.output<typeof BreakGlassOpen>, now: Date, publicUrl: string,
): Promise<BreakGlassGrant> {
  const roles = await breakGlassRoles(tx, actor);
  const [family] = await tx.select({ collaborationId: families.collaborationId, name: families.displayName, hours: collaborations.breakGlassHours })
    .from(families).innerJoin(collaborations, eq(collaborations.id, families.collaborationId))
    .where(and(eq(families.id, familyId), inArray(families.collaborationId, [...roles.keys()])));
  if (!family) throw notFound();
  const role = roles.get(family.collaborationId)!;
  await lockOpening(tx, actor.userId, familyId);
  const scope = await loadFamilyScope(tx, actor, familyId).catch((err: unknown) => {
    if (err instanceof AppError && err.statusCode === 404) return null;
    throw err;
  });
  if (scope && (scope.reach === 'full' || scope.reach === 'consented')) throw new AppError(409, 'break_glass_in_circle');
  if (scope?.reach === 'emergency') throw new AppError(409, 'break_glass_running');
  const [grant] = await tx.insert(breakGlassGrants).values({
    collaborationId: family.collaborationId, familyId, userId: actor.userId, role, reason: body.reason,
    startedAt: now, endsAt: new Date(now.getTime() + family.hours * HOUR_MS),
  }).returning();
  await audit(tx, ctx, {
    action: 'break_glass', entityType: 'family', entityId: familyId, collaborationId: family.collaborationId, familyId, role, reason: body.reason,
  });
  await mailAbout(tx, family.collaborationId, familyId, family.name, actor, grant!.endsAt, publicUrl);
  return (await listGrants(tx, family.collaborationId, { id: grant!.id }))[0]!;
}

async function mailAbout(tx: Tx, collaborationId: string, familyId: string, familyName: string, actor: Actor, endsAt: Date, publicUrl: string) {
  const parents = await tx.select({ email: sql<string | null>`coalesce(${familyParticipants.email}, ${users.email})`, name: familyParticipants.displayName, locale: users.locale })
    .from(familyParticipants).leftJoin(users, eq(users.id, familyParticipants.userId))
    .where(and(
      eq(familyParticipants.collaborationId, collaborationId), eq(familyParticipants.familyId, familyId),
      eq(familyParticipants.role, 'parent'), isNull(familyParticipants.removedAt),
    ));
  for (const p of parents) {
    if (!p.email) continue;
    await queueMail(tx, {
      ...breakGlassFamilyMail({ to: p.email, name: p.name, familyName, opener: actor.name, endsAt, url: `${publicUrl}/families/${familyId}/access`, locale: localeOf(p.locale) }),
      collaborationId,
    });
  }
  const reviewers = await tx.select({ email: users.email, name: users.name, locale: users.locale }).from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(
      eq(memberships.collaborationId, collaborationId), eq(memberships.active, true), eq(users.active, true),
      sql`${memberships.roles} && ${sql.raw(`array[${REVIEWER_ROLES.map((r) => `'${r}'`).join(',')}]::text[]`)}`,
    ));
  for (const r of reviewers) {
    if (r.email === actor.email) continue;
    await queueMail(tx, {
      ...breakGlassReviewMail({ to: r.email, name: r.name, opener: actor.name, endsAt, url: `${publicUrl}/collaborations/${collaborationId}/break-glass`, locale: localeOf(r.locale) }),
      collaborationId,
    });
  }
}

/** Ends the actor's running emergency access to this family now; 404 when none runs. */
export async function endBreakGlass(tx: Tx, ctx: RequestContext, actor: Actor, familyId: string, now: Date): Promise<void> {
  const ended = await tx.update(breakGlassGrants).set({ endedAt: now, version: sql`${breakGlassGrants.version} + 1` })
    .where(and(eq(breakGlassGrants.familyId, familyId), breakGlassRunning(actor.userId)))
    .returning({ id: breakGlassGrants.id, collaborationId: breakGlassGrants.collaborationId, role: breakGlassGrants.role });
  const [grant] = ended;
  if (!grant) throw notFound();
  await audit(tx, ctx, { action: 'update', entityType: 'break_glass_end', entityId: grant.id, collaborationId: grant.collaborationId, familyId, role: grant.role });
}

/** The reviewer's judgement of one use: justified or not, with a note. Changing it later needs the current version. */
export async function reviewBreakGlass(
  tx: Tx, ctx: RequestContext, actor: Actor, collaborationId: string, grantId: string, expected: number, body: z.output<typeof BreakGlassReview>, role: string, now: Date,
): Promise<BreakGlassGrant> {
  const [current] = await tx.select().from(breakGlassGrants)
    .where(and(eq(breakGlassGrants.collaborationId, collaborationId), eq(breakGlassGrants.id, grantId))).for('update');
  if (!current) throw notFound();
  refuseOwnReview(actor, current.userId);
  assertVersion(current.version, expected);
  await tx.update(breakGlassGrants).set({
    reviewStatus: body.status, reviewNote: body.note, reviewerUserId: actor.userId, reviewedAt: now, version: sql`${breakGlassGrants.version} + 1`,
  }).where(and(eq(breakGlassGrants.collaborationId, collaborationId), eq(breakGlassGrants.id, grantId)));
  await audit(tx, ctx, { action: 'update', entityType: 'break_glass_review', entityId: grantId, collaborationId, familyId: current.familyId, role });
  return (await listGrants(tx, collaborationId, { id: grantId }, role !== 'dpo'))[0]!;
}

