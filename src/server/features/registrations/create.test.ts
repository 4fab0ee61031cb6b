import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { accessLog, postcodes, registrations } from '../../db/schema/index.ts';
import { demo, signIn, useTestApp, type Client } from '../../test/harness.ts';
import { collaborationIdOf, expectError, latestMailTo, mailsTo, requestIdOf, auditRowsFor, userIdOf } from '../../test/helpers.ts';
import { postRegistration, registrationBody, registrationRows } from './test-fixtures.ts';

const now = new Date('2026-11-23T10:00:00Z');
const t = useTestApp({}, { clock: () => now });
let antwerpen: string;
let gent: string;
let referrer: Client;
beforeAll(async () => {
  antwerpen = await collaborationIdOf(t.db, 'antwerpen');
  gent = await collaborationIdOf(t.db, 'gent');
  referrer = await signIn(t.app, demo('referrer', 'antwerpen'));
});

describe('POST /registrations', () => {
  it('stores a registration routed by postcode, answers with a receipt, mails it and logs it', async () => {
    const res = await postRegistration(t, registrationBody({ family: { name: 'Familie Receipt', language: 'ar' }, postcode: '9000', municipality: 'Gent' }));
    expect(res.statusCode).toBe(201);
    expect(res.json()).toEqual({
      id: expect.any(String),
      kind: 'family',
      receivedAt: '2026-11-23T10:00:00.000Z',
      firstContactDueBy: '2026-12-23T10:00:00.000Z',
      collaboration: { id: gent, name: 'Samenwerkingsverband Regio Gent (demo)', contactEmail: 'onthaal.gent@gezinsplan.example', contactPhone: null },
    });
    const [row] = await registrationRows(t.db, 'Familie Receipt');
    expect(row).toMatchObject({ collaborationId: gent, status: 'new', referrerUserId: null, familyLanguage: 'ar', familyEmail: null, referrerPhone: null, networkInvolved: null, familyConsent: true });
    const mail = await latestMailTo(t.db, 'lies.verbeke@clb.example');
    expect(mail.subject).toBe('We ontvingen je aanmelding');
    expect(mail.text).toContain('Familie Receipt');
    expect(mail.text).toContain('23 december 2026');
    const audits = await auditRowsFor(t.db, requestIdOf(res));
    expect(audits).toMatchObject([{ action: 'create', entityType: 'registration', entityId: row!.id, collaborationId: gent, actorUserId: null, outcome: 'success' }]);
  });

  it('links a signed-in referrer, mails in English on request, and stores a consultation question the same way', async () => {
    const res = await postRegistration(t, registrationBody({ kind: 'consultation', family: { name: 'Consult Engels', language: 'en' }, children: [] }), { client: referrer, headers: { 'accept-language': 'en' } });
    expect(res.statusCode).toBe(201);
    const [row] = await registrationRows(t.db, 'Consult Engels');
    expect(row).toMatchObject({ kind: 'consultation', collaborationId: antwerpen, referrerUserId: await userIdOf(t.db, demo('referrer', 'antwerpen')), familyId: null });
    const mail = await latestMailTo(t.db, 'lies.verbeke@clb.example');
    expect(mail.subject).toBe('We received your question');
    const [audit] = await auditRowsFor(t.db, requestIdOf(res));
    expect(audit).toMatchObject({ actorUserId: row!.referrerUserId, collaborationId: antwerpen, actorRole: 'referrer' });
  });

  it('needs the CSRF token from a signed-in person', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/registrations', payload: registrationBody({ family: { name: 'Zonder Token', language: 'nl' } }), headers: { cookie: referrer.cookie } });
    expectError(res, 403, 'csrf_failed');
    expect(await registrationRows(t.db, 'Zonder Token')).toEqual([]);
  });

  it('refuses bad input per field, translated, and stores nothing', async () => {
    const before = (await t.db.select().from(registrations)).length;
    const mailsBefore = (await mailsTo(t.db, 'x@example.org')).length;
    const body = registrationBody({
      referrer: { type: 'bank', name: '', email: 'no-at' }, postcode: '200', reasons: [], familyConsent: false, question: '',
    });
    const nl = expectError(await postRegistration(t, body), 422, 'validation_failed');
    expect(nl.details).toEqual(expect.arrayContaining([
      { field: 'referrer.type', code: 'invalid_value', message: 'Kies een van de mogelijkheden.' },
      { field: 'referrer.name', code: 'too_small', message: 'Vul dit in.' },
      { field: 'referrer.email', code: 'invalid_format', message: 'Dit is geen geldig e-mailadres.' },
      { field: 'postcode', code: 'invalid_format', message: 'Een postcode heeft 4 cijfers, bv. 2000.' },
      { field: 'reasons', code: 'too_small', message: 'Kies er minstens 1.' },
      { field: 'question', code: 'too_small', message: 'Vul dit in.' },
      { field: 'familyConsent', code: 'invalid_value', message: 'Het gezin moet weten van deze aanmelding en akkoord gaan. Vraag het eerst aan het gezin.' },
    ]));
    const en = expectError(await postRegistration(t, body, { headers: { 'accept-language': 'en' } }), 422, 'validation_failed');
    expect(en.details).toContainEqual({ field: 'postcode', code: 'invalid_format', message: 'A postcode has 4 digits, e.g. 2000.' });
    expect((await t.db.select().from(registrations)).length).toBe(before);
    expect((await mailsTo(t.db, 'x@example.org')).length).toBe(mailsBefore);
  });

  it('refuses a registration without the family\'s consent', async () => {
    const { familyConsent: _omit, ...withoutConsent } = registrationBody({ family: { name: 'Zonder Akkoord', language: 'nl' } });
    const error = expectError(await postRegistration(t, withoutConsent), 422, 'validation_failed');
    expect(error.details).toEqual([{ field: 'familyConsent', code: 'invalid_value', message: 'Het gezin moet weten van deze aanmelding en akkoord gaan. Vraag het eerst aan het gezin.' }]);
    expect(await registrationRows(t.db, 'Zonder Akkoord')).toEqual([]);
  });

  it('stores one registration for a repeated Idempotency-Key, per client', async () => {
    const body = registrationBody({ family: { name: 'Dubbel Klik', language: 'nl' } });
    const headers = { 'idempotency-key': 'click-1' };
    const first = await postRegistration(t, body, { headers });
    const second = await postRegistration(t, body, { headers });
    expect(first.statusCode).toBe(201);
    expect(second.statusCode).toBe(201);
    expect(second.json()).toEqual(first.json());
    expect(await registrationRows(t.db, 'Dubbel Klik')).toHaveLength(1);
    expectError(await postRegistration(t, { ...body, question: 'Iets anders' }, { headers }), 422, 'idempotency_conflict');
    // Another client with the same key is another request.
    const other = await t.app.inject({ method: 'POST', url: '/api/v1/registrations', payload: body, headers, remoteAddress: '10.1.2.3' });
    expect(other.statusCode).toBe(201);
    expect(await registrationRows(t.db, 'Dubbel Klik')).toHaveLength(2);
  });

  it('uses the chosen collaboration when the postcode is unknown, and refuses when there is none', async () => {
    const chosen = await postRegistration(t, registrationBody({ family: { name: 'Uit Luik', language: 'fr' }, postcode: '4000', municipality: 'Liège', collaborationId: gent }));
    expect(chosen.statusCode).toBe(201);
    expect(chosen.json().collaboration.id).toBe(gent);
    const none = await postRegistration(t, registrationBody({ family: { name: 'Nergens', language: 'nl' }, postcode: '4000', municipality: 'Liège' }), { headers: { 'accept-language': 'en' } });
    expect(expectError(none, 422, 'validation_failed').details).toEqual([
      { field: 'postcode', code: 'postcode_unknown', message: "We don't know this postcode. Choose a collaboration below." },
    ]);
    const unknownChoice = await postRegistration(t, registrationBody({ family: { name: 'Nergens', language: 'nl' }, postcode: '4000', municipality: 'Liège', collaborationId: '7d3c2a1e-0b4f-4e6a-9c8d-1a2b3c4d5e6f' }));
    expectError(unknownChoice, 422, 'validation_failed');
    expect(await registrationRows(t.db, 'Nergens')).toEqual([]);
  });

  it('uses the municipality when a postcode is split between two collaborations', async () => {
    await t.db.insert(postcodes).values([
      { postcode: '1790', municipality: 'Affligem', collaborationId: antwerpen },
      { postcode: '1790', municipality: 'Hekelgem', collaborationId: gent },
    ]);
    const hekelgem = await postRegistration(t, registrationBody({ family: { name: 'Grens Hekelgem', language: 'nl' }, postcode: '1790', municipality: 'hekelgem' }));
    expect(hekelgem.json().collaboration.id).toBe(gent);
    const other = await postRegistration(t, registrationBody({ family: { name: 'Grens Elders', language: 'nl' }, postcode: '1790', municipality: 'Teralfene' }));
    expect(expectError(other, 422, 'validation_failed').details).toEqual([expect.objectContaining({ field: 'municipality', code: 'municipalityUnknown' })]);
    const chosen = await postRegistration(t, registrationBody({ family: { name: 'Grens Elders', language: 'nl' }, postcode: '1790', municipality: 'Teralfene', collaborationId: antwerpen }));
    expect(chosen.json().collaboration.id).toBe(antwerpen);
  });
});

describe('GET /registrations/mine', () => {
  it('shows a referrer only their own registrations, status only, and logs the read', async () => {
    const res = await referrer.request('GET', '/api/v1/registrations/mine');
    expect(res.statusCode).toBe(200);
    const items = res.json().items as Record<string, unknown>[];
    expect(items.map((i) => i.familyName).sort()).toEqual(['Consult Engels', 'Malika Bennani']);
    for (const item of items) expect(Object.keys(item).sort()).toEqual(['collaborationName', 'familyName', 'id', 'kind', 'receivedAt', 'status']);
    expect(items.find((i) => i.familyName === 'Malika Bennani')).toMatchObject({ status: 'received', collaborationName: 'Samenwerkingsverband Regio Antwerpen (demo)' });
    const gentReferrer = await signIn(t.app, demo('referrer', 'gent'));
    const theirs = (await gentReferrer.request('GET', '/api/v1/registrations/mine')).json().items as { familyName: string }[];
    expect(theirs.map((i) => i.familyName)).toEqual(['Vandamme']);
    const logged = await t.db.select().from(accessLog).where(eq(accessLog.requestId, requestIdOf(res)));
    expect(logged).toMatchObject([{ action: 'read', entityType: 'registration_own_list' }]);
    expectError(await t.app.inject({ method: 'GET', url: '/api/v1/registrations/mine' }), 401, 'unauthenticated');
  });
});
