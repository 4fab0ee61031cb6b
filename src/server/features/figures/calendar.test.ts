import { describe, expect, it } from 'vitest';
import { addDays } from '../registrations/timing.ts';
import { calendarParts, monthsOf, type CalendarParts } from './calendar.ts';

/** Every day the parts cover, with how many times, between `first` and `last`. */
function coverage(parts: CalendarParts, first: string, last: string): Map<string, number> {
  const seen = new Map<string, number>();
  const mark = (day: string) => seen.set(day, (seen.get(day) ?? 0) + 1);
  for (let day = first; day <= last; day = addDays(day, 1)) {
    const inRange = (r: { from: string | null; until: string } | null, start: (d: string) => string) => r !== null && (r.from === null || start(day) >= r.from) && start(day) < r.until;
    if (inRange(parts.years, (d) => `${d.slice(0, 4)}-01-01`)) mark(day);
    for (const m of parts.months) if (inRange(m, (d) => `${d.slice(0, 7)}-01`)) mark(day);
    for (const d of parts.days) if (day >= d.from && day <= d.to) mark(day);
  }
  return seen;
}

describe('months of a period', () => {
  it('lists every month from the first to the last, across a new year', () => {
    expect(monthsOf('2025-11-15', '2026-02-01')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(monthsOf('2026-03-31', '2026-03-31')).toEqual(['2026-03']);
  });
});

describe('calendar parts', () => {
  it('cut a period into whole years, whole months and days', () => {
    expect(calendarParts('2016-12-05', '2026-12-04', { years: true })).toEqual({
      years: { from: '2017-01-01', until: '2026-01-01' },
      months: [{ from: '2026-01-01', until: '2026-12-01' }],
      days: [{ from: '2016-12-05', to: '2016-12-31' }, { from: '2026-12-01', to: '2026-12-04' }],
    });
    expect(calendarParts('2026-01-01', '2026-03-31', { years: true })).toEqual({ years: null, months: [{ from: '2026-01-01', until: '2026-04-01' }], days: [] });
    expect(calendarParts('2026-01-15', '2026-02-10', { years: true })).toEqual({ years: null, months: [], days: [{ from: '2026-01-15', to: '2026-02-10' }] });
    expect(calendarParts(null, '2026-02-10', { years: true })).toEqual({
      years: { from: null, until: '2026-01-01' }, months: [{ from: '2026-01-01', until: '2026-02-01' }], days: [{ from: '2026-02-01', to: '2026-02-10' }],
    });
    expect(calendarParts('2025-01-01', '2025-12-31', { years: false })).toEqual({ years: null, months: [{ from: '2025-01-01', until: '2026-01-01' }], days: [] });
    expect(calendarParts('2026-03-05', '2026-03-01', { years: true })).toEqual({ years: null, months: [], days: [] });
  });

  it('cover every day of any period exactly once, and nothing outside it', () => {
    const starts = ['2023-12-31', '2024-01-01', '2024-01-02', '2024-02-29', '2024-11-30', '2024-12-01', '2025-06-15'];
    const ends = ['2024-01-01', '2024-01-31', '2024-02-28', '2024-12-31', '2025-01-01', '2025-06-14', '2025-12-31', '2026-03-10'];
    for (const years of [true, false]) {
      for (const from of [null, ...starts]) {
        for (const to of ends) {
          const seen = coverage(calendarParts(from, to, { years }), '2023-12-01', '2026-04-01');
          for (let day = '2023-12-01'; day <= '2026-04-01'; day = addDays(day, 1)) {
            const inside = (from === null || day >= from) && day <= to;
            expect(seen.get(day) ?? 0, `${from}…${to} years=${years}: ${day}`).toBe(inside ? 1 : 0);
          }
        }
      }
    }
  });
});
