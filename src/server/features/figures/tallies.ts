import { sql, type SQL } from 'drizzle-orm';
import { addDays, TIME_ZONE } from '../registrations/timing.ts';
import { calendarParts, type CalendarParts, type DaySpan, type PeriodRange } from './calendar.ts';

/*
 * SQL pieces that read the figure facts and tallies (db/schema/figure-facts.ts): tally rows of
 * whole years and months, and facts of the days in between, for a span of days.
 */

const tz = sql.raw(`'${TIME_ZONE}'`);
const col = (alias: string, column: string) => sql.raw(`${alias}.${column}`);

export const uuidArray = (ids: string[]) => sql`array[${sql.join(ids.map((id) => sql`${id}`), sql`, `)}]::uuid[]`;
export const textList = (values: readonly string[]) => sql.join(values.map((v) => sql`${v}`), sql`, `);

/**
 * Tally rows (alias `alias`) of the whole years (`months` 12) and whole months (`months` 1) of
 * `parts`, and with `days` (tallies that have them) the rows of its single days (`months` 0).
 */
export function inWholePeriods(alias: string, parts: CalendarParts, opts: { days?: boolean } = {}): SQL {
  const range = (months: number, r: PeriodRange) => sql`(${col(alias, 'months')} = ${months}
    ${r.from === null ? sql`` : sql`and ${col(alias, 'period_start')} >= ${r.from}::date`} and ${col(alias, 'period_start')} < ${r.until}::date)`;
  const ranges = [...(parts.years ? [range(12, parts.years)] : []), ...parts.months.map((m) => range(1, m))];
  if (opts.days && parts.days.length) ranges.push(sql`(${col(alias, 'months')} = 0 and ${onDays(col(alias, 'period_start'), parts.days)})`);
  return ranges.length ? sql`(${sql.join(ranges, sql` or `)})` : sql`false`;
}

/** A date column on one of the days. */
export function onDays(column: SQL, days: DaySpan[]): SQL {
  return days.length ? sql`(${sql.join(days.map((d) => sql`${column} between ${d.from}::date and ${d.to}::date`), sql` or `)})` : sql`false`;
}

/** A timestamptz column on one of the days in Brussels; compares the stored instants, so an index on them serves. */
export function atDays(column: SQL, days: DaySpan[]): SQL {
  const span = (d: DaySpan) => sql`(${column} >= (${d.from}::date::timestamp at time zone ${tz}) and ${column} < (${addDays(d.to, 1)}::date::timestamp at time zone ${tz}))`;
  return days.length ? sql`(${sql.join(days.map(span), sql` or `)})` : sql`false`;
}

/**
 * Where the figures count the days `from` (null: since the beginning) to `to` from: the tallies for
 * whole months and years (`parts`) and the facts for the days around them (`rawDays`), or, without
 * `useTallies` (a filter on families, or to check the tallies), the facts of every day.
 */
export function spanParts(useTallies: boolean, from: string | null, to: string, opts: { years: boolean }): { parts: CalendarParts; rawDays: DaySpan[] } {
  if (!useTallies) return { parts: { years: null, months: [], days: [] }, rawDays: [{ from: from ?? '0001-01-01', to }] };
  const parts = calendarParts(from, to, opts);
  return { parts, rawDays: parts.days };
}
