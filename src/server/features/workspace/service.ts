import { and, asc, eq, isNull, ne, sql } from 'drizzle-orm';
import type { Workspace, WorkspaceFamily, WorkspaceRegistration } from '../../../shared/schemas/workspace.ts';
import type { Actor } from '../../access/actor.ts';
import { visibleFamiliesWhere } from '../../access/family-scope.ts';
import { visibleRegistrationsWhere } from '../../access/registration-scope.ts';
import { audit } from '../../audit/audit.ts';
import type { Tx } from '../../db/connection.ts';
import { collaborations, families, familyParticipants, registrationCoaches, registrations } from '../../db/schema/index.ts';
import type { RequestContext } from '../../http/context.ts';
import { brusselsDate, daysBetweenDates, firstContactDueBy, timingOf } from '../registrations/timing.ts';
import { attentionOf, SIGNALS, type FamilySignals } from './signals.ts';

const LEVEL = { now: 0, soon: 1, calm: 2 } as const;

/** The families in which the actor is a coach and the trajectory runs: through the one family policy. */
async function myFamilies(tx: Tx, actor: Actor) {
  return tx.select({ id: families.id, displayName: families.displayName, collaborationId: families.collaborationId }).from(families)
    .innerJoin(familyParticipants, and(eq(familyParticipants.collaborationId, families.collaborationId), eq(familyParticipants.familyId, families.id)))
    .where(and(
      visibleFamiliesWhere(actor), eq(familyParticipants.userId, actor.userId), eq(familyParticipants.role, 'coach'), isNull(familyParticipants.removedAt),
      ne(families.status, 'closed'),
    ))
    .orderBy(asc(families.displayName));
}

async function waitingRegistrations(tx: Tx, actor: Actor, now: Date): Promise<WorkspaceRegistration[]> {
  const rows = await tx.select({
    id: registrations.id, collaborationId: registrations.collaborationId, familyName: registrations.familyName, municipality: registrations.municipality,
    receivedAt: registrations.receivedAt, status: registrations.status, firstContactAt: registrations.firstContactAt,
    target: collaborations.firstContactTargetDays, warning: collaborations.warningThresholdDays,
  }).from(registrations)
    .innerJoin(collaborations, eq(collaborations.id, registrations.collaborationId))
    .where(and(
      visibleRegistrationsWhere(actor), eq(registrations.status, 'new'), isNull(registrations.firstContactAt),
      sql`exists (select 1 from ${registrationCoaches} rc where rc.collaboration_id = ${registrations.collaborationId} and rc.registration_id = ${registrations.id} and rc.user_id = ${actor.userId})`,
    ))
    .orderBy(asc(registrations.receivedAt), asc(registrations.id));
  return rows.map((r) => ({
    id: r.id, collaborationId: r.collaborationId, familyName: r.familyName, municipality: r.municipality, receivedAt: r.receivedAt.toISOString(),
    firstContactDueBy: firstContactDueBy(r.receivedAt, r.target).toISOString(),
    timing: timingOf(r, { firstContactTargetDays: r.target, warningThresholdDays: r.warning }, now),
  }));
}

/**
 * The coach's home page: registrations waiting for first contact, then their families, what needs
 * attention first. Each family's part is read through the signals; every family shown is in the
 * family's access log.
 */
export async function loadWorkspace(tx: Tx, ctx: RequestContext, actor: Actor, now: Date): Promise<Workspace> {
  const today = brusselsDate(now);
  const mine = await myFamilies(tx, actor);
  const ids = mine.map((f) => f.id);
  const signals = new Map<string, FamilySignals>(ids.map((id) => [id, {
    lastContactOn: null, overdueAgreements: 0, dueSoonAgreements: 0, nextAgreementDueOn: null, evaluationDueOn: null, nextMeeting: null, unreadMessages: 0,
  }]));
  if (ids.length > 0) {
    for (const signal of SIGNALS) {
      for (const [id, part] of await signal(tx, actor, ids, today)) Object.assign(signals.get(id) ?? {}, part);
    }
  }
  const ranked = mine.map((f) => {
    const s = signals.get(f.id)!;
    const a = attentionOf(s, today);
    const family: WorkspaceFamily = {
      ...f, ...s, daysSinceContact: s.lastContactOn ? daysBetweenDates(s.lastContactOn, today) : null,
      attention: a.attention, reasons: a.reasons as WorkspaceFamily['reasons'],
    };
    return { family, score: a.score };
  }).sort((x, y) => LEVEL[x.family.attention] - LEVEL[y.family.attention] || y.score - x.score || x.family.displayName.localeCompare(y.family.displayName));
  for (const f of mine) {
    await audit(tx, ctx, { action: 'read', entityType: 'workspace', collaborationId: f.collaborationId, familyId: f.id, role: 'coach' });
  }
  return { today, registrations: await waitingRegistrations(tx, actor, now), families: ranked.map((r) => r.family) };
}
