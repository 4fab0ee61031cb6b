import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { NetworkPerson, NetworkPersonInput, NetworkPersonPatch, NetworkTie, NetworkTieInput, NetworkTiePatch } from '../../../shared/schemas/network.ts';
import { requireWriter, type FamilyScope } from '../../access/family-scope.ts';
import type { Tx } from '../../db/connection.ts';
import { familyParticipants, networkAvailability, networkPeople, networkTies } from '../../db/schema/index.ts';
import type { RequestContext } from '../../http/context.ts';
import { notFound } from '../../http/errors.ts';
import { assertUpdated, assertVersion } from '../../http/etag.ts';
import { invalidField } from '../plan/checks.ts';
import { checkOnBehalfOf, recordChange } from '../plan/history.ts';
import { loadPeople, loadTies } from './repo.ts';

type PersonInput = z.output<typeof NetworkPersonInput>;
type PersonPatch = z.output<typeof NetworkPersonPatch>;

/**
 * What the history keeps of a person: everything but the contact details. The history is read
 * under the person's own topic, and must not hand a phone number to someone who may see the
 * person but not their number.
 */
const forHistory = ({ contact: _contact, ...rest }: NetworkPerson) => rest;
const topic = (scope: FamilyScope) => ({ lifeDomainId: null, isPrivate: false, authorParticipantId: scope.participantId });

export async function visiblePerson(tx: Tx, scope: FamilyScope, id: string): Promise<NetworkPerson> {
  const [person] = await loadPeople(tx, scope, { id });
  if (!person) throw notFound();
  return person;
}

async function checkParticipant(tx: Tx, scope: FamilyScope, participantId: string | null | undefined): Promise<void> {
  if (!participantId) return;
  const [row] = await tx.select({ id: familyParticipants.id }).from(familyParticipants).where(and(
    eq(familyParticipants.collaborationId, scope.collaborationId), eq(familyParticipants.familyId, scope.familyId),
    eq(familyParticipants.id, participantId), isNull(familyParticipants.removedAt),
  ));
  if (!row) throw invalidField('participantId');
}

async function setAvailability(tx: Tx, scope: FamilyScope, personId: string, slots: PersonInput['availability']): Promise<void> {
  await tx.delete(networkAvailability).where(and(eq(networkAvailability.collaborationId, scope.collaborationId), eq(networkAvailability.personId, personId)));
  if (slots.length > 0) {
    await tx.insert(networkAvailability).values(slots.map((s) => ({ collaborationId: scope.collaborationId, personId, ...s })));
  }
}

function columns(body: PersonPatch) {
  const { availability: _a, onBehalfOfParticipantId: _o, ...rest } = body;
  return Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined));
}

export async function createPerson(tx: Tx, ctx: RequestContext, scope: FamilyScope, body: PersonInput): Promise<NetworkPerson> {
  const writer = requireWriter(scope);
  const onBehalfOf = await checkOnBehalfOf(tx, scope, body.onBehalfOfParticipantId);
  await checkParticipant(tx, scope, body.participantId);
  const [row] = await tx.insert(networkPeople).values({
    ...columns(body), name: body.name, ring: body.ring, collaborationId: scope.collaborationId, familyId: scope.familyId,
    authorParticipantId: writer.participantId, onBehalfOfParticipantId: onBehalfOf, createdByUserId: ctx.actor?.userId ?? null,
  }).returning({ id: networkPeople.id });
  await setAvailability(tx, scope, row!.id, body.availability);
  const created = await visiblePerson(tx, scope, row!.id);
  await recordChange(tx, ctx, scope, { itemType: 'network_person', itemId: created.id, action: 'create', ...topic(scope), onBehalfOfParticipantId: onBehalfOf, before: null, after: forHistory(created) });
  return created;
}

export async function updatePerson(tx: Tx, ctx: RequestContext, scope: FamilyScope, id: string, expected: number, patch: PersonPatch): Promise<NetworkPerson> {
  const before = await visiblePerson(tx, scope, id);
  requireWriter(scope);
  assertVersion(before.version, expected);
  const onBehalfOf = await checkOnBehalfOf(tx, scope, patch.onBehalfOfParticipantId);
  await checkParticipant(tx, scope, patch.participantId);
  const updated = await tx.update(networkPeople)
    .set({ ...columns(patch), version: sql`${networkPeople.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(networkPeople.collaborationId, scope.collaborationId), eq(networkPeople.id, id), eq(networkPeople.version, expected)))
    .returning({ id: networkPeople.id });
  assertUpdated(updated);
  if (patch.availability) await setAvailability(tx, scope, id, patch.availability);
  const after = await visiblePerson(tx, scope, id);
  await recordChange(tx, ctx, scope, { itemType: 'network_person', itemId: id, action: 'update', ...topic(scope), onBehalfOfParticipantId: onBehalfOf, before: forHistory(before), after: forHistory(after) });
  return after;
}

/** Removing a person takes their ties with them; the rows stay (deletedAt) for the history. */
export async function deletePerson(tx: Tx, ctx: RequestContext, scope: FamilyScope, id: string, expected: number): Promise<void> {
  const before = await visiblePerson(tx, scope, id);
  requireWriter(scope);
  assertVersion(before.version, expected);
  await tx.update(networkPeople).set({ deletedAt: sql`now()`, version: sql`${networkPeople.version} + 1` })
    .where(and(eq(networkPeople.collaborationId, scope.collaborationId), eq(networkPeople.id, id)));
  await tx.update(networkTies).set({ deletedAt: sql`now()`, version: sql`${networkTies.version} + 1` }).where(and(
    eq(networkTies.collaborationId, scope.collaborationId), eq(networkTies.familyId, scope.familyId), isNull(networkTies.deletedAt),
    sql`(${networkTies.fromPersonId} = ${id} or ${networkTies.toPersonId} = ${id})`,
  ));
  await recordChange(tx, ctx, scope, { itemType: 'network_person', itemId: id, action: 'delete', ...topic(scope), before: forHistory(before), after: null });
}

export async function visibleTie(tx: Tx, scope: FamilyScope, id: string): Promise<NetworkTie> {
  const people = await loadPeople(tx, scope);
  const [tie] = await loadTies(tx, scope, people.map((p) => p.id), id);
  if (!tie) throw notFound();
  return tie;
}

export async function createTie(tx: Tx, ctx: RequestContext, scope: FamilyScope, body: z.output<typeof NetworkTieInput>): Promise<NetworkTie> {
  const writer = requireWriter(scope);
  const ends = [body.toPersonId, ...(body.fromPersonId ? [body.fromPersonId] : [])];
  if (body.fromPersonId === body.toPersonId) throw invalidField('toPersonId');
  const found = await tx.select({ id: networkPeople.id }).from(networkPeople).where(and(
    eq(networkPeople.collaborationId, scope.collaborationId), eq(networkPeople.familyId, scope.familyId),
    inArray(networkPeople.id, ends), isNull(networkPeople.deletedAt),
  ));
  if (!found.some((f) => f.id === body.toPersonId)) throw invalidField('toPersonId');
  if (body.fromPersonId && !found.some((f) => f.id === body.fromPersonId)) throw invalidField('fromPersonId');
  const [row] = await tx.insert(networkTies).values({
    collaborationId: scope.collaborationId, familyId: scope.familyId, fromPersonId: body.fromPersonId, toPersonId: body.toPersonId,
    kind: body.kind, note: body.note ?? null, authorParticipantId: writer.participantId, createdByUserId: ctx.actor?.userId ?? null,
  }).returning({ id: networkTies.id });
  const created = await visibleTie(tx, scope, row!.id);
  await recordChange(tx, ctx, scope, { itemType: 'network_tie', itemId: created.id, action: 'create', ...topic(scope), before: null, after: created });
  return created;
}

export async function updateTie(tx: Tx, ctx: RequestContext, scope: FamilyScope, id: string, expected: number, patch: z.output<typeof NetworkTiePatch>): Promise<NetworkTie> {
  const before = await visibleTie(tx, scope, id);
  requireWriter(scope);
  assertVersion(before.version, expected);
  const updated = await tx.update(networkTies)
    .set({ ...(patch.kind && { kind: patch.kind }), ...(patch.note !== undefined && { note: patch.note }), version: sql`${networkTies.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(networkTies.collaborationId, scope.collaborationId), eq(networkTies.id, id), eq(networkTies.version, expected)))
    .returning({ id: networkTies.id });
  assertUpdated(updated);
  const after = await visibleTie(tx, scope, id);
  await recordChange(tx, ctx, scope, { itemType: 'network_tie', itemId: id, action: 'update', ...topic(scope), before, after });
  return after;
}

export async function deleteTie(tx: Tx, ctx: RequestContext, scope: FamilyScope, id: string, expected: number): Promise<void> {
  const before = await visibleTie(tx, scope, id);
  requireWriter(scope);
  assertVersion(before.version, expected);
  await tx.update(networkTies).set({ deletedAt: sql`now()`, version: sql`${networkTies.version} + 1` })
    .where(and(eq(networkTies.collaborationId, scope.collaborationId), eq(networkTies.id, id)));
  await recordChange(tx, ctx, scope, { itemType: 'network_tie', itemId: id, action: 'delete', ...topic(scope), before, after: null });
}
