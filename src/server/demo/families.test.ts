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
});
