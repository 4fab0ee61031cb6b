import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { jobs, mailOutbox, registrations } from '../../db/schema/index.ts';
import { demo, signIn, useTestApp, type Client } from '../../test/harness.ts';
import { collaborationIdOf, mailsTo } from '../../test/helpers.ts';
import pino from 'pino';
import { runDueJobs } from '../../jobs/worker.ts';
import { DIGEST_JOB, ensureDigestScheduled, warningDigestHandler } from './digest.ts';

let now = new Date('2026-11-23T10:00:00Z');
const t = useTestApp({}, { clock: () => now });
let antwerpen: string;
let gent: string;
let coordinator: Client;

/** A small hand-counted fixture in Antwerp (target 30 days, warning 21); the demo ones are removed first. */
const FIXTURE: [name: string, kind: 'family' | 'consultation', received: string, firstContact: string | null, status?: 'forwarded'][] = [
  ['A', 'family', '2026-11-02T10:00:00Z', '2026-11-10', undefined], // 8 days
  ['B', 'family', '2026-11-03T10:00:00Z', '2026-11-23', undefined], // 20 days
  ['C', 'family', '2026-11-05T10:00:00Z', '2026-11-06', undefined], // 1 day
  ['D', 'family', '2026-11-20T10:00:00Z', null, undefined], // 3 days old, open
  ['E', 'consultation', '2026-11-15T10:00:00Z', null, undefined],
  ['F', 'family', '2026-10-20T10:00:00Z', null, undefined], // 34 days: overdue
  ['G', 'family', '2026-10-30T10:00:00Z', null, undefined], // 24 days: warning
  ['H', 'family', '2026-10-31T23:30:00Z', null, undefined], // 1 November in Brussels: 22 days, warning
  ['I', 'family', '2026-11-10T10:00:00Z', null, 'forwarded'], // counted where it went, not here
  ['K', 'family', '2026-10-01T08:00:00Z', '2026-11-05', undefined], // 35 days
];

beforeAll(async () => {
  antwerpen = await collaborationIdOf(t.db, 'antwerpen');
  gent = await collaborationIdOf(t.db, 'gent');
  coordinator = await signIn(t.app, demo('coordinator', 'antwerpen'));
  await t.db.delete(registrations).where(eq(registrations.collaborationId, antwerpen));
  await t.db.insert(registrations).values(FIXTURE.map(([familyName, kind, received, firstContact, status]) => ({
    collaborationId: antwerpen, familyName, kind, receivedAt: new Date(received),
    status: status ?? (firstContact ? 'first_contact' as const : 'new' as const),
    firstContactAt: firstContact ? new Date(`${firstContact}T12:00:00Z`) : null, firstContactMethod: firstContact ? 'phone' as const : null,
    referrerType: 'clb', referrerName: 'Test', familyLanguage: 'nl', postcode: '2000', municipality: 'Antwerpen',
    reasons: ['other'], question: 'Vraag', familyConsent: true,
  })));
});

const stats = async (from: string, to: string) => {
  const res = await coordinator.request('GET', `/api/v1/registrations/stats?collaborationId=${antwerpen}&from=${from}&to=${to}`);
  expect(res.statusCode).toBe(200);
  return res.json();
};

describe('GET /registrations/stats', () => {
  it('counts November by hand', async () => {
    expect(await stats('2026-11-01', '2026-11-30')).toEqual({
      from: '2026-11-01', to: '2026-11-30',
      registrationsThisMonth: 6, // A B C D E H
      registrationsInPeriod: 6,
      consultationsInPeriod: 1,
      firstContactWithin14DaysShare: 0.4, // A C of A B C D H
      firstContactWithin30DaysShare: 0.6, // A B C
      medianDaysToFirstContact: 8, // 1 8 20
      openPastWarning: 3, // F G H
      openOverdue: 1, // F
    });
  });

  it('counts October and November by hand', async () => {
    expect(await stats('2026-10-01', '2026-11-30')).toMatchObject({
      registrationsInPeriod: 9,
      consultationsInPeriod: 1,
      firstContactWithin14DaysShare: 0.25, // A C of 8 families
      firstContactWithin30DaysShare: 0.375,
      medianDaysToFirstContact: 14, // 1 8 20 35
    });
  });

  it('gives none instead of a share when there is nothing in the period', async () => {
    expect(await stats('2025-01-01', '2025-01-31')).toEqual({
      from: '2025-01-01', to: '2025-01-31', registrationsThisMonth: 6, registrationsInPeriod: 0, consultationsInPeriod: 0,
      firstContactWithin14DaysShare: null, firstContactWithin30DaysShare: null, medianDaysToFirstContact: null, openPastWarning: 3, openOverdue: 1,
    });
  });

  it('follows the clock', async () => {
    now = new Date('2026-12-02T10:00:00Z');
    try {
      // December: none this month; F (43 days), G (33) and H (31) are now all past the target, D (12) not yet a warning.
      expect(await stats('2026-11-01', '2026-11-30')).toMatchObject({ registrationsThisMonth: 0, openPastWarning: 3, openOverdue: 3 });
    } finally {
      now = new Date('2026-11-23T10:00:00Z');
    }
  });
});

describe('the daily warning digest', () => {
  const pendingDigests = () => t.db.select().from(jobs).where(and(eq(jobs.kind, DIGEST_JOB)));

  it('mails each coordinator only their open registrations past the warning threshold, and schedules the next run', async () => {
    await warningDigestHandler(t.db, t.config, () => now)({});
    const [mail, ...more] = await mailsTo(t.db, demo('coordinator', 'antwerpen'));
    expect(more).toEqual([]);
    expect(mail!.subject).toBe('3 aanmeldingen wachten te lang op eerste contact');
    expect(mail!.collaborationId).toBe(antwerpen);
    for (const name of ['F', 'G', 'H']) expect(mail!.text).toContain(`- ${name}: `);
    expect(mail!.text).toContain('- F: 34 dagen geleden');
    // The button opens this collaboration's queue in the web app.
    expect(mail!.text).toContain(`Open de aanmeldingen: ${t.config.publicUrl}/collaborations/${antwerpen}/registrations`);
    expect(mail!.text).not.toMatch(/- [ABCDEIK]: /);
    const [gentMail] = await mailsTo(t.db, demo('coordinator', 'gent'));
    expect(gentMail!.collaborationId).toBe(gent);
    expect(gentMail!.text).toContain('- De Clercq: 22 dagen geleden');
    expect(gentMail!.text).not.toContain('Vandamme');
    // Nobody else gets it.
    expect(await mailsTo(t.db, demo('admin', 'antwerpen'))).toEqual([]);
    expect(await mailsTo(t.db, demo('coach1', 'antwerpen'))).toEqual([]);
    const pending = await pendingDigests();
    expect(pending.map((j) => j.runAt.toISOString())).toEqual(['2026-11-24T06:00:00.000Z']);
  });

  it('keeps one waiting digest however often it is ensured, and sends nothing when none wait', async () => {
    await ensureDigestScheduled(t.db, new Date('2026-11-24T06:00:00Z'));
    await ensureDigestScheduled(t.db, new Date('2026-11-25T06:00:00Z'));
    expect(await pendingDigests()).toHaveLength(1);
    const before = (await t.db.select().from(mailOutbox)).length;
    await warningDigestHandler(t.db, t.config, () => new Date('2026-10-05T10:00:00Z'))({});
    expect((await t.db.select().from(mailOutbox)).length).toBe(before);
    expect(await pendingDigests()).toHaveLength(1);
  });

  it('run by the worker, the digest schedules its successor while it is itself still running', async () => {
    await t.db.update(jobs).set({ runAt: new Date(Date.now() - 1000) }).where(eq(jobs.kind, DIGEST_JOB));
    const [due] = await pendingDigests();
    const handlers = { [DIGEST_JOB]: warningDigestHandler(t.db, t.config, () => new Date('2099-06-01T04:00:00Z')), 'mail.send': async () => undefined };
    for (let ran = -1, rounds = 0; ran !== 0 && rounds < 5; rounds++) ran = await runDueJobs(t.db, handlers, 'w', pino({ level: 'silent' }));
    const all = await pendingDigests();
    expect(all.find((j) => j.id === due!.id)).toMatchObject({ doneAt: expect.any(Date), failedAt: null });
    expect(all.filter((j) => !j.doneAt).map((j) => j.runAt.toISOString())).toEqual(['2099-06-01T05:00:00.000Z']);
  });
});
