import type { RegistrationStatus, Timing } from '../../../shared/schemas/registrations.ts';

/** The time zone in which "days since registration" and due dates are counted. */
export const TIME_ZONE = 'Europe/Brussels';
/** The same in SQL (stats, digest): a timestamptz's calendar date in Brussels. */
export const localDateSql = (expr: string) => `((${expr}) at time zone '${TIME_ZONE}')::date`;

const DAY_MS = 86_400_000;
const dateFormat = new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

/** The calendar date (YYYY-MM-DD) of an instant in Brussels. */
export function brusselsDate(at: Date): string {
  return dateFormat.format(at);
}

const dayNumber = (isoDate: string) => Date.UTC(Number(isoDate.slice(0, 4)), Number(isoDate.slice(5, 7)) - 1, Number(isoDate.slice(8, 10))) / DAY_MS;

/** Whole days between two calendar dates (YYYY-MM-DD). */
export const daysBetweenDates = (from: string, to: string) => dayNumber(to) - dayNumber(from);

/** The calendar date (YYYY-MM-DD) `days` days after (or before, when negative) another. */
export const addDays = (isoDate: string, days: number) => new Date((dayNumber(isoDate) + days) * DAY_MS).toISOString().slice(0, 10);

/**
 * Whole calendar days in Brussels from the day of registration to today: registered yesterday at
 * 23:50 is 1 day old this morning. Daylight saving time does not shift the count.
 */
export function daysSince(receivedAt: Date, now: Date): number {
  return daysBetweenDates(brusselsDate(receivedAt), brusselsDate(now));
}

/** Offset of Brussels from UTC at an instant, in ms (+1 h in winter, +2 h in summer). */
function brusselsOffsetMs(at: Date): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: TIME_ZONE, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric',
  }).formatToParts(at);
  const get = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  const wall = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return wall - Math.floor(at.getTime() / 1000) * 1000;
}

/** The instant of a wall-clock time in Brussels on a calendar date (YYYY-MM-DD). */
export function brusselsTime(isoDate: string, hour: number): Date {
  const guess = new Date(dayNumber(isoDate) * DAY_MS + hour * 3_600_000);
  return new Date(guess.getTime() - brusselsOffsetMs(guess));
}

/** When first contact is due: the registration's moment plus the collaboration's target in days. */
export function firstContactDueBy(receivedAt: Date, targetDays: number): Date {
  return new Date(receivedAt.getTime() + targetDays * DAY_MS);
}

export interface TimingSettings {
  firstContactTargetDays: number;
  warningThresholdDays: number;
}

/**
 * Where a registration stands against the promise of first contact within the target (default 30
 * days, warning from day 21): `done` once first contact is made (or it is no longer new);
 * `overdue` after the due day; `warning` from the warning threshold up to and including the due day;
 * `on_track` before.
 */
export function timingOf(
  reg: { status: RegistrationStatus; receivedAt: Date; firstContactAt: Date | null },
  settings: TimingSettings,
  now: Date,
): Timing {
  if (reg.status !== 'new' || reg.firstContactAt) return 'done';
  const days = daysSince(reg.receivedAt, now);
  if (days > settings.firstContactTargetDays) return 'overdue';
  if (days >= settings.warningThresholdDays) return 'warning';
  return 'on_track';
}

/** The next 07:00 in Brussels after `now`: when the daily digest runs. */
export function nextDigestAt(now: Date): Date {
  const today = brusselsTime(brusselsDate(now), 7);
  if (today.getTime() > now.getTime()) return today;
  const tomorrow = brusselsDate(new Date(now.getTime() + DAY_MS));
  return brusselsTime(tomorrow, 7);
}
