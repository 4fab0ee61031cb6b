import { describe, expect, it } from 'vitest';
import type { ConsentGrant } from '../../../shared/schemas/sharing.ts';
import { actionWord, dayLabel, entityWord, grantsFor, groupByDay, lastDay, type Topic } from './sharing-format.ts';
import { brusselsDay } from '../../../shared/brussels-day.ts';

const TOM = '00000000-0000-4000-8000-000000000001';
const OMA = '00000000-0000-4000-8000-000000000002';
const SCHOOL = '00000000-0000-4000-8000-0000000000a1';
const MONEY = '00000000-0000-4000-8000-0000000000a2';
const GOAL = '00000000-0000-4000-8000-0000000000b1';

function grant(over: Partial<ConsentGrant>): ConsentGrant {
  return {
    id: crypto.randomUUID(), participantId: TOM, participantName: 'Meester Tom', lifeDomainId: SCHOOL, itemType: null, itemId: null,
    level: 'read', status: 'active', validUntil: null, grantedByName: 'Malika', onBehalfOfName: null, approvedByName: null, approvedAt: null,
    decidedBy: 'parent', canApprove: false, createdAt: '2026-12-01T10:00:00.000Z', version: 1, ...over,
  };
}

const school: Topic = { kind: 'domain', lifeDomainId: SCHOOL, label: 'School' };

describe('grantsFor', () => {
  it('finds the grant in effect and the proposal of one person on one topic', () => {
    const active = grant({});
    const proposed = grant({ status: 'proposed', level: 'contribute' });
    const grants = [active, proposed, grant({ participantId: OMA }), grant({ lifeDomainId: MONEY }), grant({ lifeDomainId: SCHOOL, itemType: 'goal', itemId: GOAL })];
    expect(grantsFor(grants, TOM, school)).toEqual({ active, proposed });
    expect(grantsFor(grants, OMA, { kind: 'domain', lifeDomainId: MONEY, label: 'Geld' })).toEqual({ active: null, proposed: null });
  });

  it('tells a single item apart from its life domain', () => {
    const item = grant({ itemType: 'goal', itemId: GOAL });
    expect(grantsFor([grant({}), item], TOM, { kind: 'item', itemType: 'goal', itemId: GOAL, label: 'Huiswerk' }).active).toBe(item);
  });

  it('takes the newest when there are two of a kind', () => {
    const older = grant({ createdAt: '2026-11-01T10:00:00.000Z' });
    const newer = grant({ createdAt: '2026-12-01T10:00:00.000Z' });
    expect(grantsFor([older, newer], TOM, school).active).toBe(newer);
  });
});

describe('lastDay', () => {
  it('gives the chosen end date back from the moment the share ends', () => {
    expect(lastDay('2026-12-31T23:00:00.000Z')).toBe('2026-12-31');
    expect(lastDay('2026-07-31T22:00:00.000Z')).toBe('2026-07-31');
  });
});

describe('the access log by day', () => {
  it('groups on the Brussels calendar day, keeping the order', () => {
    const entries = [
      { id: 'a', occurredAt: '2026-12-01T23:30:00.000Z' }, // already 2 December in Brussels
      { id: 'b', occurredAt: '2026-12-01T22:59:00.000Z' },
      { id: 'c', occurredAt: '2026-12-01T08:00:00.000Z' },
    ];
    expect(groupByDay(entries).map((g) => [g.day, g.entries.map((e) => e.id)])).toEqual([['2026-12-02', ['a']], ['2026-12-01', ['b', 'c']]]);
    expect(brusselsDay('2026-07-01T22:30:00.000Z')).toBe('2026-07-02');
  });

  it('names the day in words, with the year only when it is not this year', () => {
    const today = new Date('2026-12-05T12:00:00Z');
    expect(dayLabel('2026-12-01', 'nl-BE', today)).toBe('dinsdag 1 december');
    expect(dayLabel('2025-12-02', 'en', today)).toBe('Tuesday, December 2, 2025');
  });

  it('falls back to plain words for kinds it does not know', () => {
    expect(entityWord('goal')).toBe('goal');
    expect(entityWord('something_new')).toBe('other');
    expect(actionWord('read')).toBe('read');
    expect(actionWord('login')).toBe('other');
  });
});
