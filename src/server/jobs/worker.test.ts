import { eq, inArray, sql } from 'drizzle-orm';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { jobs, mailOutbox } from '../db/schema/index.ts';
import { mailSendHandler, queueMail } from '../mail/outbox.ts';
import { useTestApp } from '../test/harness.ts';
import { enqueueJob } from './queue.ts';
import { runDueJobs, type JobHandler } from './worker.ts';

const t = useTestApp();
const logger = pino({ level: 'silent' });
const jobRow = async (id: string) => (await t.db.select().from(jobs).where(eq(jobs.id, id)))[0]!;
const jobsOfKind = (kind: string) => t.db.select().from(jobs).where(eq(jobs.kind, kind));

describe('runDueJobs', () => {
  it('sends a due mail: the mail is marked sent and the job done', async () => {
    await t.db.transaction((tx) => queueMail(tx, { to: 'worker@gezinsplan.example', subject: 'Hallo', text: 'Tekst', html: '<p>Tekst</p>' }));
    const [mail] = await t.db.select().from(mailOutbox).where(eq(mailOutbox.to, 'worker@gezinsplan.example'));
    const [job] = (await jobsOfKind('mail.send')).filter((j) => (j.payload as { mailId: string }).mailId === mail!.id);
    expect(mail!.sentAt).toBeNull();

    const ran = await runDueJobs(t.db, { 'mail.send': mailSendHandler(t.db, null, 'test@gezinsplan.example') }, 'worker-a', logger);
    expect(ran).toBe(1);
    const [sent] = await t.db.select().from(mailOutbox).where(eq(mailOutbox.id, mail!.id));
    expect(sent!.sentAt).toBeInstanceOf(Date);
    expect(sent!.attempts).toBe(1);
    expect(await jobRow(job!.id)).toMatchObject({ attempts: 1, doneAt: expect.any(Date), failedAt: null, lockedAt: null, lockedBy: 'worker-a', lastError: null });
    // Done is done: nothing left to run.
    expect(await runDueJobs(t.db, { 'mail.send': mailSendHandler(t.db, null, 'x') }, 'worker-a', logger)).toBe(0);
  });

  it('leaves jobs that are not due yet', async () => {
    await enqueueJob(t.db, 'later', {}, new Date(Date.now() + 60_000));
    let called = 0;
    expect(await runDueJobs(t.db, { later: async () => { called++; } }, 'w', logger)).toBe(0);
    expect(called).toBe(0);
    await t.db.delete(jobs).where(eq(jobs.kind, 'later'));
  });

  it('retries a failing job later with the error recorded, and gives up after max_attempts', async () => {
    await t.db.insert(jobs).values({ kind: 'flaky', payload: { n: 1 }, maxAttempts: 2 });
    const [job] = await jobsOfKind('flaky');
    const payloads: unknown[] = [];
    const failing: JobHandler = async (payload) => {
      payloads.push(payload);
      throw new Error('remote said no');
    };

    const before = Date.now();
    expect(await runDueJobs(t.db, { flaky: failing }, 'w', logger)).toBe(1);
    const afterFirst = await jobRow(job!.id);
    expect(afterFirst).toMatchObject({ attempts: 1, lastError: 'remote said no', failedAt: null, doneAt: null, lockedAt: null });
    // Backoff: 2^1 × 5 s.
    expect(afterFirst.runAt.getTime()).toBeGreaterThanOrEqual(before + 9_000);
    expect(afterFirst.runAt.getTime()).toBeLessThanOrEqual(Date.now() + 11_000);
    expect(await runDueJobs(t.db, { flaky: failing }, 'w', logger)).toBe(0);

    await t.db.update(jobs).set({ runAt: sql`now() - interval '1 second'` }).where(eq(jobs.id, job!.id));
    expect(await runDueJobs(t.db, { flaky: failing }, 'w', logger)).toBe(1);
    expect(await jobRow(job!.id)).toMatchObject({ attempts: 2, lastError: 'remote said no', failedAt: expect.any(Date), doneAt: null });

    await t.db.update(jobs).set({ runAt: sql`now() - interval '1 second'` }).where(eq(jobs.id, job!.id));
    expect(await runDueJobs(t.db, { flaky: failing }, 'w', logger)).toBe(0);
    expect(payloads).toEqual([{ n: 1 }, { n: 1 }]);
  });

  it('fails a job whose kind has no handler, without stopping the others', async () => {
    await enqueueJob(t.db, 'unknown.kind', {});
    await enqueueJob(t.db, 'known', { ok: true });
    const seen: unknown[] = [];
    expect(await runDueJobs(t.db, { known: async (p) => { seen.push(p); } }, 'w', logger)).toBe(2);
    expect(seen).toEqual([{ ok: true }]);
    const [unknown] = await jobsOfKind('unknown.kind');
    expect(unknown).toMatchObject({ attempts: 1, lastError: 'no handler for job kind unknown.kind', doneAt: null });
    expect((await jobsOfKind('known'))[0]!.doneAt).toBeInstanceOf(Date);
  });

  it('takes over a job whose worker died (locked long ago), but not one that is being worked on', async () => {
    await t.db.insert(jobs).values([
      { kind: 'orphan', payload: { which: 'stale' }, lockedAt: new Date(Date.now() - 6 * 60_000), lockedBy: 'dead-worker', attempts: 1 },
      { kind: 'orphan', payload: { which: 'busy' }, lockedAt: new Date(), lockedBy: 'live-worker', attempts: 1 },
    ]);
    const seen: unknown[] = [];
    expect(await runDueJobs(t.db, { orphan: async (p) => { seen.push(p); } }, 'rescuer', logger)).toBe(1);
    expect(seen).toEqual([{ which: 'stale' }]);
    await t.db.delete(jobs).where(eq(jobs.kind, 'orphan'));
  });

  it('never runs the same job twice when two workers run at once', async () => {
    const count = 40;
    await t.db.insert(jobs).values(Array.from({ length: count }, (_, n) => ({ kind: 'count', payload: { n } })));
    const runs: { n: number; worker: string }[] = [];
    const handlerFor = (worker: string): JobHandler => async (payload) => {
      runs.push({ n: payload.n as number, worker });
      await new Promise((resolve) => setTimeout(resolve, 5));
    };
    const drain = async (worker: string) => {
      let total = 0;
      for (let ran = -1; ran !== 0; total += ran) ran = await runDueJobs(t.db, { count: handlerFor(worker) }, worker, logger, 5);
      return total;
    };
    const [a, b] = await Promise.all([drain('worker-a'), drain('worker-b')]);
    expect(a + b).toBe(count);
    expect(runs.map((r) => r.n).sort((x, y) => x - y)).toEqual(Array.from({ length: count }, (_, n) => n));
    const rows = await jobsOfKind('count');
    expect(rows.every((r) => r.doneAt !== null && r.attempts === 1)).toBe(true);
    // Each job's lock names the worker that ran it.
    for (const r of rows) expect(runs.find((x) => x.n === (r.payload as { n: number }).n)!.worker).toBe(r.lockedBy);
    await t.db.delete(jobs).where(inArray(jobs.id, rows.map((r) => r.id)));
  });
});
