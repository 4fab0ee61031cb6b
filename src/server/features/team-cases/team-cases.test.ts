import { beforeAll, describe, expect, it } from 'vitest';
import { demo, signIn, useTestApp, type Client } from '../../test/harness.ts';
import { collaborationIdOf, expectError, RANDOM_UUID } from '../../test/helpers.ts';
import { created } from '../plan/plan-test-support.ts';
import { ageRange, findTerms } from './anonymise.ts';

const t = useTestApp();
const as = {} as Record<'coach' | 'teamCoach' | 'coordinator' | 'gent' | 'gentCoordinator' | 'referrer', Client>;
let familyId: string;
let antwerpen: string;
let meeting: { id: string; version: number };
let familyLinkedIds: string[];
let names: string[];
const QUESTION = 'Hoe houden we de moeder betrokken als de afspraken telkens uitvallen?';

beforeAll(async () => {
  as.coach = await signIn(t.app, demo('coach2', 'antwerpen'));
  as.teamCoach = await signIn(t.app, demo('coach1', 'antwerpen'));
  as.coordinator = await signIn(t.app, demo('coordinator', 'antwerpen'));
  as.gent = await signIn(t.app, demo('coach1', 'gent'));
  as.gentCoordinator = await signIn(t.app, demo('coordinator', 'gent'));
  as.referrer = await signIn(t.app, demo('referrer', 'antwerpen'));
  antwerpen = await collaborationIdOf(t.db, 'antwerpen');
  familyId = (await as.coach.request('GET', '/api/v1/families?q=Malika')).json().items[0].id;
  await created(as.coach, `/api/v1/families/${familyId}/network/people`, { name: 'Buurvrouw Greet', ring: 2, address: 'Kerkstraat 12, 2000 Antwerpen' });
  const plan = (await as.coach.request('GET', `/api/v1/families/${familyId}/plan`)).json();
  const people = (await as.coach.request('GET', `/api/v1/families/${familyId}/network`)).json();
  names = plan.participants.filter((p: { role: string }) => p.role !== 'coach').map((p: { displayName: string }) => p.displayName);
  familyLinkedIds = [familyId, ...plan.participants.map((p: { id: string }) => p.id), ...(people.people ?? []).map((p: { id: string }) => p.id),
    ...['goals', 'worries', 'strengths', 'questions', 'agreements'].flatMap((k) => (plan[k] ?? []).map((i: { id: string }) => i.id))];
});

describe('a team meeting', () => {
  it('is prepared by the coordinator; a coach 403, another collaboration 404', async () => {
    const body = { heldOn: '2026-12-08', title: 'Teamoverleg week 50' };
    expectError(await as.coach.request('POST', `/api/v1/collaborations/${antwerpen}/team-meetings`, { body }), 403, 'forbidden');
    expectError(await as.gentCoordinator.request('POST', `/api/v1/collaborations/${antwerpen}/team-meetings`, { body }), 404, 'not_found');
    meeting = await created(as.coordinator, `/api/v1/collaborations/${antwerpen}/team-meetings`, body);
    const res = await as.coordinator.request('PATCH', `/api/v1/team-meetings/${meeting.id}`, { body: { notes: 'Twee casussen', followUp: 'Terugkoppeling volgende week' }, headers: { 'if-match': `"${meeting.version}"` } });
    expect(res.json()).toMatchObject({ notes: 'Twee casussen', followUp: 'Terugkoppeling volgende week', version: 2 });
    expectError(await as.gent.request('GET', `/api/v1/team-meetings/${meeting.id}`), 404, 'not_found');
  });
});

describe('an anonymised case', () => {
  let caseId: string;

  it('starts from a summary without names, dates of birth, addresses or municipality', async () => {
    const res = await as.coach.request('POST', `/api/v1/families/${familyId}/team-case-draft`);
    expect(res.statusCode).toBe(200);
    const { summary } = res.json();
    expect(summary).toMatch(/Een gezin met/);
    for (const n of [...names, 'Greet', 'Kerkstraat', 'Antwerpen', '2000']) expect(summary).not.toContain(n);
    expect(summary).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    expectError(await as.teamCoach.request('POST', `/api/v1/families/${familyId}/team-case-draft`), 404, 'not_found');
  });

  it('is refused while the text holds a member\'s name or a street of the file, listing what to remove', async () => {
    const base = { familyId, meetingId: meeting.id, title: 'Casus A', summary: 'Een gezin met 1 volwassene en 6 kinderen.' };
    const member = names.find((n) => n.startsWith('Malika'))!;
    const res = await as.coach.request('POST', '/api/v1/team-cases', { body: { ...base, question: `Hoe houden we ${member} betrokken?` } });
    expectError(res, 422, 'validation_failed');
    expect(res.json().error.details).toEqual([{ field: 'question', code: 'identifying', message: 'Haal dit weg, het kan het gezin herkenbaar maken: “Malika”.' }]);
    const street = await as.coach.request('POST', '/api/v1/team-cases', { body: { ...base, question: QUESTION, summary: 'De buurvrouw in de kerkstraat helpt soms.' } });
    expectError(street, 422, 'validation_failed');
    expect(street.json().error.details.map((d: { field: string; message: string }) => [d.field, d.message])).toEqual([['summary', expect.stringContaining('Kerkstraat')]]);
    const meetingNow = (await as.coordinator.request('GET', `/api/v1/team-meetings/${meeting.id}`)).json();
    expect(meetingNow.cases).toEqual([]);
  });

  it('is shared once clean; only the presenting coach sees which family it is', async () => {
    const res = await as.coach.request('POST', '/api/v1/team-cases', { body: { familyId, meetingId: meeting.id, title: 'Casus A', question: QUESTION, summary: 'Een gezin met 1 volwassene en 6 kinderen.' } });
    expect(res.statusCode).toBe(201);
    caseId = res.json().id;
    expect(res.json()).toMatchObject({ mine: true, family: { id: familyId } });
    for (const who of [as.teamCoach, as.coordinator]) {
      for (const url of [`/api/v1/team-cases/${caseId}`, `/api/v1/team-meetings/${meeting.id}`, `/api/v1/collaborations/${antwerpen}/team-meetings`]) {
        const body = (await who.request('GET', url)).body;
        expect(body).toContain('Casus A');
        for (const id of familyLinkedIds) expect(body).not.toContain(id);
        for (const n of names) expect(body).not.toContain(n);
        expect(body).not.toContain('El Amrani');
      }
    }
    expect((await as.teamCoach.request('GET', `/api/v1/team-cases/${caseId}`)).json()).toMatchObject({ mine: false, family: null });
  });

  it('collects the team\'s advice; outside the team nobody sees it', async () => {
    await created(as.teamCoach, `/api/v1/team-cases/${caseId}/advice`, { text: 'Spreek af op een vaste dag, bij haar thuis.' });
    const seen = (await as.coach.request('GET', `/api/v1/team-cases/${caseId}`)).json();
    expect(seen.advice).toMatchObject([{ text: 'Spreek af op een vaste dag, bij haar thuis.' }]);
    expectError(await as.gent.request('GET', `/api/v1/team-cases/${caseId}`), 404, 'not_found');
    expectError(await as.gent.request('POST', `/api/v1/team-cases/${caseId}/advice`, { body: { text: 'x' } }), 404, 'not_found');
    expectError(await as.referrer.request('GET', `/api/v1/team-cases/${caseId}`), 404, 'not_found');
    expectError(await as.teamCoach.request('GET', `/api/v1/team-cases/${RANDOM_UUID}`), 404, 'not_found');
  });

  it('can only be brought by the family\'s own coach', async () => {
    const body = { familyId, title: 'Casus B', question: QUESTION, summary: 'Een gezin.' };
    expectError(await as.teamCoach.request('POST', '/api/v1/team-cases', { body }), 404, 'not_found');
    expectError(await as.coordinator.request('POST', '/api/v1/team-cases', { body }), 404, 'not_found');
    expectError(await as.gent.request('POST', '/api/v1/team-cases', { body }), 404, 'not_found');
  });
});

describe('anonymising', () => {
  it('matches whole words in any case, and gives age ranges', () => {
    expect(findTerms('Sami en sAMIRA gaan naar school', ['Sami', 'Samira', 'Ami'])).toEqual(['Sami', 'Samira']);
    expect(findTerms('Samisch', ['Sami'])).toEqual([]);
    expect([ageRange(2020, 2026), ageRange(2014, 2026), ageRange(2009, 2026), ageRange(1950, 2026)]).toEqual(['6–11', '12–17', '12–17', '66+']);
  });
});
