import { sql, type SQL } from 'drizzle-orm';
import { TIME_ZONE } from '../../registrations/timing.ts';
import type { FigureModule } from '../types.ts';

type Src = Parameters<FigureModule['query']>[1];
const tz = sql.raw(`'${TIME_ZONE}'`);

/**
 * The round tables held in the period, of the families in a trajectory then: kind round table (not
 * an evaluation round), not cancelled or deleted, begun in the period (Brussels days) and already
 * over (`ends_at` before now).
 */
const held = (src: Src, alias: string): SQL => {
  const m = sql.raw(alias);
  return sql`${m}.kind = 'round_table' and ${m}.status = 'planned' and ${m}.deleted_at is null and ${m}.ends_at < now()
    and ${m}.starts_at >= (${src.from}::timestamp at time zone ${tz}) and ${m}.starts_at < ((${src.to} + 1)::timestamp at time zone ${tz})`;
};

/** Round tables held per month, and the families they were held with. */
export const roundTables: FigureModule = {
  id: 'round-tables',
  levels: ['collaboration', 'government'],
  dimensions: [{ key: 'month', values: 'months' }],
  counts: [
    { key: 'roundTableFamilies', unit: 'families' },
    { key: 'roundTables', unit: 'meetings', additiveOver: ['month'], protectedBy: 'roundTableFamilies' },
  ],
  chart: { dimension: 'month', measure: 'roundTables' },
  query: (_p, src) => sql`
    select ${src.collaboration('pf')} as collaboration_id, pf.month as "month", count(*)::int as "roundTableFamilies", sum(pf.meetings)::int as "roundTables"
    from (
      select tr.collaboration_id, tr.family_id, to_char((m.starts_at at time zone ${tz})::date, 'YYYY-MM') as month, count(*) as meetings
      from ${src.trajectories} join meetings m on m.collaboration_id = tr.collaboration_id and m.family_id = tr.family_id and ${held(src, 'm')}
      group by 1, 2, 3
    ) pf ${src.groupBy(2)}`,
};

/** Of the families in a trajectory during the period: how many had at least one round table held in it. */
export const roundTableFamilies: FigureModule = {
  id: 'round-table-families',
  levels: ['collaboration', 'government'],
  dimensions: [],
  counts: [
    { key: 'familiesInTrajectory', unit: 'families' },
    { key: 'withRoundTable', unit: 'families' },
    { key: 'withoutRoundTable', unit: 'families' },
  ],
  rowSums: [{ total: 'familiesInTrajectory', parts: ['withRoundTable', 'withoutRoundTable'] }],
  shares: [{ key: 'withRoundTableShare', numerator: ['withRoundTable'], denominator: 'familiesInTrajectory' }],
  chart: { parts: ['withRoundTable', 'withoutRoundTable'] },
  query: (_p, src) => sql`
    select ${src.collaboration('x')} as collaboration_id, count(*)::int as "familiesInTrajectory",
      (count(*) filter (where x.held))::int as "withRoundTable", (count(*) filter (where not x.held))::int as "withoutRoundTable"
    from (
      select tr.collaboration_id, exists (
        select 1 from meetings m where m.collaboration_id = tr.collaboration_id and m.family_id = tr.family_id and ${held(src, 'm')}
      ) as held
      from ${src.trajectories}
    ) x ${src.groupBy()}`,
};

/**
 * The informal network at the table: of the families with a round table held in the period, how
 * many had ring-2 people (grandparents, neighbours, friends in the family's circle) invited to or
 * attending an agenda item of one of those round tables.
 */
export const roundTableNetwork: FigureModule = {
  id: 'round-table-network',
  levels: ['collaboration', 'government'],
  dimensions: [],
  counts: [
    { key: 'familiesWithRoundTable', unit: 'families' },
    { key: 'withRing2AtTable', unit: 'families' },
    { key: 'withoutRing2AtTable', unit: 'families' },
  ],
  rowSums: [{ total: 'familiesWithRoundTable', parts: ['withRing2AtTable', 'withoutRing2AtTable'] }],
  shares: [{ key: 'ring2AtTableShare', numerator: ['withRing2AtTable'], denominator: 'familiesWithRoundTable' }],
  chart: { parts: ['withRing2AtTable', 'withoutRing2AtTable'] },
  query: (_p, src) => sql`
    select ${src.collaboration('x')} as collaboration_id, count(*)::int as "familiesWithRoundTable",
      (count(*) filter (where x.ring2))::int as "withRing2AtTable", (count(*) filter (where not x.ring2))::int as "withoutRing2AtTable"
    from (
      select tr.collaboration_id, bool_or(exists (
        select 1 from meeting_items mi
          join meeting_item_people mp on mp.collaboration_id = mi.collaboration_id and mp.item_id = mi.id and (mp.invited or mp.attended)
          join family_participants fp on fp.collaboration_id = mp.collaboration_id and fp.id = mp.participant_id and fp.ring = 2
        where mi.collaboration_id = m.collaboration_id and mi.meeting_id = m.id and mi.deleted_at is null
      )) as ring2
      from ${src.trajectories} join meetings m on m.collaboration_id = tr.collaboration_id and m.family_id = tr.family_id and ${held(src, 'm')}
      group by tr.collaboration_id, tr.family_id
    ) x ${src.groupBy()}`,
};
