import { beforeAll, describe, expect, it } from 'vitest';
import { createTestFamily, type TestFamily } from '../../test/families.ts';
import { demo, redeemLink, signIn, signInByLink, useTestApp, type Client } from '../../test/harness.ts';
import { expectError, latestMailTo, tokenInLink } from '../../test/helpers.ts';
import { created, expectSameAsRandom, ifMatch } from '../plan/plan-test-support.ts';

const t = useTestApp();
const as = {} as Record<'coach' | 'mama' | 'teacher' | 'otherCoach' | 'gent', Client>;
let fam: TestFamily;
const url = (path: string) => `/api/v1/families/${fam.familyId}/${path}`;
const body = (over: object = {}) => ({ reflectedOn: '2026-10-01', competence: 2, motivation: 3, social: 1, competenceNote: 'Papieren lukken nog niet', ...over });

beforeAll(async () => {
  fam = await createTestFamily(t.db, {
    displayName: 'Familie Kracht', coaches: [demo('coach1', 'antwerpen')],
    people: { mama: { role: 'parent', name: 'Mama Kracht', email: 'malika@gezinsplan.example' }, kid: { role: 'child', name: 'Kind Kracht', birthYear: 2016 } },
  });
  as.coach = await signIn(t.app, demo('coach1', 'antwerpen'));
  as.otherCoach = await signIn(t.app, demo('coach2', 'antwerpen'));
  as.gent = await signIn(t.app, demo('coach1', 'gent'));
  as.mama = await signInByLink(t.app, t.db, 'malika@gezinsplan.example');
  const inv = await created<{ participantId: string }>(as.coach, url('invitations'), { displayName: 'Juf Ann', role: 'outside_professional', email: 'juf.kracht@school.example' });
  fam.participants.teacher = inv.participantId;
  as.teacher = await redeemLink(t.app, tokenInLink((await latestMailTo(t.db, 'juf.kracht@school.example')).text, '/sign-in/link'));
});

describe('own-strength reflection', () => {
  it('refuses a scale outside 1–5 with a translated message, and nothing is saved', async () => {
    for (const bad of [{ competence: 0 }, { motivation: 6 }, { social: 2.5 }, { social: 'veel' }, { competence: undefined }]) {
      const res = await as.coach.request('POST', url('reflections'), { body: body(bad) });
      expectError(res, 422, 'validation_failed');
      expect(res.json().error.details[0].message).toMatch(/getal|Vul/);
    }
    expect((await as.coach.request('GET', url('reflections'))).json().items).toEqual([]);
  });

  it('is recorded by a coach, for a member or the whole family, with who took part', async () => {
    expectError(await as.mama.request('POST', url('reflections'), { body: body() }), 403, 'forbidden');
    expectError(await as.coach.request('POST', url('reflections'), { body: body({ withFamily: true }) }), 422, 'validation_failed');
    expectError(await as.coach.request('POST', url('reflections'), { body: body({ subjectParticipantId: fam.participants.teacher }) }), 422, 'validation_failed');
    expectError(await as.coach.request('POST', url('reflections'), { body: body({ reflectedOn: '2099-01-01' }) }), 422, 'validation_failed');
    await created(as.coach, url('reflections'), body());
    const later = await created(as.coach, url('reflections'), body({ reflectedOn: '2026-11-15', competence: 4, motivation: 4, social: 3, withFamily: true, presentParticipantIds: [fam.participants.mama] }));
    expect(later).toMatchObject({ subjectParticipantId: null, withFamily: true, presentNames: ['Mama Kracht'], competence: 4 });
    const kid = await created(as.coach, url('reflections'), body({ subjectParticipantId: fam.participants.kid, reflectedOn: '2026-11-16' }));
    expect(kid).toMatchObject({ subjectName: 'Kind Kracht' });
    const family = (await as.coach.request('GET', url('reflections?subjectParticipantId=family'))).json().items;
    expect(family.map((r: { reflectedOn: string }) => r.reflectedOn)).toEqual(['2026-10-01', '2026-11-15']);
  });

  it('the family reads it, in the file, the history and the access log', async () => {
    const items = (await as.mama.request('GET', url('reflections'))).json().items;
    expect(items).toHaveLength(3);
    const file = (await as.mama.request('GET', url('export?format=json'))).json();
    expect(file.reflections).toHaveLength(3);
    const history = (await as.mama.request('GET', url('history?itemType=reflection'))).json().items;
    expect(history).toHaveLength(3);
    const log = (await as.mama.request('GET', url('access-log'))).json().items;
    expect(log.some((e: { entityType: string }) => e.entityType === 'reflection_list')).toBe(true);
  });

  it('others see it only when the family shares that one reflection', async () => {
    expect((await as.teacher.request('GET', url('reflections'))).json().items).toEqual([]);
    const [first] = (await as.coach.request('GET', url('reflections'))).json().items;
    const grant = await created(as.mama, url('consents'), { participantId: fam.participants.teacher, itemType: 'reflection', itemId: first.id });
    const seen = (await as.teacher.request('GET', url('reflections'))).json().items;
    expect(seen.map((r: { id: string }) => r.id)).toEqual([first.id]);
    expectError(await as.teacher.request('POST', url('reflections'), { body: body() }), 403, 'forbidden');
    await as.mama.request('DELETE', url(`consents/${grant.id}`), { headers: ifMatch(grant.version) });
    expect((await as.teacher.request('GET', url('reflections'))).json().items).toEqual([]);
  });

  it('is out of sight for another family\'s coach and another collaboration: 404 like a random id', async () => {
    for (const who of [as.otherCoach, as.gent]) {
      await expectSameAsRandom(who, 'GET', url('reflections'), fam.familyId);
      await expectSameAsRandom(who, 'POST', url('reflections'), fam.familyId, body());
    }
  });
});
