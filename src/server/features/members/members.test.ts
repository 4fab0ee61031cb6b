import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { jobs, memberships, partnerOrganisations, users } from '../../db/schema/index.ts';
import { cookieFrom, demo, signIn, useTestApp, type Client } from '../../test/harness.ts';
import { collaborationIdOf, expectError, latestMailTo, mailsTo, tokenInLink, userIdOf } from '../../test/helpers.ts';

const t = useTestApp();
let admin: Client;
let antwerpen: string;
let gent: string;
beforeAll(async () => {
  admin = await signIn(t.app, demo('admin', 'antwerpen'));
  antwerpen = await collaborationIdOf(t.db, 'antwerpen');
  gent = await collaborationIdOf(t.db, 'gent');
});

const membersUrl = () => `/api/v1/collaborations/${antwerpen}/members`;
const membership = async (userId: string) =>
  (await t.db.select().from(memberships).where(and(eq(memberships.collaborationId, antwerpen), eq(memberships.userId, userId))))[0];

describe('inviting people', () => {
  const email = 'nieuwe.coach@gezinsplan.example';

  it('creates the person and the membership, and mails an invitation link', async () => {
    const [caw] = await t.db.select().from(partnerOrganisations).where(and(eq(partnerOrganisations.collaborationId, antwerpen), eq(partnerOrganisations.name, 'CAW Antwerpen')));
    const res = await admin.request('POST', membersUrl(), { body: { email: 'Nieuwe.Coach@gezinsplan.example', name: 'Noor Nieuw', roles: ['coach'], partnerOrganisationId: caw!.id } });
    expect(res.statusCode).toBe(201);
    const userId = await userIdOf(t.db, email);
    expect(res.json()).toEqual({ userId, email, name: 'Noor Nieuw', roles: ['coach'], partnerOrganisationId: caw!.id, active: true, invitationAccepted: false, version: 1 });
    expect(res.headers.etag).toBe('"1"');
    const mail = await latestMailTo(t.db, email);
    expect(mail).toMatchObject({ subject: 'Welkom bij Samenwerkingsverband Regio Antwerpen (demo) in Gezinsplan', collaborationId: antwerpen });
    expect(mail.text).toContain('Dag Noor Nieuw,');
    tokenInLink(mail.text, '/accept-invitation');
    expect((await t.db.select().from(jobs).where(eq(jobs.kind, 'mail.send'))).map((j) => j.payload)).toContainEqual({ mailId: mail.id });
  });

  it('the invited person chooses a password, signs in, and sees the membership', async () => {
    const token = tokenInLink((await latestMailTo(t.db, email)).text, '/accept-invitation');
    const info = await t.app.inject({ method: 'GET', url: `/api/v1/auth/tokens/${token}` });
    expect(info.json()).toEqual({ purpose: 'invitation', email, name: 'Noor Nieuw' });
    const set = await t.app.inject({ method: 'POST', url: '/api/v1/auth/set-password', payload: { token, password: 'mijn-eigen-wachtwoord', passwordRepeat: 'mijn-eigen-wachtwoord' } });
    expect(set.statusCode).toBe(200);
    expect(cookieFrom(set)).toMatch(/^gp_session=/);
    const noor = await signIn(t.app, email, 'mijn-eigen-wachtwoord');
    const me = await noor.request('GET', '/api/v1/me');
    expect(me.json().memberships).toEqual([{
      collaborationId: antwerpen,
      collaborationName: 'Samenwerkingsverband Regio Antwerpen (demo)',
      roles: ['coach'],
      partnerOrganisationId: expect.any(String),
    }]);
    expect((await noor.request('GET', `/api/v1/collaborations/${antwerpen}/settings`)).statusCode).toBe(200);
    const listed = await admin.request('GET', `${membersUrl()}/${await userIdOf(t.db, email)}`);
    expect(listed.json().invitationAccepted).toBe(true);
  });

  it('refuses the same email twice in one collaboration with 409 email_taken', async () => {
    const mailsBefore = (await mailsTo(t.db, email)).length;
    const res = await admin.request('POST', membersUrl(), { body: { email, name: 'Noor Again', roles: ['admin'] } });
    expectError(res, 409, 'email_taken');
    expect(res.json().error.message).toBe('Er is al iemand met dit e-mailadres in dit samenwerkingsverband.');
    expect((await membership(await userIdOf(t.db, email)))!.roles).toEqual(['coach']);
    expect((await mailsTo(t.db, email)).length).toBe(mailsBefore);
    const [user] = await t.db.select().from(users).where(eq(users.email, email));
    expect(user!.name).toBe('Noor Nieuw');
  });

  it('adds someone who already has an account elsewhere, with a sign-in link instead of a token', async () => {
    const email = demo('coach1', 'gent');
    const res = await admin.request('POST', membersUrl(), { body: { email, name: 'Ignored Name', roles: ['coach'] } });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ email, name: 'Yusuf Demir', invitationAccepted: true });
    expect((await latestMailTo(t.db, email)).text).toContain('http://localhost:3000/login');
    const coach = await signIn(t.app, email);
    expect((await coach.request('GET', '/api/v1/me')).json().memberships.map((m: { collaborationId: string }) => m.collaborationId).sort()).toEqual([antwerpen, gent].sort());
  });

  it('refuses a partner organisation of another collaboration', async () => {
    const [gentPartner] = await t.db.select().from(partnerOrganisations).where(eq(partnerOrganisations.collaborationId, gent));
    const res = await admin.request('POST', membersUrl(), { body: { email: 'cross@gezinsplan.example', name: 'Cross', roles: ['coach'], partnerOrganisationId: gentPartner!.id } });
    expect(expectError(res, 422, 'validation_failed').details).toEqual([{ field: 'partnerOrganisationId', code: 'invalid', message: 'Dit klopt niet.' }]);
    expect(await t.db.select().from(users).where(eq(users.email, 'cross@gezinsplan.example'))).toEqual([]);
  });

  it('sends the invitation again on request', async () => {
    const userId = await userIdOf(t.db, 'nieuwe.coach@gezinsplan.example');
    const before = (await mailsTo(t.db, 'nieuwe.coach@gezinsplan.example')).length;
    const res = await admin.request('POST', `${membersUrl()}/${userId}/invitation`);
    expect(res.statusCode).toBe(202);
    expect(res.json()).toEqual({});
    expect((await mailsTo(t.db, 'nieuwe.coach@gezinsplan.example')).length).toBe(before + 1);
  });
});

describe('the last active admin', () => {
  it('cannot be deactivated or demoted, and nothing changes', async () => {
    const adminId = await userIdOf(t.db, demo('admin', 'antwerpen'));
    const before = await membership(adminId);
    for (const body of [{ active: false }, { roles: ['coordinator'] }, { roles: ['coach'], active: false }]) {
      const res = await admin.request('PATCH', `${membersUrl()}/${adminId}`, { body, headers: { 'if-match': `"${before!.version}"` } });
      expectError(res, 409, 'last_admin');
      expect(res.json().error.message).toBe('Er moet minstens één actieve beheerder overblijven.');
    }
    expect(await membership(adminId)).toEqual(before);
  });

  it('can step down once another admin is active', async () => {
    const adminId = await userIdOf(t.db, demo('admin', 'antwerpen'));
    const coordinatorId = await userIdOf(t.db, demo('coordinator', 'antwerpen'));
    const promote = await admin.request('PATCH', `${membersUrl()}/${coordinatorId}`, { body: { roles: ['coordinator', 'admin'] }, headers: { 'if-match': '"1"' } });
    expect(promote.statusCode).toBe(200);
    expect(promote.json()).toMatchObject({ roles: ['coordinator', 'admin'], version: 2 });
    const stepDown = await admin.request('PATCH', `${membersUrl()}/${adminId}`, { body: { roles: ['coach'] }, headers: { 'if-match': '"1"' } });
    expect(stepDown.statusCode).toBe(200);
    expect((await membership(adminId))!.roles).toEqual(['coach']);
    // Now a coach: managing is forbidden.
    expectError(await admin.request('GET', membersUrl()), 403, 'forbidden');
  });
});

describe('two admins stepping down at the same moment', () => {
  it('leaves one admin: the second change is refused', async () => {
    const gentAdmin = await signIn(t.app, demo('admin', 'gent'));
    const gentAdminId = await userIdOf(t.db, demo('admin', 'gent'));
    const gentCoordinatorId = await userIdOf(t.db, demo('coordinator', 'gent'));
    const url = (userId: string) => `/api/v1/collaborations/${gent}/members/${userId}`;
    expect((await gentAdmin.request('PATCH', url(gentCoordinatorId), { body: { roles: ['coordinator', 'admin'] }, headers: { 'if-match': '"1"' } })).statusCode).toBe(200);
    const gentCoordinator = await signIn(t.app, demo('coordinator', 'gent'));
    const results = await Promise.all([
      gentAdmin.request('PATCH', url(gentAdminId), { body: { active: false }, headers: { 'if-match': '"1"' } }),
      gentCoordinator.request('PATCH', url(gentCoordinatorId), { body: { active: false }, headers: { 'if-match': '"2"' } }),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const admins = await t.db.select().from(memberships).where(and(eq(memberships.collaborationId, gent), eq(memberships.active, true)));
    expect(admins.filter((m) => m.roles.includes('admin')).length).toBe(1);
  });
});

describe('deactivating a member', () => {
  it('takes the collaboration away at once: its settings are not found any more', async () => {
    const newAdmin = await signIn(t.app, demo('coordinator', 'antwerpen'));
    const coach = await signIn(t.app, demo('coach2', 'antwerpen'));
    expect((await coach.request('GET', `/api/v1/collaborations/${antwerpen}/settings`)).statusCode).toBe(200);
    const coachId = await userIdOf(t.db, demo('coach2', 'antwerpen'));
    const res = await newAdmin.request('PATCH', `${membersUrl()}/${coachId}`, { body: { active: false }, headers: { 'if-match': '"1"' } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ active: false, version: 2 });
    expectError(await coach.request('GET', `/api/v1/collaborations/${antwerpen}/settings`), 404, 'not_found');
    expect((await coach.request('GET', '/api/v1/me')).json().memberships).toEqual([]);
    expect((await coach.request('GET', '/api/v1/collaborations')).json()).toEqual({ items: [], nextCursor: null });
    // Still listed for the admins, as inactive.
    const list = await newAdmin.request('GET', `${membersUrl()}?limit=100`);
    expect(list.json().items.find((m: { userId: string }) => m.userId === coachId)).toMatchObject({ active: false });
  });
});

describe('the member list', () => {
  it('pages by name with a cursor, without gaps or repeats', async () => {
    const newAdmin = await signIn(t.app, demo('coordinator', 'antwerpen'));
    const all = (await newAdmin.request('GET', `${membersUrl()}?limit=100`)).json().items as { name: string; userId: string }[];
    expect(all.length).toBe(8);
    expect(all.map((m) => m.name)).toEqual([...all.map((m) => m.name)].sort((a, b) => (a < b ? -1 : 1)));
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await newAdmin.request('GET', `${membersUrl()}?limit=3${cursor ? `&cursor=${cursor}` : ''}`);
      const page = res.json() as { items: { userId: string }[]; nextCursor: string | null };
      expect(page.items.length).toBeLessThanOrEqual(3);
      seen.push(...page.items.map((m) => m.userId));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all.map((m) => m.userId));
  });
});
