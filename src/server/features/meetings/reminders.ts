import { sql } from 'drizzle-orm';
import { asLocale, type Locale } from '../../../shared/locales.ts';
import { longDate, translator } from '../../i18n/translate.ts';
import type { Config } from '../../config.ts';
import { rowsOf, type Db } from '../../db/connection.ts';
import { ensureOneScheduled } from '../../jobs/queue.ts';
import type { JobHandler } from '../../jobs/worker.ts';
import { queueMail } from '../../mail/outbox.ts';
import { compose } from '../../mail/templates.ts';
import { TIME_ZONE, nextDigestAt } from '../registrations/timing.ts';
import { evaluationDueExpr, plannedEvaluationExpr } from './evaluation.ts';

export const EVALUATION_REMINDER_JOB = 'meetings.evaluation-reminders';
/** How many days before the due date the coach and the family hear about it. */
export const REMINDER_DAYS_AHEAD = 14;


/** Like the registration digest: one pending run at a time across instances. */
export const ensureEvaluationRemindersScheduled = (db: Db, runAt: Date): Promise<void> => ensureOneScheduled(db, EVALUATION_REMINDER_JOB, runAt);

function reminderMail(p: { to: string; name: string; familyName: string; dueOn: string; url: string; locale: Locale }) {
  const t = translator(p.locale);
  return compose(p.to, t('mail.evaluationReminder.subject', { familyName: p.familyName }), [
    t('mail.greeting', { name: p.name }), t('mail.evaluationReminder.body', { familyName: p.familyName, day: longDate(p.dueOn, p.locale) }),
    t('mail.evaluationReminder.plan'),
  ], { label: t('mail.evaluationReminder.action'), url: p.url }, t('mail.evaluationReminder.footer'));
}

interface Due { collaborationId: string; familyId: string; familyName: string; dueOn: string }

/**
 * Daily: for each active family whose plan has agreements, whose evaluation is due within
 * REMINDER_DAYS_AHEAD days (or overdue) and for which no evaluation round is planned, mail its
 * coaches and parents once per due date. Then schedules the next run (07:00 Brussels).
 */
export function evaluationReminderHandler(db: Db, config: Config, clock: () => Date = () => new Date()): JobHandler {
  return async () => {
    const now = clock();
    const today = sql`(${now.toISOString()}::timestamptz at time zone ${sql.raw(`'${TIME_ZONE}'`)})::date`;
    await db.transaction(async (tx) => {
      const due = rowsOf<Due>(await tx.execute(sql`
        select * from (
          select f.collaboration_id as "collaborationId", f.id as "familyId", f.display_name as "familyName",
            ${sql.raw(evaluationDueExpr('f'))}::text as "dueOn", ${sql.raw(plannedEvaluationExpr('f'))} as planned
          from families f where f.status = 'active') d
        where d."dueOn" is not null and d.planned is null and d."dueOn"::date - ${today} <= ${REMINDER_DAYS_AHEAD}
          and not exists (select 1 from evaluation_reminders r where r.collaboration_id = d."collaborationId" and r.family_id = d."familyId" and r.due_on = d."dueOn"::date)`));
      for (const d of due) {
        const people = rowsOf<{ email: string; name: string; locale: string }>(await tx.execute(sql`
          select u.email, p.display_name as name, u.locale from family_participants p join users u on u.id = p.user_id
          where p.collaboration_id = ${d.collaborationId} and p.family_id = ${d.familyId} and p.removed_at is null and u.active
            and p.role in ('coach', 'parent') order by u.email`));
        for (const person of people) {
          await queueMail(tx, {
            ...reminderMail({ to: person.email, name: person.name, familyName: d.familyName, dueOn: d.dueOn, url: `${config.publicUrl}/families/${d.familyId}/meetings`, locale: asLocale(person.locale) }),
            collaborationId: d.collaborationId,
          });
        }
        await tx.execute(sql`insert into evaluation_reminders (collaboration_id, family_id, due_on) values (${d.collaborationId}, ${d.familyId}, ${d.dueOn}::date) on conflict do nothing`);
      }
    });
    await ensureEvaluationRemindersScheduled(db, nextDigestAt(now));
  };
}
