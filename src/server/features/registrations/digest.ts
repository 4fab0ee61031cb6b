import { sql } from 'drizzle-orm';
import { type Locale, asLocale } from '../../../shared/locales.ts';
import type { Config } from '../../config.ts';
import { rowsOf, type Db, type Executor } from '../../db/connection.ts';
import { ensureOneScheduled } from '../../jobs/queue.ts';
import type { JobHandler } from '../../jobs/worker.ts';
import { queueMail } from '../../mail/outbox.ts';
import { warningDigestMail } from '../../mail/templates.ts';
import { TIME_ZONE, firstContactDueBy, nextDigestAt } from './timing.ts';

export const DIGEST_JOB = 'registrations.warning-digest';


/** The active coordinators of a collaboration, who receive its registration mails. */
export async function coordinatorsOf(db: Executor, collaborationId: string): Promise<{ email: string; name: string; locale: Locale }[]> {
  const rows = rowsOf<{ email: string; name: string; locale: string }>(await db.execute(sql`
    select u.email, u.name, u.locale from memberships m join users u on u.id = m.user_id
    where m.collaboration_id = ${collaborationId} and m.active and u.active and 'coordinator' = any(m.roles)
    order by u.email`));
  return rows.map((r) => ({ ...r, locale: asLocale(r.locale) }));
}
const tz = sql.raw(`'${TIME_ZONE}'`);

/** Exactly one future digest waits, whatever the number of app instances. */
export const ensureDigestScheduled = (db: Db, runAt: Date): Promise<void> => ensureOneScheduled(db, DIGEST_JOB, runAt);

interface Waiting {
  collaborationId: string;
  collaborationName: string;
  familyName: string;
  receivedAt: Date | string;
  days: number;
  target: number;
}

/** Open (new) registrations at or past their collaboration's warning threshold, oldest first. */
async function waitingTooLong(db: Executor, now: Date): Promise<Waiting[]> {
  return rowsOf<Waiting>(await db.execute(sql`
    select r.collaboration_id as "collaborationId", c.name as "collaborationName", r.family_name as "familyName",
      r.received_at as "receivedAt", c.first_contact_target_days as target,
      ((${now.toISOString()}::timestamptz at time zone ${tz})::date - (r.received_at at time zone ${tz})::date) as days
    from registrations r join collaborations c on c.id = r.collaboration_id
    where r.status = 'new'
      and ((${now.toISOString()}::timestamptz at time zone ${tz})::date - (r.received_at at time zone ${tz})::date) >= c.warning_threshold_days
    order by r.received_at, r.id`));
}

/**
 * The daily digest: each active coordinator of a collaboration gets, in their own language, the
 * open registrations that are at or past the warning threshold (all of them, every morning, while
 * they wait: simple, and a list that repeats is a reminder). Nothing is sent when none wait. Then
 * it schedules the next run at 07:00 Brussels time.
 */
export function warningDigestHandler(db: Db, config: Config, clock: () => Date = () => new Date()): JobHandler {
  return async () => {
    const now = clock();
    const waiting = await waitingTooLong(db, now);
    const byCollaboration = new Map<string, Waiting[]>();
    for (const w of waiting) byCollaboration.set(w.collaborationId, [...(byCollaboration.get(w.collaborationId) ?? []), w]);
    await db.transaction(async (tx) => {
      for (const [collaborationId, items] of byCollaboration) {
        for (const person of await coordinatorsOf(tx, collaborationId)) {
          await queueMail(tx, {
            ...warningDigestMail({
              to: person.email, name: person.name, collaborationName: items[0]!.collaborationName,
              url: `${config.publicUrl}/collaborations/${collaborationId}/registrations`, locale: person.locale,
              items: items.map((i) => ({
                familyName: i.familyName, daysSince: Number(i.days),
                dueBy: firstContactDueBy(new Date(i.receivedAt), i.target).toISOString(), overdue: Number(i.days) > i.target,
              })),
            }),
            collaborationId,
          });
        }
      }
    });
    await ensureDigestScheduled(db, nextDigestAt(now));
  };
}
