import { and, asc, eq, isNull } from 'drizzle-orm';
import type { z } from 'zod';
import type { Reflection, ReflectionInput } from '../../../shared/schemas/reflections.ts';
import { requireWriter, topicWhere, type FamilyScope, type TopicColumns } from '../../access/family-scope.ts';
import type { Executor, Tx } from '../../db/connection.ts';
import { ownStrengthReflections as r } from '../../db/schema/index.ts';
import type { RequestContext } from '../../http/context.ts';
import { forbidden } from '../../http/errors.ts';
import { brusselsDate } from '../registrations/timing.ts';
import { checkParticipants, invalidField } from '../plan/checks.ts';
import { participantNames } from '../plan/content.ts';
import { recordChange } from '../plan/history.ts';

/** The policy's view of a reflection: no life domain, so it reaches others only as a single item. */
export const reflectionTopic: TopicColumns = {
  itemType: 'reflection', id: r.id, lifeDomainId: r.lifeDomainId, isPrivate: r.isPrivate, authorParticipantId: r.authorParticipantId,
};

/** The reflections the asker may see, oldest first (the order of a line over time). */
export async function listReflections(db: Executor, scope: FamilyScope, filter: { id?: string; subject?: string } = {}): Promise<Reflection[]> {
  const rows = await db.select().from(r).where(and(
    eq(r.collaborationId, scope.collaborationId), eq(r.familyId, scope.familyId), isNull(r.deletedAt), topicWhere(scope, reflectionTopic),
    filter.id ? eq(r.id, filter.id) : undefined,
    filter.subject === 'family' ? isNull(r.subjectParticipantId) : filter.subject ? eq(r.subjectParticipantId, filter.subject) : undefined,
  )).orderBy(asc(r.reflectedOn), asc(r.createdAt));
  const names = await participantNames(db, scope);
  const name = (id: string | null) => (id ? names.get(id) ?? null : null);
  return rows.map((x) => ({
    id: x.id, subjectParticipantId: x.subjectParticipantId, subjectName: name(x.subjectParticipantId), reflectedOn: x.reflectedOn,
    competence: x.competence, competenceNote: x.competenceNote, motivation: x.motivation, motivationNote: x.motivationNote,
    social: x.social, socialNote: x.socialNote, note: x.note, withFamily: x.withFamily,
    presentNames: x.presentParticipantIds.map((p) => names.get(p) ?? '').filter(Boolean),
    authorParticipantId: x.authorParticipantId, authorName: name(x.authorParticipantId), createdAt: x.createdAt.toISOString(), version: x.version,
  }));
}

/** A coach records a reflection, alone or with the family (who took part). The family reads it. */
export async function createReflection(tx: Tx, ctx: RequestContext, scope: FamilyScope, body: z.output<typeof ReflectionInput>, now: Date): Promise<Reflection> {
  const writer = requireWriter(scope);
  if (writer.participantRole !== 'coach') throw forbidden();
  if (body.reflectedOn > brusselsDate(now)) throw invalidField('reflectedOn', 'dateInFuture');
  if (body.subjectParticipantId) await checkParticipants(tx, scope, [body.subjectParticipantId], 'subjectParticipantId', true);
  await checkParticipants(tx, scope, body.presentParticipantIds, 'presentParticipantIds', false);
  if (body.withFamily && body.presentParticipantIds.length === 0) throw invalidField('presentParticipantIds', 'required');
  const [row] = await tx.insert(r).values({
    collaborationId: scope.collaborationId, familyId: scope.familyId, subjectParticipantId: body.subjectParticipantId ?? null, reflectedOn: body.reflectedOn,
    competence: body.competence, competenceNote: body.competenceNote ?? null, motivation: body.motivation, motivationNote: body.motivationNote ?? null,
    social: body.social, socialNote: body.socialNote ?? null, note: body.note ?? null, withFamily: body.withFamily,
    presentParticipantIds: body.withFamily ? [...new Set(body.presentParticipantIds)] : [], authorParticipantId: writer.participantId, createdByUserId: ctx.actor?.userId ?? null,
  }).returning({ id: r.id });
  const [created] = await listReflections(tx, scope, { id: row!.id });
  await recordChange(tx, ctx, scope, { itemType: 'reflection', itemId: created!.id, action: 'create', lifeDomainId: null, isPrivate: false, authorParticipantId: writer.participantId, before: null, after: created! });
  return created!;
}
