import { describe, expect, it } from 'vitest';
import { demo, signIn, useTestApp } from '../test/harness.ts';

const t = useTestApp();

describe('demo families', () => {
  it('Malika\'s plan has come a long way since the start, with an evaluation and the history behind it', async () => {
    const coach = await signIn(t.app, demo('coach2', 'antwerpen'));
    const [family] = (await coach.request('GET', '/api/v1/families?q=Malika')).json().items;
    const url = (path: string) => `/api/v1/families/${family.id}/${path}`;
    const plan = (await coach.request('GET', url('plan'))).json();
    expect(plan.template.name).toBe('Gezinsplan (vier delen)');
    expect(plan.worries.map((w: { text: string }) => w.text)).toEqual(['Veel hulpverleners en geen overzicht', 'Achterstand bij de energiefactuur', 'Sami kan niet goed mee op school']);
    expect(plan.agreements.filter((a: { overdue: boolean }) => a.overdue).map((a: { ownerName: string }) => a.ownerName)).toEqual(['Jeroen']);
    expect(plan.evaluations).toHaveLength(1);
    expect((await coach.request('GET', url('plan/versions'))).json().items.map((v: { reason: string }) => v.reason)).toEqual(['evaluation', 'start']);
    const compare = (await coach.request('GET', url('plan/compare'))).json();
    expect(compare.goalsReached.map((g: { text: string }) => g.text)).toEqual(['Weten wie mij waarmee helpt']);
    expect(compare.worriesShrunk).toHaveLength(2);
    expect(compare.strengthsGrown).toHaveLength(1);
    expect(compare.goalsNew.map((g: { text: string }) => g.text)).toEqual(['Malika heeft één avond per week voor zichzelf']);
    expect((await coach.request('GET', url('history?limit=100'))).json().items.length).toBeGreaterThan(15);
  });

  it('Pieter\'s plan is at the start, with his coach Chris', async () => {
    const chris = await signIn(t.app, demo('coach1', 'antwerpen'));
    const [family] = (await chris.request('GET', '/api/v1/families?q=Pieter')).json().items;
    expect(family.coachNames).toEqual(['Chris Peeters']);
    const versions = (await chris.request('GET', `/api/v1/families/${family.id}/plan/versions`)).json().items;
    expect(versions).toHaveLength(1);
  });

  it('Malika\'s network has the home help in two roles and a girl who helps with homework; the social map is filled', async () => {
    const coach = await signIn(t.app, demo('coach2', 'antwerpen'));
    const [family] = (await coach.request('GET', '/api/v1/families?q=Malika')).json().items;
    const network = (await coach.request('GET', `/api/v1/families/${family.id}/network`)).json();
    const hanne = network.people.find((p: { name: string }) => p.name.startsWith('Hanne'));
    expect(hanne.roles).toEqual(['household', 'listening']);
    expect(network.people.map((p: { name: string }) => p.name)).toContain('Leila');
    const drivers = (await coach.request('GET', `/api/v1/families/${family.id}/network/availability?helpKind=driving&weekday=2&from=07:00&to=12:00`)).json().items;
    expect(drivers.map((p: { name: string }) => p.name)).toEqual(['Annick']);
    const services = (await coach.request('GET', `/api/v1/families/${family.id}/services`)).json().items;
    expect(services.length).toBeGreaterThanOrEqual(6);
    expect((await coach.request('GET', `/api/v1/families/${family.id}/waiting-list`)).json().items).toHaveLength(1);
    const me = (await coach.request('GET', '/api/v1/me')).json();
    const map = (await coach.request('GET', `/api/v1/social-map?collaborationId=${me.memberships[0].collaborationId}&q=opvoeding`)).json();
    expect(map.items.map((e: { organisation: string }) => e.organisation)).toEqual(['CKG De Boomhut']);
  });
});
