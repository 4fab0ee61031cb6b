import { and, eq, gt } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { accessLog, collaborations, memberships, partnerOrganisations, users } from '../db/schema/index.ts';
import { demo, PLATFORM_ADMIN, signIn, useTestApp, type Client } from '../test/harness.ts';
import { auditRowsFor, collaborationIdOf, expectError, latestMailTo, RANDOM_UUID, requestIdOf, tokenInLink, userIdOf } from '../test/helpers.ts';

const t = useTestApp();
let antwerpen: string;
let gent: string;
let gentPartner: string;
let gentCoach: string;
let antwerpenAdmin: Client;
beforeAll(async () => {
  antwerpen = await collaborationIdOf(t.db, 'antwerpen');
  gent = await collaborationIdOf(t.db, 'gent');
  const [p] = await t.db.select().from(partnerOrganisations).where(and(eq(partnerOrganisations.collaborationId, gent), eq(partnerOrganisations.name, 'CLB Gent')));
  gentPartner = p!.id;
  gentCoach = await userIdOf(t.db, demo('coach1', 'gent'));
  antwerpenAdmin = await signIn(t.app, demo('admin', 'antwerpen'));
});

describe('another collaboration does not exist for you', () => {
  type Door = [method: 'GET' | 'POST' | 'PATCH', url: (c: string, id: string) => string, body?: object];
  const doors: [string, Door][] = [
    ['settings GET', ['GET', (c) => `/api/v1/collaborations/${c}/settings`]],
    ['settings PATCH', ['PATCH', (c) => `/api/v1/collaborations/${c}/settings`, { name: 'Taken over' }]],
    ['partner list', ['GET', (c) => `/api/v1/collaborations/${c}/partner-organisations`]],
    ['partner create', ['POST', (c) => `/api/v1/collaborations/${c}/partner-organisations`, { name: 'Planted', kind: 'other' }]],
    ['partner by id', ['GET', (c, id) => `/api/v1/collaborations/${c}/partner-organisations/${id}`]],
    ['partner PATCH', ['PATCH', (c, id) => `/api/v1/collaborations/${c}/partner-organisations/${id}`, { name: 'Renamed' }]],
    ['member list', ['GET', (c) => `/api/v1/collaborations/${c}/members`]],
    ['member invite', ['POST', (c) => `/api/v1/collaborations/${c}/members`, { email: 'planted@gezinsplan.example', name: 'Planted', roles: ['admin'] }]],
    ['member GET', ['GET', (c, id) => `/api/v1/collaborations/${c}/members/${id}`]],
    ['member PATCH', ['PATCH', (c, id) => `/api/v1/collaborations/${c}/members/${id}`, { roles: ['admin'] }]],
    ['resend invitation', ['POST', (c, id) => `/api/v1/collaborations/${c}/members/${id}/invitation`]],
  ];

  it.each(doors)('%s: the admin of antwerpen gets the same 404 as for a random id, and nothing changes', async (_name, [method, url, body]) => {
    const id = url('x', 'y').includes('/members/') ? gentCoach : gentPartner;
    const stateBefore = await gentState();
    const headers = { 'if-match': '"1"' };
    const real = await antwerpenAdmin.request(method, url(gent, id), { body, headers });
    const random = await antwerpenAdmin.request(method, url(RANDOM_UUID, RANDOM_UUID), { body, headers });
    expect(real.statusCode).toBe(404);
    expect(real.json()).toEqual({ error: { code: 'not_found', message: 'Dit bestaat niet (meer), of je mag het niet zien.' } });
    expect({ status: random.statusCode, body: random.body }).toEqual({ status: real.statusCode, body: real.body });
    expect(await gentState()).toEqual(stateBefore);
    // Looking where you may not is recorded.
    const [logged] = await auditRowsFor(t.db, requestIdOf(real));
    expect(logged).toMatchObject({ actorUserId: await userIdOf(t.db, demo('admin', 'antwerpen')), outcome: 'not_found' });
  });

  it('a gent partner or member is not found under antwerpen either', async () => {
    expectError(await antwerpenAdmin.request('GET', `/api/v1/collaborations/${antwerpen}/partner-organisations/${gentPartner}`), 404, 'not_found');
    expectError(await antwerpenAdmin.request('PATCH', `/api/v1/collaborations/${antwerpen}/partner-organisations/${gentPartner}`, { body: { name: 'X' }, headers: { 'if-match': '"1"' } }), 404, 'not_found');
    expectError(await antwerpenAdmin.request('GET', `/api/v1/collaborations/${antwerpen}/members/${gentCoach}`), 404, 'not_found');
    expectError(await antwerpenAdmin.request('PATCH', `/api/v1/collaborations/${antwerpen}/members/${gentCoach}`, { body: { active: false }, headers: { 'if-match': '"1"' } }), 404, 'not_found');
    expectError(await antwerpenAdmin.request('POST', `/api/v1/collaborations/${antwerpen}/members/${gentCoach}/invitation`), 404, 'not_found');
    expect(await gentState()).toMatchObject({ partnerName: 'CLB Gent', coachActive: true });
  });

  it('lists only your own collaborations', async () => {
    const res = await antwerpenAdmin.request('GET', '/api/v1/collaborations');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ items: [{ id: antwerpen, name: 'Samenwerkingsverband Regio Antwerpen (demo)', postcodeCount: 8 }], nextCursor: null });
    const partners = await antwerpenAdmin.request('GET', `/api/v1/collaborations/${antwerpen}/partner-organisations`);
    expect(partners.json().items.map((p: { name: string }) => p.name)).not.toContain('CLB Gent');
  });
});

describe('roles inside your own collaboration', () => {
  let coach: Client;
  beforeAll(async () => {
    coach = await signIn(t.app, demo('coach1', 'antwerpen'));
  });

  it('a coach may read settings and partner organisations', async () => {
    const settings = await coach.request('GET', `/api/v1/collaborations/${antwerpen}/settings`);
    expect(settings.statusCode).toBe(200);
    expect(settings.json().id).toBe(antwerpen);
    const partners = await coach.request('GET', `/api/v1/collaborations/${antwerpen}/partner-organisations`);
    expect(partners.statusCode).toBe(200);
    expect(partners.json().items).toHaveLength(5);
  });

  it.each([
    ['PATCH settings', 'PATCH', '/settings', { name: 'Coach was here' }],
    ['POST partner', 'POST', '/partner-organisations', { name: 'Coach org', kind: 'other' }],
    ['GET members', 'GET', '/members', undefined],
    ['invite member', 'POST', '/members', { email: 'friend@gezinsplan.example', name: 'Friend', roles: ['admin'] }],
  ] as const)('a coach gets 403 on %s, logged as denied, and nothing changes', async (_name, method, path, body) => {
    const before = await t.db.select().from(collaborations).where(eq(collaborations.id, antwerpen));
    const res = await coach.request(method, `/api/v1/collaborations/${antwerpen}${path}`, { body, headers: { 'if-match': '"1"' } });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toEqual({ error: { code: 'forbidden', message: 'Je mag dit niet doen.' } });
    expect(await t.db.select().from(collaborations).where(eq(collaborations.id, antwerpen))).toEqual(before);
    expect(await t.db.select().from(partnerOrganisations).where(eq(partnerOrganisations.name, 'Coach org'))).toEqual([]);
    expect(await t.db.select().from(users).where(eq(users.email, 'friend@gezinsplan.example'))).toEqual([]);
    const logged = await auditRowsFor(t.db, requestIdOf(res));
    expect(logged.map((r) => ({ actor: r.actorUserId, outcome: r.outcome, entityId: r.entityId }))).toEqual([
      { actor: await userIdOf(t.db, demo('coach1', 'antwerpen')), outcome: 'denied', entityId: antwerpen },
    ]);
  });
});

describe('platform administration', () => {
  it('a platform admin creates a collaboration with a first admin, who gets an invitation', async () => {
    const platform = await signIn(t.app, PLATFORM_ADMIN);
    const res = await platform.request('POST', '/api/v1/collaborations', {
      body: { name: 'Samenwerkingsverband Brugge', contactEmail: 'Onthaal@Brugge.example', firstAdmin: { email: 'eerste.admin@brugge.example', name: 'Eerste Beheerder' } },
    });
    expect(res.statusCode).toBe(201);
    const created = res.json();
    expect(created).toMatchObject({ name: 'Samenwerkingsverband Brugge', contactEmail: 'onthaal@brugge.example', postcodes: [], version: 1 });
    expect(created.lifeDomains).toHaveLength(13);
    expect(res.headers.etag).toBe('"1"');
    const adminId = await userIdOf(t.db, 'eerste.admin@brugge.example');
    expect(await t.db.select().from(memberships).where(eq(memberships.collaborationId, created.id)))
      .toMatchObject([{ userId: adminId, roles: ['admin'], active: true }]);
    const mail = await latestMailTo(t.db, 'eerste.admin@brugge.example');
    expect(mail).toMatchObject({ subject: 'Welkom bij Samenwerkingsverband Brugge in Gezinsplan', collaborationId: created.id });
    expect(tokenInLink(mail.text, '/accept-invitation')).toMatch(/^[\w-]{43}$/);
    const logged = await auditRowsFor(t.db, requestIdOf(res));
    expect(logged.map((r) => [r.action, r.entityType, r.outcome, r.actorRole])).toEqual([
      ['create', 'collaboration', 'success', 'platform_admin'],
      ['create', 'membership', 'success', 'platform_admin'],
    ]);
    // The platform admin sees every collaboration.
    const list = await platform.request('GET', '/api/v1/collaborations');
    expect(list.json().items.map((c: { name: string }) => c.name)).toEqual([
      'Samenwerkingsverband Brugge', 'Samenwerkingsverband Regio Antwerpen (demo)', 'Samenwerkingsverband Regio Gent (demo)',
    ]);
  });

  it('anyone else gets 403 and nothing is created', async () => {
    const before = await t.db.select({ id: collaborations.id }).from(collaborations);
    const started = new Date();
    const res = await antwerpenAdmin.request('POST', '/api/v1/collaborations', { body: { name: 'Rogue collaboration' } });
    expectError(res, 403, 'forbidden');
    expect(await t.db.select({ id: collaborations.id }).from(collaborations)).toEqual(before);
    const denied = await t.db.select().from(accessLog).where(and(eq(accessLog.outcome, 'denied'), gt(accessLog.occurredAt, new Date(started.getTime() - 1000))));
    expect(denied.some((r) => r.requestId === requestIdOf(res) && r.action === 'create')).toBe(true);
  });
});

async function gentState() {
  const [collab] = await t.db.select().from(collaborations).where(eq(collaborations.id, gent));
  const [partner] = await t.db.select().from(partnerOrganisations).where(and(eq(partnerOrganisations.collaborationId, gent), eq(partnerOrganisations.id, gentPartner)));
  const [coach] = await t.db.select().from(memberships).where(and(eq(memberships.collaborationId, gent), eq(memberships.userId, gentCoach)));
  const partners = await t.db.select({ id: partnerOrganisations.id }).from(partnerOrganisations).where(eq(partnerOrganisations.collaborationId, gent));
  const members = await t.db.select({ userId: memberships.userId }).from(memberships).where(eq(memberships.collaborationId, gent));
  return {
    name: collab!.name, version: collab!.version, partnerName: partner!.name, partnerVersion: partner!.version,
    coachActive: coach!.active, coachRoles: coach!.roles, partners: partners.length, members: members.length,
  };
}
