import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { boolean, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { consentGrants, families, familyParticipants, lifeDomains, users } from '../db/schema/index.ts';
import { AppError } from '../http/errors.ts';
import { demo, useTestApp } from '../test/harness.ts';
import { collaborationIdOf, RANDOM_UUID, userIdOf } from '../test/helpers.ts';
import { loadActor, type Actor } from './actor.ts';
import { loadFamilyScope, topicWhere, visibleFamiliesWhere } from './family-scope.ts';

/** A stand-in for any family item table (goals, worries, notes…), made only for this test. */
const testItems = pgTable('test_items', {
  collaborationId: uuid().notNull(),
  id: uuid().notNull(),
  familyId: uuid().notNull(),
  lifeDomainId: uuid().notNull(),
  isPrivate: boolean().notNull(),
  authorParticipantId: uuid(),
  label: text().notNull(),
});
const ITEM_TYPE = 'test_item';
const topicColumns = { itemType: ITEM_TYPE, id: testItems.id, lifeDomainId: testItems.lifeDomainId, isPrivate: testItems.isPrivate, authorParticipantId: testItems.authorParticipantId };

const t = useTestApp();
let antwerpen: string;
let familyId: string;
let otherFamilyId: string;
const p: Record<string, string> = {};
const domains: string[] = [];
const item: Record<string, string> = {};

async function person(email: string) {
  const [row] = await t.db.insert(users).values({ email, name: email.split('@')[0]! }).returning();
  return row!.id;
}

const actorOf = async (email: string): Promise<Actor> => (await loadActor(t.db, await userIdOf(t.db, email)))!;

/** Labels of the items of the family the actor may read (or contribute to), through the scope only. */
async function visible(email: string, level: 'read' | 'contribute' = 'read', family = () => familyId): Promise<string[]> {
  const scope = await loadFamilyScope(t.db, await actorOf(email), family());
  const rows = await t.db
    .select({ label: testItems.label })
    .from(testItems)
    .where(and(eq(testItems.collaborationId, scope.collaborationId), eq(testItems.familyId, scope.familyId), topicWhere(scope, topicColumns, level)))
    .orderBy(asc(testItems.label));
  return rows.map((r) => r.label);
}

async function familiesSeenBy(email: string): Promise<string[]> {
  const rows = await t.db.select({ name: families.displayName }).from(families).where(visibleFamiliesWhere(await actorOf(email))).orderBy(asc(families.displayName));
  return rows.map((r) => r.name);
}

async function scopeError(email: string, family: string): Promise<unknown> {
  return loadFamilyScope(t.db, await actorOf(email), family).then(() => 'visible', (err: unknown) => err);
}

beforeAll(async () => {
  antwerpen = await collaborationIdOf(t.db, 'antwerpen');
  const collaborationId = antwerpen;
  await t.db.execute(sql`create table test_items (collaboration_id uuid not null, id uuid not null, family_id uuid not null,
    life_domain_id uuid not null, is_private boolean not null, author_participant_id uuid, label text not null)`);
  const ld = await t.db.select({ id: lifeDomains.id }).from(lifeDomains).where(and(eq(lifeDomains.collaborationId, antwerpen), isNull(lifeDomains.archivedAt))).orderBy(asc(lifeDomains.position));
  domains.push(...ld.slice(0, 3).map((d) => d.id));
  const [f1] = await t.db.insert(families).values({ collaborationId, displayName: 'Gezin El Idrissi' }).returning();
  const [f2] = await t.db.insert(families).values({ collaborationId, displayName: 'Gezin Peeters' }).returning();
  familyId = f1!.id;
  otherFamilyId = f2!.id;

  const participants = [
    ['coach', 'coach', 1, demo('coach1', 'antwerpen')],
    ['mom', 'parent', 1, await emailOf('mama@familie.example')],
    ['dad', 'parent', 1, await emailOf('papa@familie.example')],
    ['net', 'network_member', 2, await emailOf('buurvrouw@familie.example')],
    ['net2', 'network_member', 2, await emailOf('oom@familie.example')],
    ['net3', 'network_member', 2, await emailOf('tante@familie.example')],
    ['gone', 'parent', 1, await emailOf('vertrokken@familie.example')],
  ] as const;
  for (const [key, role, ring, email] of participants) {
    const [row] = await t.db.insert(familyParticipants).values({
      collaborationId, familyId, role, ring, displayName: key, userId: await userIdOf(t.db, email),
      removedAt: key === 'gone' ? new Date() : null,
    }).returning();
    p[key] = row!.id;
  }
  const [A, B, C] = domains as [string, string, string];
  const items = [
    ['1 coach note in A', A, false, p.coach],
    ['2 coach note in B', B, false, p.coach],
    ['3 mom private in A', A, true, p.mom],
    ['4 dad private in B', B, true, p.dad],
    ['5 net own in B', B, false, p.net],
    ['6 single item in C', C, false, p.coach],
  ] as const;
  for (const [label, lifeDomainId, isPrivate, author] of items) {
    const id = crypto.randomUUID();
    item[label[0]!] = id;
    await t.db.insert(testItems).values({ collaborationId, id, familyId, lifeDomainId, isPrivate, authorParticipantId: author!, label });
  }
  await t.db.insert(testItems).values({ collaborationId, id: crypto.randomUUID(), familyId: otherFamilyId, lifeDomainId: A, isPrivate: false, label: '7 other family in A' });

  const grant = (participant: string, topic: { lifeDomainId?: string; itemType?: string; itemId?: string }, extra: Partial<typeof consentGrants.$inferInsert> = {}) =>
    t.db.insert(consentGrants).values({ collaborationId, familyId, participantId: p[participant]!, level: 'read', grantedByParticipantId: p.mom, ...topic, ...extra });
  // net: life domain A, and the single item 6 — both in effect.
  await grant('net', { lifeDomainId: A });
  await grant('net', { itemType: ITEM_TYPE, itemId: item['6'] });
  // net2: only grants that are not (or no longer) in effect, or not for this family or item type.
  await grant('net2', { lifeDomainId: B }, { revokedAt: new Date() });
  await grant('net2', { lifeDomainId: B }, { validUntil: new Date(Date.now() - 60_000) });
  await grant('net2', { lifeDomainId: B }, { status: 'proposed' });
  await grant('net2', { lifeDomainId: B }, { familyId: otherFamilyId });
  await grant('net2', { itemType: 'goal', itemId: item['2'] });
  // net3: may contribute to life domain B until next month.
  await grant('net3', { lifeDomainId: B }, { level: 'contribute', validUntil: new Date(Date.now() + 30 * 86_400_000) });
});

async function emailOf(email: string) {
  await person(email);
  return email;
}

describe('topicWhere through loadFamilyScope', () => {
  it('the family coach sees every item, private ones included', async () => {
    expect(await visible(demo('coach1', 'antwerpen'))).toEqual(['1 coach note in A', '2 coach note in B', '3 mom private in A', '4 dad private in B', '5 net own in B', '6 single item in C']);
    expect(await loadFamilyScope(t.db, await actorOf(demo('coach1', 'antwerpen')), familyId))
      .toEqual({ collaborationId: antwerpen, familyId, participantId: p.coach, participantRole: 'coach', reach: 'full', emergency: null, closed: false });
  });

  it('a parent sees everything except another member\'s private items, and their own private ones', async () => {
    expect(await visible('mama@familie.example')).toEqual(['1 coach note in A', '2 coach note in B', '3 mom private in A', '5 net own in B', '6 single item in C']);
    expect(await visible('papa@familie.example')).toEqual(['1 coach note in A', '2 coach note in B', '4 dad private in B', '5 net own in B', '6 single item in C']);
  });

  it('a network member sees only granted life domains and items, and what they wrote themselves', async () => {
    expect(await visible('buurvrouw@familie.example')).toEqual(['1 coach note in A', '5 net own in B', '6 single item in C']);
    expect((await loadFamilyScope(t.db, await actorOf('buurvrouw@familie.example'), familyId)).reach).toBe('consented');
  });

  it('revoked, expired, proposed, other-family and other-item-type grants show nothing; nor do someone else\'s grants', async () => {
    expect(await visible('oom@familie.example')).toEqual([]);
  });

  it('a read grant does not allow contributing; a contribute grant allows both, still hiding others\' private items', async () => {
    expect(await visible('buurvrouw@familie.example', 'contribute')).toEqual(['5 net own in B']);
    expect(await visible('tante@familie.example')).toEqual(['2 coach note in B', '5 net own in B']);
    expect(await visible('tante@familie.example', 'contribute')).toEqual(['2 coach note in B', '5 net own in B']);
  });

  it('a grant stops at once when it is revoked', async () => {
    await t.db.update(consentGrants).set({ revokedAt: new Date() }).where(and(eq(consentGrants.participantId, p.net3!), eq(consentGrants.familyId, familyId)));
    expect(await visible('tante@familie.example')).toEqual([]);
  });

  it('the coordinator of the family\'s collaboration gets the family record, no plan content', async () => {
    const scope = await loadFamilyScope(t.db, await actorOf(demo('coordinator', 'antwerpen')), familyId);
    expect(scope).toEqual({ collaborationId: antwerpen, familyId, participantId: null, participantRole: null, reach: 'metadata', emergency: null, closed: false });
    expect(await visible(demo('coordinator', 'antwerpen'))).toEqual([]);
  });
});

describe('who can know a family exists', () => {
  it('lists families by participation or coordination only', async () => {
    // The demo families (Malika's with coach2, Pieter's with coach1) are there too.
    expect(await familiesSeenBy(demo('coordinator', 'antwerpen'))).toEqual(['Gezin El Amrani (Malika)', 'Gezin El Idrissi', 'Gezin Peeters', 'Gezin Verbeeck (Pieter)']);
    expect(await familiesSeenBy(demo('coach1', 'antwerpen'))).toEqual(['Gezin El Idrissi', 'Gezin Verbeeck (Pieter)']);
    expect(await familiesSeenBy(demo('coach2', 'antwerpen'))).toEqual(['Gezin El Amrani (Malika)']);
    expect(await familiesSeenBy('mama@familie.example')).toEqual(['Gezin El Idrissi']);
    for (const email of [demo('admin', 'antwerpen'), demo('coordinator', 'gent'), demo('coach1', 'gent'), 'vertrokken@familie.example']) {
      expect(await familiesSeenBy(email)).toEqual([]);
    }
  });

  it('answers 404, exactly as for a family that does not exist, to everyone outside', async () => {
    const unknown = await scopeError(demo('coordinator', 'gent'), RANDOM_UUID);
    expect(unknown).toBeInstanceOf(AppError);
    expect(unknown).toMatchObject({ statusCode: 404, code: 'not_found' });
    for (const email of [demo('coordinator', 'gent'), demo('coach1', 'gent'), demo('admin', 'gent'), demo('coach2', 'antwerpen'), demo('admin', 'antwerpen'), 'vertrokken@familie.example']) {
      expect(await scopeError(email, familyId)).toEqual(unknown);
    }
    // A network member of one family knows nothing of another family of the same collaboration.
    expect(await scopeError('buurvrouw@familie.example', otherFamilyId)).toEqual(unknown);
  });

  it('stops at once when a participant is removed', async () => {
    expect(await visible('papa@familie.example')).not.toEqual([]);
    await t.db.update(familyParticipants).set({ removedAt: new Date() }).where(and(eq(familyParticipants.collaborationId, antwerpen), eq(familyParticipants.id, p.dad!)));
    expect(await scopeError('papa@familie.example', familyId)).toMatchObject({ statusCode: 404, code: 'not_found' });
    expect(await familiesSeenBy('papa@familie.example')).toEqual([]);
  });
});
