import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { partnerOrganisations } from '../../db/schema/index.ts';
import { demo, signIn, useTestApp, type Client } from '../../test/harness.ts';
import { collaborationIdOf, expectError } from '../../test/helpers.ts';

const t = useTestApp();
let admin: Client;
let coach: Client;
let antwerpen: string;
beforeAll(async () => {
  admin = await signIn(t.app, demo('admin', 'antwerpen'));
  coach = await signIn(t.app, demo('coach1', 'antwerpen'));
  antwerpen = await collaborationIdOf(t.db, 'antwerpen');
});

const base = () => `/api/v1/collaborations/${antwerpen}/partner-organisations`;
type Partner = { id: string; name: string; kind: string; active: boolean; version: number };
const names = (res: { json: () => { items: Partner[] } }) => res.json().items.map((p) => p.name);
const row = async (id: string) => (await t.db.select().from(partnerOrganisations).where(and(eq(partnerOrganisations.collaborationId, antwerpen), eq(partnerOrganisations.id, id))))[0];

describe('partner organisations', () => {
  it('lists the active ones of the collaboration by name', async () => {
    const res = await coach.request('GET', base());
    expect(res.statusCode).toBe(200);
    expect(names(res)).toEqual(['CAW Antwerpen', 'CKG De Vlindertuin', 'CLB Antwerpen-Zuid', 'Kind en Gezin regio Antwerpen', 'OCMW Antwerpen']);
    expect(res.json().nextCursor).toBeNull();
    expect(res.json().items[0]).toEqual({ id: expect.any(String), name: 'CAW Antwerpen', kind: 'caw', contactEmail: null, contactPhone: null, active: true, version: 1 });
  });

  it('pages with a cursor, without gaps or repeats', async () => {
    const first = await coach.request('GET', `${base()}?limit=2`);
    expect(names(first)).toEqual(['CAW Antwerpen', 'CKG De Vlindertuin']);
    const second = await coach.request('GET', `${base()}?limit=2&cursor=${first.json().nextCursor}`);
    expect(names(second)).toEqual(['CLB Antwerpen-Zuid', 'Kind en Gezin regio Antwerpen']);
    const third = await coach.request('GET', `${base()}?limit=2&cursor=${second.json().nextCursor}`);
    expect(names(third)).toEqual(['OCMW Antwerpen']);
    expect(third.json().nextCursor).toBeNull();
  });

  it('creates one: 201, the ETag, the row, with the email normalised and an empty phone stored as none', async () => {
    const res = await admin.request('POST', base(), { body: { name: '  Huis van het Kind Antwerpen ', kind: 'huis_van_het_kind', contactEmail: 'Info@HvhK.example', contactPhone: '' } });
    expect(res.statusCode).toBe(201);
    expect(res.headers.etag).toBe('"1"');
    const created = res.json();
    expect(created).toEqual({ id: expect.any(String), name: 'Huis van het Kind Antwerpen', kind: 'huis_van_het_kind', contactEmail: 'info@hvhk.example', contactPhone: null, active: true, version: 1 });
    expect(await row(created.id)).toMatchObject({ collaborationId: antwerpen, name: 'Huis van het Kind Antwerpen', contactEmail: 'info@hvhk.example', contactPhone: null });
    const one = await coach.request('GET', `${base()}/${created.id}`);
    expect(one.statusCode).toBe(200);
    expect(one.json()).toEqual(created);
    expect(one.headers.etag).toBe('"1"');
  });

  it('refuses an unknown kind and a missing name per field', async () => {
    const res = await admin.request('POST', base(), { body: { kind: 'bank' }, headers: { 'accept-language': 'en' } });
    expect(expectError(res, 422, 'validation_failed').details).toEqual([
      { field: 'name', code: 'invalid_type', message: 'Please fill this in.' },
      { field: 'kind', code: 'invalid_value', message: 'Please choose one of the options.' },
    ]);
  });

  it('deactivating hides it from the list unless inactive ones are asked for', async () => {
    const [ocmw] = (await coach.request('GET', base())).json().items.filter((p: Partner) => p.name === 'OCMW Antwerpen');
    const res = await admin.request('PATCH', `${base()}/${ocmw.id}`, { body: { active: false, contactEmail: 'ocmw@antwerpen.example' }, headers: { 'if-match': '"1"' } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: ocmw.id, name: 'OCMW Antwerpen', active: false, contactEmail: 'ocmw@antwerpen.example', version: 2 });
    expect(await row(ocmw.id)).toMatchObject({ active: false, version: 2 });
    expect(names(await coach.request('GET', base()))).not.toContain('OCMW Antwerpen');
    expect(names(await coach.request('GET', `${base()}?includeInactive=true`))).toContain('OCMW Antwerpen');
    // Still reachable by id: memberships may point at it.
    expect((await coach.request('GET', `${base()}/${ocmw.id}`)).json()).toMatchObject({ active: false });
    const back = await admin.request('PATCH', `${base()}/${ocmw.id}`, { body: { active: true, contactEmail: null }, headers: { 'if-match': '"2"' } });
    expect(back.json()).toMatchObject({ active: true, contactEmail: null, version: 3 });
  });

  it('a coach may read but not change', async () => {
    const [caw] = (await coach.request('GET', base())).json().items as Partner[];
    expectError(await coach.request('PATCH', `${base()}/${caw!.id}`, { body: { name: 'Coach renamed' }, headers: { 'if-match': '"1"' } }), 403, 'forbidden');
    expect(await row(caw!.id)).toMatchObject({ name: 'CAW Antwerpen', version: 1 });
  });

  it('answers 404 for an unknown id', async () => {
    expectError(await coach.request('GET', `${base()}/7d3c2a1e-0b4f-4e6a-9c8d-1a2b3c4d5e6f`), 404, 'not_found');
    expectError(await admin.request('PATCH', `${base()}/7d3c2a1e-0b4f-4e6a-9c8d-1a2b3c4d5e6f`, { body: { name: 'X' }, headers: { 'if-match': '"1"' } }), 404, 'not_found');
  });
});
