import { sql } from 'drizzle-orm';
import type { CoachOption, RegistrationStats } from '../../../shared/schemas/registrations.ts';
import { rowsOf, type Executor } from '../../db/connection.ts';
import { TIME_ZONE } from './timing.ts';

const tz = sql.raw(`'${TIME_ZONE}'`);

/**
 * The coordinator's figures, computed in SQL with explicit casts so PGlite and PostgreSQL give the
 * same numbers. Days are Brussels calendar days (as in timing.ts). A forwarded registration counts
 * once, in the collaboration it went to. Shares are fractions (0–1) of the family registrations
 * received in the period; `openPastWarning` counts all open (new) ones from the warning threshold
 * on, the overdue ones included; `openOverdue` those past the target.
 */
export async function registrationStats(db: Executor, collaborationId: string, from: string, to: string, now: Date): Promise<RegistrationStats> {
  const [row] = rowsOf<Omit<RegistrationStats, 'from' | 'to'>>(await db.execute(sql`
    with c as (
      select first_contact_target_days as target, warning_threshold_days as warning,
        (${now.toISOString()}::timestamptz at time zone ${tz})::date as today
      from collaborations where id = ${collaborationId}
    ), r as (
      select kind, status, first_contact_at is not null as contacted,
        (received_at at time zone ${tz})::date as received,
        ((first_contact_at at time zone ${tz})::date - (received_at at time zone ${tz})::date) as days_to_contact
      from registrations where collaboration_id = ${collaborationId} and status <> 'forwarded'
    ), p as (
      select * from r where received between ${from}::date and ${to}::date
    )
    select
      (select count(*)::int from r, c where date_trunc('month', r.received) = date_trunc('month', c.today)) as "registrationsThisMonth",
      (select count(*)::int from p) as "registrationsInPeriod",
      (select count(*)::int from p where kind = 'consultation') as "consultationsInPeriod",
      (select round((count(*) filter (where contacted and days_to_contact <= 14))::numeric / nullif(count(*), 0), 4)::float8
        from p where kind = 'family') as "firstContactWithin14DaysShare",
      (select round((count(*) filter (where contacted and days_to_contact <= 30))::numeric / nullif(count(*), 0), 4)::float8
        from p where kind = 'family') as "firstContactWithin30DaysShare",
      (select (percentile_cont(0.5) within group (order by days_to_contact))::float8
        from p where kind = 'family' and contacted) as "medianDaysToFirstContact",
      (select count(*)::int from r, c where r.status = 'new' and c.today - r.received >= c.warning) as "openPastWarning",
      (select count(*)::int from r, c where r.status = 'new' and c.today - r.received > c.target) as "openOverdue"
  `));
  return { from, to, ...row! };
}

/**
 * Coaches of the collaboration with their current load: open registrations assigned to them plus
 * active families in which they are a coach.
 */
export async function coachOptions(db: Executor, collaborationId: string): Promise<CoachOption[]> {
  return rowsOf<CoachOption>(await db.execute(sql`
    select u.id as "userId", u.name, po.name as "partnerOrganisationName",
      ((select count(*) from registration_coaches rc join registrations r
          on r.collaboration_id = rc.collaboration_id and r.id = rc.registration_id
        where rc.collaboration_id = m.collaboration_id and rc.user_id = u.id and r.status in ('new', 'first_contact'))
      + (select count(*) from families f
        where f.collaboration_id = m.collaboration_id and f.status = 'active' and exists (
          select 1 from family_participants fp where fp.collaboration_id = f.collaboration_id and fp.family_id = f.id
            and fp.user_id = u.id and fp.role = 'coach' and fp.removed_at is null)))::int as "openFamilies"
    from memberships m
    join users u on u.id = m.user_id
    left join partner_organisations po on po.collaboration_id = m.collaboration_id and po.id = m.partner_organisation_id
    where m.collaboration_id = ${collaborationId} and m.active and u.active and 'coach' = any(m.roles)
    order by u.name, u.id
  `));
}
