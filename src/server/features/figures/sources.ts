import { sql, type SQL } from 'drizzle-orm';
import { TIME_ZONE } from '../registrations/timing.ts';
import type { FigureParams } from './types.ts';

const tz = sql.raw(`'${TIME_ZONE}'`);
const uuids = (ids: string[]) => sql`array[${sql.join(ids.map((id) => sql`${id}`), sql`, `)}]::uuid[]`;

/**
 * The relations figures count from, with the period, the collaborations and the filters already
 * applied. Days are Brussels calendar days, as in the registration queue and its timing.
 *
 * Both are computed once per row (`offset 0` keeps the planner from repeating the time-zone
 * arithmetic in every aggregate that reads a column: measured 3x on first contact).
 *
 * - `registrations`: registrations received in the period (a forwarded one counts where it went);
 *   `days_to_contact` is null without first contact.
 * - `trajectories`: the families whose trajectory overlaps the period. A trajectory starts when the
 *   family file is made (`families.created_at`: starting a trajectory makes it) and is closed while
 *   `families.status` is 'closed', on the day of its closure in force (`family_closures`: the latest
 *   one not reopened; `closure_id` is that row, for figures on the closure itself). A family
 *   reopened (status back to active, its closure `reopened_at`) is active again. A closed family
 *   without a closure row (none are made so) falls back to its last change.
 */
export interface Sources {
  /** `collaboration_id` of the given alias, or null::uuid when counting all collaborations together. */
  collaboration(alias: string): SQL;
  /**
   * The GROUP BY of a figure's outer SELECT: by the collaboration (output column 1) and the given
   * output columns; with `withAll` as grouping sets, so the same scan also gives the rows of all
   * collaborations together (collaboration_id null).
   */
  groupBy(...columns: number[]): SQL;
  registrations: SQL;
  trajectories: SQL;
  from: SQL;
  to: SQL;
  /**
   * Minutes of the contact moments of the period per family and author (`collaboration_id, family_id,
   * user_id, minutes`): whole months from `contact_minutes`, the days before the first and after
   * the last whole month from `contact_moments` itself.
   */
  contactMinutes: SQL;
  /** Families of the collaborations in reach with the filters (for joins from plan, network and contact tables). */
  collaborationIn(column: string): SQL;
}

export function sources(p: FigureParams): Sources {
  const from = sql`${p.from}::date`;
  const to = sql`${p.to}::date`;
  const collaborationIn = (column: string) => sql`${sql.raw(column)} = any(${uuids(p.collaborationIds)})`;

  const regCoach = p.coachId
    ? sql`and exists (select 1 from registration_coaches rc where rc.collaboration_id = r.collaboration_id and rc.registration_id = r.id and rc.user_id = ${p.coachId})`
    : sql``;
  const regPartner = p.partnerOrganisationId
    ? sql`and exists (select 1 from registration_coaches rc join memberships m on m.collaboration_id = rc.collaboration_id and m.user_id = rc.user_id
        where rc.collaboration_id = r.collaboration_id and rc.registration_id = r.id and m.partner_organisation_id = ${p.partnerOrganisationId})`
    : sql``;
  const registrations = sql`(
    select r.collaboration_id, r.id, r.kind, r.referrer_type, r.reasons,
      (r.received_at at time zone ${tz})::date as received_on,
      ((r.first_contact_at at time zone ${tz})::date - (r.received_at at time zone ${tz})::date) as days_to_contact
    from registrations r
    where ${collaborationIn('r.collaboration_id')} and r.status <> 'forwarded'
      and r.received_at >= (${from}::timestamp at time zone ${tz}) and r.received_at < ((${to} + 1)::timestamp at time zone ${tz})
      ${regCoach} ${regPartner}
    offset 0
  ) reg`;

  const famCoach = p.coachId
    ? sql`and exists (select 1 from family_participants fp where fp.collaboration_id = f.collaboration_id and fp.family_id = f.id
        and fp.role = 'coach' and fp.removed_at is null and fp.user_id = ${p.coachId})`
    : sql``;
  const famPartner = p.partnerOrganisationId
    ? sql`and exists (select 1 from family_participants fp join memberships m on m.collaboration_id = fp.collaboration_id and m.user_id = fp.user_id
        where fp.collaboration_id = f.collaboration_id and fp.family_id = f.id and fp.role = 'coach' and fp.removed_at is null
          and m.partner_organisation_id = ${p.partnerOrganisationId})`
    : sql``;
  // The period conditions compare the stored timestamps with constants, so the planner can
  // estimate them from the column statistics (and pick hash joins over 10 years of data).
  const trajectories = sql`(
    select f.collaboration_id, f.id as family_id,
      (f.created_at at time zone ${tz})::date as started_on,
      case when f.status = 'closed' then (coalesce(fc.closed_at, f.updated_at) at time zone ${tz})::date end as closed_on,
      case when f.status = 'closed' then fc.id end as closure_id
    from families f
    left join lateral (
      select c.id, c.closed_at from family_closures c
      where c.collaboration_id = f.collaboration_id and c.family_id = f.id and c.reopened_at is null
      order by c.closed_at desc limit 1
    ) fc on f.status = 'closed'
    where ${collaborationIn('f.collaboration_id')} and f.status <> 'registered'
      and f.created_at < ((${to} + 1)::timestamp at time zone ${tz})
      and (f.status <> 'closed' or coalesce(fc.closed_at, f.updated_at) >= (${from}::timestamp at time zone ${tz}))
      ${famCoach} ${famPartner}
    offset 0
  ) tr`;

  const { firstMonth, endMonth } = wholeMonths(p.from, p.to);
  const contactMinutes = sql`(
    select collaboration_id, family_id, user_id, sum(minutes) as minutes from (
      select collaboration_id, family_id, user_id, minutes from contact_minutes
      where ${collaborationIn('collaboration_id')} and month >= ${firstMonth}::date and month < ${endMonth}::date
      union all
      select collaboration_id, family_id, created_by_user_id, minutes_spent from contact_moments
      where ${collaborationIn('collaboration_id')} and deleted_at is null and created_by_user_id is not null
        and ((occurred_on >= ${from} and occurred_on < least(${firstMonth}::date, ${to} + 1))
          or (occurred_on >= greatest(${endMonth}::date, ${firstMonth}::date) and occurred_on <= ${to}))
    ) minutes group by 1, 2, 3
  ) cm`;

  return {
    collaboration: (alias) => (p.perCollaboration ? sql.raw(`${alias}.collaboration_id`) : sql`null::uuid`),
    groupBy: (...columns) => {
      const rest = columns.map((c) => `, ${Math.trunc(c)}`).join('');
      return sql.raw(p.perCollaboration && p.withAll ? `group by grouping sets ((1${rest}), (${rest.slice(2)}))` : `group by 1${rest}`);
    },
    registrations,
    trajectories,
    from,
    to,
    contactMinutes,
    collaborationIn,
  };
}

/** The whole calendar months in from…to (YYYY-MM-DD, both included): from `firstMonth` up to, not including, `endMonth`. */
export function wholeMonths(from: string, to: string): { firstMonth: string; endMonth: string } {
  const monthAfter = (day: string) => {
    const [y, m] = [Number(day.slice(0, 4)), Number(day.slice(5, 7))];
    return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
  };
  const dayAfterTo = new Date(Date.parse(`${to}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  return {
    firstMonth: from.endsWith('-01') ? from : monthAfter(from),
    endMonth: `${dayAfterTo.slice(0, 7)}-01`,
  };
}
