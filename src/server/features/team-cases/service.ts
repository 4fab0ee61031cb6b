import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type { Advice, TeamCase, TeamCaseInput, TeamMeeting, TeamMeetingInput, TeamMeetingPatch } from '../../../shared/schemas/team-cases.ts';
import type { Actor } from '../../access/actor.ts';
import { loadFamilyScope, requireInCircle } from '../../access/family-scope.ts';
import { membershipIn } from '../../access/policy.ts';
import { audit } from '../../audit/audit.ts';
import type { Executor, Tx } from '../../db/connection.ts';
import { families, teamCaseAdvice, teamCases, teamMeetings, users } from '../../db/schema/index.ts';
import type { RequestContext } from '../../http/context.ts';
import { forbidden, notFound } from '../../http/errors.ts';
import { assertUpdated, assertVersion } from '../../http/etag.ts';
import { invalidField } from '../plan/checks.ts';
import { identifyingTerms, refuseIdentifying } from './anonymise.ts';

const TEAM_ROLES = ['coach', 'coordinator', 'admin'] as const;

/** The team of a collaboration: its coaches and coordinators. Not a member: 404; a member outside the team: 403. */
export function requireTeam(actor: Actor, collaborationId: string): string {
  const m = membershipIn(actor, collaborationId);
  if (!m) throw notFound();
  const role = TEAM_ROLES.find((r) => m.roles.includes(r));
  if (!role) throw forbidden();
  return role;
}

export function requirePreparer(actor: Actor, collaborationId: string): string {
  requireTeam(actor, collaborationId);
  const m = membershipIn(actor, collaborationId)!;
  const role = (['coordinator', 'admin'] as const).find((r) => m.roles.includes(r));
  if (!role) throw forbidden();
  return role;
}

const teamCollaborations = (actor: Actor) => actor.memberships.filter((m) => m.roles.some((r) => (TEAM_ROLES as readonly string[]).includes(r))).map((m) => m.collaborationId);

/**
 * Cases as the asker may see them. The family (id and name) is added for the presenting coach
 * only; for everyone else the answer holds nothing linked to the family.
 */
async function presentCases(db: Executor, actor: Actor, where: { collaborationId: string; ids?: string[]; meetingIds?: string[] }): Promise<TeamCase[]> {
  const rows = await db.select({ c: teamCases, presentedByName: users.name }).from(teamCases)
    .innerJoin(users, eq(users.id, teamCases.presentingUserId))
    .where(and(
      eq(teamCases.collaborationId, where.collaborationId),
      where.ids ? inArray(teamCases.id, where.ids) : undefined,
      where.meetingIds ? inArray(teamCases.meetingId, where.meetingIds) : undefined,
    ))
    .orderBy(asc(teamCases.createdAt), asc(teamCases.id));
  if (rows.length === 0) return [];
  const advice = await db.select({ a: teamCaseAdvice, authorName: users.name }).from(teamCaseAdvice)
    .innerJoin(users, eq(users.id, teamCaseAdvice.authorUserId))
    .where(and(eq(teamCaseAdvice.collaborationId, where.collaborationId), inArray(teamCaseAdvice.caseId, rows.map((r) => r.c.id))))
    .orderBy(asc(teamCaseAdvice.createdAt), asc(teamCaseAdvice.id));
  const mineIds = rows.filter((r) => r.c.presentingUserId === actor.userId).map((r) => r.c.familyId);
  const names = mineIds.length === 0 ? [] : await db.select({ id: families.id, displayName: families.displayName }).from(families)
    .where(and(eq(families.collaborationId, where.collaborationId), inArray(families.id, mineIds)));
  return rows.map(({ c, presentedByName }) => {
    const mine = c.presentingUserId === actor.userId;
    const family = mine ? names.find((n) => n.id === c.familyId) ?? null : null;
    return {
      id: c.id, meetingId: c.meetingId, title: c.title, question: c.question, summary: c.summary, presentedByName, mine,
      family: family ? { id: family.id, displayName: family.displayName } : null,
      advice: advice.filter((a) => a.a.caseId === c.id).map(({ a, authorName }): Advice => ({ id: a.id, authorName, text: a.text, createdAt: a.createdAt.toISOString() })),
      createdAt: c.createdAt.toISOString(),
    };
  });
}

async function presentMeetings(db: Executor, actor: Actor, collaborationId: string, id?: string): Promise<TeamMeeting[]> {
  const rows = await db.select().from(teamMeetings)
    .where(and(eq(teamMeetings.collaborationId, collaborationId), id ? eq(teamMeetings.id, id) : undefined))
    .orderBy(desc(teamMeetings.heldOn), desc(teamMeetings.id)).limit(100);
  const cases = rows.length === 0 ? [] : await presentCases(db, actor, { collaborationId, meetingIds: rows.map((r) => r.id) });
  return rows.map((m) => ({
    id: m.id, collaborationId: m.collaborationId, heldOn: m.heldOn, title: m.title, notes: m.notes, followUp: m.followUp,
    cases: cases.filter((c) => c.meetingId === m.id), version: m.version,
  }));
}

export async function listMeetings(db: Executor, actor: Actor, collaborationId: string): Promise<TeamMeeting[]> {
  requireTeam(actor, collaborationId);
  return presentMeetings(db, actor, collaborationId);
}

/** A meeting of one of the asker's teams, or 404 as for an id that does not exist. */
export async function loadMeeting(db: Executor, actor: Actor, meetingId: string): Promise<TeamMeeting> {
  const mine = teamCollaborations(actor);
  const [row] = mine.length === 0 ? [] : await db.select({ collaborationId: teamMeetings.collaborationId }).from(teamMeetings)
    .where(and(eq(teamMeetings.id, meetingId), inArray(teamMeetings.collaborationId, mine)));
  if (!row) throw notFound();
  const [meeting] = await presentMeetings(db, actor, row.collaborationId, meetingId);
  return meeting!;
}

export async function createMeeting(tx: Tx, ctx: RequestContext, actor: Actor, collaborationId: string, body: z.output<typeof TeamMeetingInput>): Promise<TeamMeeting> {
  const role = requirePreparer(actor, collaborationId);
  const [row] = await tx.insert(teamMeetings).values({ collaborationId, heldOn: body.heldOn, title: body.title, notes: body.notes ?? null, followUp: body.followUp ?? null, createdByUserId: actor.userId })
    .returning({ id: teamMeetings.id });
  await audit(tx, ctx, { action: 'create', entityType: 'team_meeting', entityId: row!.id, collaborationId, role });
  return (await presentMeetings(tx, actor, collaborationId, row!.id))[0]!;
}

export async function updateMeeting(tx: Tx, ctx: RequestContext, actor: Actor, meetingId: string, expected: number, body: z.output<typeof TeamMeetingPatch>): Promise<TeamMeeting> {
  const before = await loadMeeting(tx, actor, meetingId);
  const role = requirePreparer(actor, before.collaborationId);
  assertVersion(before.version, expected);
  assertUpdated(await tx.update(teamMeetings).set({ ...body, version: before.version + 1, updatedAt: new Date() })
    .where(and(eq(teamMeetings.collaborationId, before.collaborationId), eq(teamMeetings.id, meetingId), eq(teamMeetings.version, expected))).returning({ id: teamMeetings.id }));
  await audit(tx, ctx, { action: 'update', entityType: 'team_meeting', entityId: meetingId, collaborationId: before.collaborationId, role });
  return loadMeeting(tx, actor, meetingId);
}

/**
 * A coach of the family brings it to the team. The question and summary are checked against every
 * name and place the file knows; any left in: 422 listing them, nothing shared. The family's access
 * log says its case went to the team (transparency); the team's reads are not linked to the family.
 */
export async function createCase(tx: Tx, ctx: RequestContext, actor: Actor, body: z.output<typeof TeamCaseInput>): Promise<TeamCase> {
  const scope = requireInCircle(await loadFamilyScope(tx, actor, body.familyId));
  requireTeam(actor, scope.collaborationId);
  if (scope.participantRole !== 'coach') throw forbidden();
  if (body.meetingId) {
    const [meeting] = await tx.select({ id: teamMeetings.id }).from(teamMeetings).where(and(eq(teamMeetings.collaborationId, scope.collaborationId), eq(teamMeetings.id, body.meetingId)));
    if (!meeting) throw invalidField('meetingId');
  }
  refuseIdentifying({ title: body.title, question: body.question, summary: body.summary }, await identifyingTerms(tx, scope), ctx.locale);
  const [row] = await tx.insert(teamCases).values({
    collaborationId: scope.collaborationId, familyId: scope.familyId, meetingId: body.meetingId ?? null, presentingUserId: actor.userId,
    title: body.title, question: body.question, summary: body.summary,
  }).returning({ id: teamCases.id });
  await audit(tx, ctx, { action: 'export', entityType: 'team_case', entityId: row!.id, collaborationId: scope.collaborationId, familyId: scope.familyId, role: 'coach' });
  return (await presentCases(tx, actor, { collaborationId: scope.collaborationId, ids: [row!.id] }))[0]!;
}

async function caseCollaboration(db: Executor, actor: Actor, caseId: string): Promise<string> {
  const mine = teamCollaborations(actor);
  const [row] = mine.length === 0 ? [] : await db.select({ collaborationId: teamCases.collaborationId }).from(teamCases)
    .where(and(eq(teamCases.id, caseId), inArray(teamCases.collaborationId, mine)));
  if (!row) throw notFound();
  return row.collaborationId;
}

export async function loadCase(db: Executor, ctx: RequestContext, actor: Actor, caseId: string): Promise<TeamCase> {
  const collaborationId = await caseCollaboration(db, actor, caseId);
  const role = requireTeam(actor, collaborationId);
  await audit(db, ctx, { action: 'read', entityType: 'team_case', entityId: caseId, collaborationId, role });
  return (await presentCases(db, actor, { collaborationId, ids: [caseId] }))[0]!;
}

export async function addAdvice(tx: Tx, ctx: RequestContext, actor: Actor, caseId: string, text: string): Promise<Advice> {
  const collaborationId = await caseCollaboration(tx, actor, caseId);
  const role = requireTeam(actor, collaborationId);
  const [row] = await tx.insert(teamCaseAdvice).values({ collaborationId, caseId, authorUserId: actor.userId, text }).returning();
  await audit(tx, ctx, { action: 'create', entityType: 'team_case_advice', entityId: row!.id, collaborationId, role });
  return { id: row!.id, authorName: actor.name, text: row!.text, createdAt: row!.createdAt.toISOString() };
}
