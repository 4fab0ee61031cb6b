import { brusselsDay } from '../../../shared/brussels-day.ts';
/** Meetings are planned and shown in Brussels time, wherever the browser is. */
export const TIME_ZONE = 'Europe/Brussels';

const lang = (locale: string) => (locale === 'en' ? 'en-GB' : 'nl-BE');

/** The offset of Brussels from UTC at that instant, in minutes (60 in winter, 120 in summer). */
function offsetAt(instant: number): number {
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en-CA', {
    timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
  }).formatToParts(new Date(instant)).map((p) => [p.type, Number(p.value)]));
  const wall = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!);
  return Math.round((wall - instant) / 60_000);
}

/** "2027-01-14" and "18:00" in Brussels as an ISO instant. */
export function brusselsInstant(day: string, time: string): string {
  const asUtc = Date.parse(`${day}T${time}:00Z`);
  if (Number.isNaN(asUtc)) return '';
  const first = asUtc - offsetAt(asUtc) * 60_000;
  return new Date(asUtc - offsetAt(first) * 60_000).toISOString();
}

export const dayOf = (iso: string) => brusselsDay(iso);

export const longDay = (isoOrDate: string, locale: string) =>
  new Intl.DateTimeFormat(lang(locale), { timeZone: TIME_ZONE, weekday: 'long', day: 'numeric', month: 'long' })
    .format(new Date(isoOrDate.length === 10 ? `${isoOrDate}T12:00:00Z` : isoOrDate));

export const timeOf = (iso: string, locale: string) => new Intl.DateTimeFormat(lang(locale), { timeZone: TIME_ZONE, hour: '2-digit', minute: '2-digit' }).format(new Date(iso));

export const timeSpan = (startsAt: string, endsAt: string, locale: string) => `${timeOf(startsAt, locale)}–${timeOf(endsAt, locale)}`;
