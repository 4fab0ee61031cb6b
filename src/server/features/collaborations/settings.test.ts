import { and, asc, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_LIFE_DOMAINS } from '../../../shared/pictograms.ts';
import { collaborations, lifeDomains, postcodes } from '../../db/schema/index.ts';
import { demo, signIn, useTestApp, type Client } from '../../test/harness.ts';
import { collaborationIdOf, expectError } from '../../test/helpers.ts';

const t = useTestApp();
let admin: Client;
let antwerpen: string;
beforeAll(async () => {
  admin = await signIn(t.app, demo('admin', 'antwerpen'));
  antwerpen = await collaborationIdOf(t.db, 'antwerpen');
});

const url = () => `/api/v1/collaborations/${antwerpen}/settings`;
let version = 1;
async function patch(body: object, headers: Record<string, string> = {}) {
  const res = await admin.request('PATCH', url(), { body, headers: { 'if-match': `"${version}"`, ...headers } });
  if (res.statusCode === 200) version = res.json().version;
  return res;
}
const collaborationRow = async () => (await t.db.select().from(collaborations).where(eq(collaborations.id, antwerpen)))[0]!;
const domainRows = () => t.db.select().from(lifeDomains).where(eq(lifeDomains.collaborationId, antwerpen)).orderBy(asc(lifeDomains.position), asc(lifeDomains.labelNl));

describe('collaboration settings', () => {
  it('GET gives the settings, sorted postcodes and the life domains in order', async () => {
    const res = await admin.request('GET', url());
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toEqual({
      id: antwerpen,
      name: 'Samenwerkingsverband Regio Antwerpen (demo)',
      contactEmail: 'onthaal.antwerpen@gezinsplan.example',
      contactPhone: null,
      firstContactTargetDays: 30,
      warningThresholdDays: 21,
      evaluationIntervalMonths: 3,
      breakGlassHours: 4,
      breakGlassCoaches: false,
      retentionYears: 5,
      languages: ['nl-BE', 'en'],
      postcodes: [
        ['2000', 'Antwerpen'], ['2018', 'Antwerpen'], ['2060', 'Antwerpen'], ['2100', 'Deurne'],
        ['2140', 'Borgerhout'], ['2600', 'Berchem'], ['2610', 'Wilrijk'], ['2660', 'Hoboken'],
      ].map(([postcode, municipality]) => ({ postcode, municipality })),
      lifeDomains: DEFAULT_LIFE_DOMAINS.map((d, position) => ({ id: expect.any(String), ...d, position })),
      version: 1,
    });
  });

  it('changes only the fields sent, and clears a field sent as null', async () => {
    const res = await patch({ contactPhone: ' 03 123 45 67 ', contactEmail: null });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ name: 'Samenwerkingsverband Regio Antwerpen (demo)', contactPhone: '03 123 45 67', contactEmail: null, firstContactTargetDays: 30, version: 2 });
    expect(await collaborationRow()).toMatchObject({ contactPhone: '03 123 45 67', contactEmail: null, version: 2 });
  });

  it('keeps the ids of kept life domains, archives removed ones and creates new ones in the order given', async () => {
    const before = (await admin.request('GET', url())).json().lifeDomains as { id: string; labelNl: string }[];
    const [housing, money, health] = before as [typeof before[0], typeof before[0], typeof before[0]];
    const res = await patch({
      lifeDomains: [
        { id: money.id, labelNl: 'Financiën', labelEn: 'Finances', pictogram: 'money' },
        { labelNl: 'Mobiliteit', labelEn: 'Getting around', pictogram: 'transport' },
        { id: housing.id, labelNl: 'Wonen', labelEn: 'Housing', pictogram: 'home' },
        { labelNl: 'Voeding', labelEn: 'Food', pictogram: 'food' },
      ],
    });
    expect(res.statusCode).toBe(200);
    const after = res.json().lifeDomains as { id: string; labelNl: string; position: number }[];
    expect(after).toEqual([
      { id: money.id, labelNl: 'Financiën', labelEn: 'Finances', pictogram: 'money', position: 0 },
      { id: expect.any(String), labelNl: 'Mobiliteit', labelEn: 'Getting around', pictogram: 'transport', position: 1 },
      { id: housing.id, labelNl: 'Wonen', labelEn: 'Housing', pictogram: 'home', position: 2 },
      { id: expect.any(String), labelNl: 'Voeding', labelEn: 'Food', pictogram: 'food', position: 3 },
    ]);
    expect(new Set(after.map((d) => d.id)).size).toBe(4);
    expect(before.map((d) => d.id)).not.toContain(after[1]!.id);
    // Removed ones still exist (plans point at them), archived.
    const rows = await domainRows();
    expect(rows.length).toBe(13 + 2);
    const [healthRow] = rows.filter((r) => r.id === health.id);
    expect(healthRow!.archivedAt).toBeInstanceOf(Date);
    expect(rows.filter((r) => r.archivedAt === null).map((r) => r.id)).toEqual(after.map((d) => d.id));
    expect((await admin.request('GET', url())).json().lifeDomains).toEqual(after);
  });

  it('brings an archived life domain back by its id, and refuses an id it does not know', async () => {
    const [archived] = (await domainRows()).filter((r) => r.archivedAt !== null && r.labelNl === 'Gezondheid');
    const current = (await admin.request('GET', url())).json().lifeDomains as { id: string; labelNl: string; labelEn: string; pictogram: string }[];
    const keep = current.map(({ id, labelNl, labelEn, pictogram }) => ({ id, labelNl, labelEn, pictogram }));
    const unknown = await patch({ lifeDomains: [...keep, { id: '7d3c2a1e-0b4f-4e6a-9c8d-1a2b3c4d5e6f', labelNl: 'X', labelEn: 'X', pictogram: 'other' }] });
    expect(expectError(unknown, 422, 'validation_failed').details).toEqual([{ field: 'lifeDomains.4.id', code: 'not_found', message: 'Dit bestaat niet (meer), of je mag het niet zien.' }]);
    expect((await domainRows()).filter((r) => r.archivedAt === null).map((r) => r.id)).toEqual(keep.map((d) => d.id));

    const res = await patch({ lifeDomains: [...keep, { id: archived!.id, labelNl: 'Gezondheid', labelEn: 'Health', pictogram: 'health' }] });
    expect(res.statusCode).toBe(200);
    expect(res.json().lifeDomains.at(-1)).toEqual({ id: archived!.id, labelNl: 'Gezondheid', labelEn: 'Health', pictogram: 'health', position: 4 });
    const [row] = await t.db.select().from(lifeDomains).where(and(eq(lifeDomains.collaborationId, antwerpen), eq(lifeDomains.id, archived!.id)));
    expect(row!.archivedAt).toBeNull();
  });

  it('refuses a warning later than the target (422) and changes nothing', async () => {
    const before = await collaborationRow();
    const both = await patch({ firstContactTargetDays: 10, warningThresholdDays: 11 }, { 'accept-language': 'en' });
    expect(expectError(both, 422, 'validation_failed').details).toEqual([
      { field: 'warningThresholdDays', code: 'warningBeforeTarget', message: 'The warning must come before the target.' },
    ]);
    // Only the warning sent: checked against the stored target (30).
    const one = await patch({ warningThresholdDays: 31 });
    expect(expectError(one, 422, 'validation_failed').details).toEqual([
      { field: 'warningThresholdDays', code: 'warningBeforeTarget', message: 'De waarschuwing moet vóór de termijn komen.' },
    ]);
    const lowerTarget = await patch({ firstContactTargetDays: 20 });
    expectError(lowerTarget, 422, 'validation_failed');
    expect(await collaborationRow()).toEqual(before);
    const ok = await patch({ firstContactTargetDays: 14, warningThresholdDays: 14 });
    expect(ok.json()).toMatchObject({ firstContactTargetDays: 14, warningThresholdDays: 14 });
  });

  it('replaces the postcodes whole, and frees the ones left out for others', async () => {
    const res = await patch({ postcodes: [{ postcode: '2020', municipality: ' Antwerpen ' }, { postcode: '2000', municipality: 'Antwerpen' }, { postcode: '2000', municipality: 'Antwerpen' }] });
    expect(res.statusCode).toBe(200);
    expect(res.json().postcodes).toEqual([{ postcode: '2000', municipality: 'Antwerpen' }, { postcode: '2020', municipality: 'Antwerpen' }]);
    const rows = await t.db.select().from(postcodes).where(eq(postcodes.collaborationId, antwerpen)).orderBy(asc(postcodes.postcode));
    expect(rows.map((r) => `${r.postcode} ${r.municipality}`)).toEqual(['2000 Antwerpen', '2020 Antwerpen']);
    // Gent may now take a postcode Antwerpen let go of, but not one Antwerpen still has.
    const gent = await collaborationIdOf(t.db, 'gent');
    const gentAdmin = await signIn(t.app, demo('admin', 'gent'));
    const gentCodes = (await gentAdmin.request('GET', `/api/v1/collaborations/${gent}/settings`)).json().postcodes;
    const taken = await gentAdmin.request('PATCH', `/api/v1/collaborations/${gent}/settings`, { body: { postcodes: [...gentCodes, { postcode: '2000', municipality: 'Antwerpen' }] }, headers: { 'if-match': '"1"' } });
    expectError(taken, 409, 'postcode_taken');
    const otherSpelling = await gentAdmin.request('PATCH', `/api/v1/collaborations/${gent}/settings`, { body: { postcodes: [...gentCodes, { postcode: '2000', municipality: 'ANTWERPEN' }] }, headers: { 'if-match': '"1"' } });
    expectError(otherSpelling, 409, 'postcode_taken');
    const freed = await gentAdmin.request('PATCH', `/api/v1/collaborations/${gent}/settings`, { body: { postcodes: [...gentCodes, { postcode: '2018', municipality: 'Antwerpen' }] }, headers: { 'if-match': '"1"' } });
    expect(freed.statusCode).toBe(200);
    expect(freed.json().postcodes).toContainEqual({ postcode: '2018', municipality: 'Antwerpen' });
    expect(await patch({ postcodes: [] })).toMatchObject({ statusCode: 200 });
    expect(await t.db.select().from(postcodes).where(eq(postcodes.collaborationId, antwerpen))).toEqual([]);
  });

  it('explains a malformed postcode and an empty list of languages per field', async () => {
    const res = await patch({ postcodes: [{ postcode: '200', municipality: 'Antwerpen' }], languages: [] });
    expect(expectError(res, 422, 'validation_failed').details).toEqual([
      { field: 'languages', code: 'too_small', message: 'Kies er minstens 1.' },
      { field: 'postcodes.0.postcode', code: 'invalid_format', message: 'Een postcode heeft 4 cijfers, bv. 2000.' },
    ]);
  });
});
