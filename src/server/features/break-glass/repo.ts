import { and, desc, eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { BreakGlassGrant } from '../../../shared/schemas/break-glass.ts';
import type { BreakGlassReviewStatus } from '../../../shared/break-glass-constants.ts';
import type { Executor } from '../../db/connection.ts';
import { breakGlassGrants, families, users } from '../../db/schema/index.ts';

const reviewer = alias(users, 'reviewer');

/**
 * Uses of emergency access in one collaboration (or one of them), newest first, presented. The DPO
 * (`namesFamilies: false`) gets the family's id only, as in the rest of their view of the log.
 */
export async function listGrants(
  db: Executor, collaborationId: string, filter: { id?: string; status?: BreakGlassReviewStatus } = {}, namesFamilies = true,
): Promise<BreakGlassGrant[]> {
  const rows = await db.select({ g: breakGlassGrants, familyName: families.displayName, userName: users.name, reviewerName: reviewer.name })
    .from(breakGlassGrants)
    .innerJoin(families, and(eq(families.collaborationId, breakGlassGrants.collaborationId), eq(families.id, breakGlassGrants.familyId)))
    .innerJoin(users, eq(users.id, breakGlassGrants.userId))
    .leftJoin(reviewer, eq(reviewer.id, breakGlassGrants.reviewerUserId))
    .where(and(
      eq(breakGlassGrants.collaborationId, collaborationId),
      filter.id ? eq(breakGlassGrants.id, filter.id) : undefined,
      filter.status ? eq(breakGlassGrants.reviewStatus, filter.status) : undefined,
    ))
    .orderBy(desc(breakGlassGrants.startedAt), desc(breakGlassGrants.id)).limit(500);
  return rows.map(({ g, familyName, userName, reviewerName }) => ({
    id: g.id, familyId: g.familyId, familyName: namesFamilies ? familyName : null, userId: g.userId, userName, role: g.role, reason: g.reason,
    startedAt: g.startedAt.toISOString(), endsAt: g.endsAt.toISOString(), endedAt: g.endedAt?.toISOString() ?? null,
    reviewStatus: g.reviewStatus, reviewerName, reviewedAt: g.reviewedAt?.toISOString() ?? null, reviewNote: g.reviewNote, version: g.version,
  }));
}

/** Serialises the opening of emergency access per user and family, so two clicks make one grant. */
export async function lockOpening(db: Executor, userId: string, familyId: string): Promise<void> {
  await db.execute(sql`select pg_advisory_xact_lock(hashtext(${`break-glass:${userId}:${familyId}`}))`);
}
