import { sql, type SQL } from 'drizzle-orm';
import { addDays, daysBetweenDates } from '../registrations/timing.ts';
import { atDays, inWholePeriods, onDays, spanParts, textList, uuidArray } from './tallies.ts';
import type { FigureParams } from './types.ts';

/**
 * What the figure modules count from, for the collaborations, period and filters asked. Each is a
 * relation of signed rows that a module sums per collaboration (and category): summed, they give
 * the count, whether they came from the tallies (whole months and years) or from the facts of the
 * days around them. With a filter on families (a coach, a partner organisation) everything comes
 * from the facts of those families. Days are Brussels calendar days.
 */
export interface Sources {
  /**
   * The GROUP BY of a figure's outer SELECT: by the collaboration (output column 1) and the given
   * output columns; with `withAll` as grouping sets, so the same query also gives the rows of all
   * collaborations together (collaboration_id null).
   */
  groupBy(...columns: number[]): SQL;
  /**
   * Families in a trajectory (`trajectory_contributions`): `(collaboration_id, measure, part,
   * category, families, amount)` for each window asked — 'overlap' (in a trajectory at some time in
   * the period), 'started' and 'closed' in it, 'activeAtEnd' (started, not closed, at its end).
   */
  trajectory(measures: readonly string[], windows: readonly TrajectoryWindow[]): SQL;
  /** Registrations received in the period: `(collaboration_id, month 'YYYY-MM', category, registrations)`. */
  registrations(kind: 'family' | 'consultation', measure: 'referrer' | 'reason' | 'days', opts: { byMonth: boolean }): SQL;
  /** Trajectories closed in the period with their closure in force: `(collaboration_id, duration_days)`. */
  closedTrajectories: SQL;
  /** Round tables held (their day has passed) per month: `(collaboration_id, month 'YYYY-MM', families, meetings)`. */
  roundTableMonths: SQL;
  /** Families with a round table held in the period: `(collaboration_id, measure, families)`, measure 'round_tables' or 'ring2_round_tables' (ring 2 at the table). */
  roundTableFamilies: SQL;
  /** Coaches with a family in a trajectory in the period: `(collaboration_id, user_id, families)` (collaboration level: names people). */
  coachFamilies: SQL;
  /** How many coaches had a family in a trajectory in the period: `(collaboration_id, coaches)`. */
  coaches: SQL;
  /** Contact minutes of the period written by a coach of the family: `(collaboration_id, user_id, minutes)`. */
  coachMinutes: SQL;
}

export type TrajectoryWindow = 'overlap' | 'started' | 'closed' | 'activeAtEnd';
type Edge = 'start' | 'close' | 'first' | 'last';
/** A prefix sum: the contributions of an event up to and including a day, added or taken away. */
interface Term { sign: 1 | -1; edge: Edge; upTo: string }

/** Windows as prefix sums: a family closed before the period started before it too. */
function windowTerms(window: TrajectoryWindow, from: string, to: string): Term[] {
  const dayBefore = addDays(from, -1);
  switch (window) {
    case 'overlap': return [{ sign: 1, edge: 'start', upTo: to }, { sign: -1, edge: 'close', upTo: dayBefore }];
    case 'started': return [{ sign: 1, edge: 'start', upTo: to }, { sign: -1, edge: 'start', upTo: dayBefore }];
    case 'closed': return [{ sign: 1, edge: 'close', upTo: to }, { sign: -1, edge: 'close', upTo: dayBefore }];
    case 'activeAtEnd': return [{ sign: 1, edge: 'start', upTo: to }, { sign: -1, edge: 'close', upTo: to }];
  }
}

/** The column of trajectory_facts with the day of an event (indexed, so the days around whole months are found fast). */
function factDay(edge: Edge, measure: string): string {
  if (edge === 'start') return 'started_on';
  if (edge === 'close') return 'closed_on';
  return `${edge}_${measure === 'ring2_round_tables' ? 'ring2_' : ''}round_table_on`;
}

/** Periods of at least this many days count families with a round table from first and last days and the long gaps (see round_table_long_gaps_source). */
const LONG_PERIOD_DAYS = 366;

export function sources(p: FigureParams): Sources {
  const ids = uuidArray(p.collaborationIds);
  const from = sql`${p.from}::date`;
  const to = sql`${p.to}::date`;
  const useTallies = !p.coachId && !p.partnerOrganisationId && !p.fromFacts;
  const span = (from: string | null, to: string, opts: { years: boolean }) => spanParts(useTallies, from, to, opts);

  // Families of the filter: those the coach coaches, or with a coach of the partner organisation.
  const familyFilter = (alias: string): SQL => {
    const a = sql.raw(alias);
    if (p.coachId) return sql`and exists (select 1 from coach_facts ff where ff.collaboration_id = ${a}.collaboration_id and ff.family_id = ${a}.family_id and ff.user_id = ${p.coachId})`;
    if (p.partnerOrganisationId) {
      return sql`and exists (select 1 from coach_facts ff join memberships fm on fm.collaboration_id = ff.collaboration_id and fm.user_id = ff.user_id
        where ff.collaboration_id = ${a}.collaboration_id and ff.family_id = ${a}.family_id and fm.partner_organisation_id = ${p.partnerOrganisationId})`;
    }
    return sql``;
  };

  const trajectoryTerm = (measures: readonly string[], part: string, { sign, edge, upTo }: Term): SQL => {
    const { parts, rawDays } = span(null, upTo, { years: true });
    const dayColumns = [...new Set(measures.map((m) => factDay(edge, m)))];
    const tallies = useTallies ? sql`
      union all
      select t.collaboration_id, t.measure, ${part}::text, t.category, ${sql.raw(String(sign))} * t.families, ${sql.raw(String(sign))} * t.amount
      from trajectory_tallies t
      where t.collaboration_id = any(${ids}) and t.measure in (${textList(measures)}) and t.edge = ${edge} and ${inWholePeriods('t', parts)}` : sql``;
    return sql`
      select f.collaboration_id, c.measure, ${part}::text as part, c.category, ${sql.raw(String(sign))} * c.families as families, ${sql.raw(String(sign))} * c.amount as amount
      from trajectory_facts f cross join lateral trajectory_contributions(f) c
      where f.collaboration_id = any(${ids}) and (${sql.join(dayColumns.map((d) => onDays(sql.raw(`f.${d}`), rawDays)), sql` or `)})
        and c.edge = ${edge} and c.measure in (${textList(measures)}) and ${onDays(sql`c.on_day`, rawDays)} ${familyFilter('f')}
      ${tallies}`;
  };
  const trajectory = (measures: readonly string[], windows: readonly TrajectoryWindow[]) =>
    sql`(${sql.join(windows.flatMap((w) => windowTerms(w, p.from, p.to).map((term) => trajectoryTerm(measures, w, term))), sql` union all `)})`;

  const regCoach = p.coachId
    ? sql`and exists (select 1 from registration_coaches rc where rc.collaboration_id = r.collaboration_id and rc.registration_id = r.id and rc.user_id = ${p.coachId})`
    : sql``;
  const regPartner = p.partnerOrganisationId
    ? sql`and exists (select 1 from registration_coaches rc join memberships m on m.collaboration_id = rc.collaboration_id and m.user_id = rc.user_id
        where rc.collaboration_id = r.collaboration_id and rc.registration_id = r.id and m.partner_organisation_id = ${p.partnerOrganisationId})`
    : sql``;
  const registrations: Sources['registrations'] = (kind, measure, opts) => {
    const { parts, rawDays } = span(p.from, p.to, { years: !opts.byMonth });
    const tallies = useTallies ? sql`
      union all
      select t.collaboration_id, to_char(t.period_start, 'YYYY-MM'), t.category, t.registrations
      from registration_tallies t
      where t.collaboration_id = any(${ids}) and t.kind = ${kind} and t.measure = ${measure} and ${inWholePeriods('t', parts)}` : sql``;
    return sql`(
      select r.collaboration_id, to_char(c.on_day, 'YYYY-MM') as month, c.category, 1 as registrations
      from registrations r cross join lateral registration_contributions(r) c
      where r.collaboration_id = any(${ids}) and ${atDays(sql`r.received_at`, rawDays)} and c.kind = ${kind} and c.measure = ${measure} ${regCoach} ${regPartner}
      ${tallies})`;
  };

  // Round tables count once their day has passed.
  const heldUntil = [p.to, addDays(p.today, -1)].sort()[0]!;
  const roundTableMonths = (() => {
    if (heldUntil < p.from) return sql`(select null::uuid as collaboration_id, null::text as month, 0 as families, 0 as meetings where false)`;
    const { parts, rawDays } = span(p.from, heldUntil, { years: false });
    const tallies = useTallies ? sql`
      union all
      select t.collaboration_id, to_char(t.period_start, 'YYYY-MM'), t.families, t.amount
      from trajectory_tallies t
      where t.collaboration_id = any(${ids}) and t.measure = 'round_tables' and t.edge = 'month' and ${inWholePeriods('t', parts)}` : sql``;
    return sql`(
      select d.collaboration_id, to_char(d.starts_on, 'YYYY-MM') as month, count(distinct d.family_id) as families, count(*) as meetings
      from round_table_facts d
      where d.collaboration_id = any(${ids}) and ${onDays(sql`d.starts_on`, rawDays)} ${familyFilter('d')}
      group by 1, 2
      ${tallies})`;
  })();

  const roundTableFamilies = (() => {
    if (heldUntil < p.from) return sql`(select null::uuid as collaboration_id, null::text as measure, 0 as families where false)`;
    if (useTallies && daysBetweenDates(p.from, heldUntil) + 1 >= LONG_PERIOD_DAYS) {
      // Families whose first round table was by the end, less those whose last was before the start,
      // less those with a gap of more than a year around the whole period.
      const measures = ['round_tables', 'ring2_round_tables'];
      const terms = [{ sign: 1, edge: 'first', upTo: heldUntil }, { sign: -1, edge: 'last', upTo: addDays(p.from, -1) }] as const;
      return sql`(
        select collaboration_id, measure, families from (${sql.join(terms.map((term) => trajectoryTerm(measures, '', term)), sql` union all `)}) t
        union all
        select g.collaboration_id, case when g.ring2 then 'ring2_round_tables' else 'round_tables' end, -count(*)
        from round_table_long_gaps g
        where g.collaboration_id = any(${ids}) and g.after_on < ${from} and g.before_on > ${heldUntil}::date
        group by 1, 2)`;
    }
    return sql`(
      select d.collaboration_id, m.measure, count(distinct d.family_id) filter (where m.measure = 'round_tables' or d.ring2) as families
      from round_table_facts d cross join (values ('round_tables'), ('ring2_round_tables')) m(measure)
      where d.collaboration_id = any(${ids}) and d.starts_on between ${from} and ${heldUntil}::date ${familyFilter('d')}
      group by 1, 2)`;
  })();

  const pairsInPeriod = sql`f.collaboration_id = any(${ids}) and f.started_on <= ${to} and (f.closed_on is null or f.closed_on >= ${from}) ${familyFilter('f')}`;
  const coachFamilies = sql`(select f.collaboration_id, f.user_id, count(*) as families from coach_facts f where ${pairsInPeriod} group by 1, 2)`;
  // Without a filter: per coach of the collaborations (found one by one in the index), whether one
  // of their families was in a trajectory in the period (the latest start before its end first).
  const coaches = useTallies ? sql`(
    with recursive coach as (
      (select collaboration_id, user_id from coach_facts order by 1, 2 limit 1)
      union all
      select n.collaboration_id, n.user_id from coach c cross join lateral (
        select f.collaboration_id, f.user_id from coach_facts f where (f.collaboration_id, f.user_id) > (c.collaboration_id, c.user_id)
        order by 1, 2 limit 1
      ) n
    )
    select c.collaboration_id, count(*) as coaches from coach c cross join lateral (
      select 1 from coach_facts f where f.collaboration_id = c.collaboration_id and f.user_id = c.user_id
        and f.started_on <= ${to} and (f.closed_on is null or f.closed_on >= ${from})
      order by f.started_on desc limit 1
    ) hit where c.collaboration_id = any(${ids}) group by 1)` : sql`(select f.collaboration_id, count(distinct f.user_id) as coaches from coach_facts f where ${pairsInPeriod} group by 1)`;

  // Without a filter the tallies hold every day; with one, the moments of the families it leaves.
  const coachMinutes = useTallies ? (() => {
    const { parts } = span(p.from, p.to, { years: true });
    return sql`(select t.collaboration_id, t.user_id, sum(t.minutes) as minutes from coach_minute_tallies t
      where t.collaboration_id = any(${ids}) and ${inWholePeriods('t', parts, { days: true })} group by 1, 2)`;
  })() : sql`(
    select m.collaboration_id, m.created_by_user_id as user_id, sum(coalesce(m.minutes_spent, 0)) as minutes
    from contact_moments m join coach_facts f on f.collaboration_id = m.collaboration_id and f.family_id = m.family_id and f.user_id = m.created_by_user_id
    where m.collaboration_id = any(${ids}) and m.deleted_at is null and m.occurred_on between ${from} and ${to} ${familyFilter('f')}
    group by 1, 2)`;

  return {
    groupBy: (...columns) => {
      const rest = columns.map((c) => `, ${Math.trunc(c)}`).join('');
      return sql.raw(p.withAll ? `group by grouping sets ((1${rest}), (${rest.slice(2)}))` : `group by 1${rest}`);
    },
    trajectory,
    registrations,
    closedTrajectories: sql`(select f.collaboration_id, f.duration_days from trajectory_facts f
      where f.collaboration_id = any(${ids}) and f.closed_on between ${from} and ${to} and f.duration_days is not null ${familyFilter('f')})`,
    roundTableMonths,
    roundTableFamilies,
    coachFamilies,
    coaches,
    coachMinutes,
  };
}
