import { addDays } from '../registrations/timing.ts';

/**
 * Days as `YYYY-MM-DD` strings, and a span of days cut into what the tallies hold (whole calendar
 * years and months) and the days left over, which are read from the facts themselves.
 */

const monthStart = (day: string) => `${day.slice(0, 7)}-01`;
const yearStart = (day: string) => `${day.slice(0, 4)}-01-01`;
const nextMonth = (day: string) => {
  const [y, m] = [Number(day.slice(0, 4)), Number(day.slice(5, 7))];
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
};
const nextYear = (day: string) => `${Number(day.slice(0, 4)) + 1}-01-01`;

/** The months of a period as YYYY-MM, first to last. */
export function monthsOf(from: string, to: string): string[] {
  const months: string[] = [];
  for (let month = monthStart(from); month <= to; month = nextMonth(month)) months.push(month.slice(0, 7));
  return months;
}

/** Days from `from` to `to`, both included. */
export interface DaySpan { from: string; to: string }
/** First days of months or years from `from` (null: from the beginning) up to, not including, `until`. */
export interface PeriodRange { from: string | null; until: string }

export interface CalendarParts {
  /** Whole calendar years (tally rows with `months` 12). */
  years: PeriodRange | null;
  /** Whole calendar months outside those years (tally rows with `months` 1). */
  months: PeriodRange[];
  /** The days before the first and after the last whole month. */
  days: DaySpan[];
}

/**
 * Cuts the days `from` (null: since the beginning) to `to` into whole years (with `years`), whole
 * months and single days, so that every day is in exactly one part.
 */
export function calendarParts(from: string | null, to: string, opts: { years: boolean }): CalendarParts {
  const firstMonth = from === null ? null : from.endsWith('-01') ? from : nextMonth(from);
  const endMonth = monthStart(addDays(to, 1));
  if (firstMonth !== null && firstMonth >= endMonth) return { years: null, months: [], days: from! <= to ? [{ from: from!, to }] : [] };
  const days: DaySpan[] = [];
  if (from !== null && from < firstMonth!) days.push({ from, to: addDays(firstMonth!, -1) });
  if (endMonth <= to) days.push({ from: endMonth, to });
  if (!opts.years) return { years: null, months: [{ from: firstMonth, until: endMonth }], days };

  const firstYear = firstMonth === null ? null : firstMonth.endsWith('-01-01') ? firstMonth : nextYear(firstMonth);
  const endYear = yearStart(endMonth);
  if (firstYear !== null && firstYear >= endYear) return { years: null, months: [{ from: firstMonth, until: endMonth }], days };
  const months: PeriodRange[] = [];
  if (firstMonth !== null && firstMonth < firstYear!) months.push({ from: firstMonth, until: firstYear! });
  if (endYear < endMonth) months.push({ from: endYear, until: endMonth });
  return { years: { from: firstYear, until: endYear }, months, days };
}
