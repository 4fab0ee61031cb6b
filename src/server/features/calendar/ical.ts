import ical, { ICalCalendarMethod, ICalEventStatus, type ICalCalendar } from 'ical-generator';
import type { CalendarEvent } from '../../../shared/schemas/meetings.ts';
import { addDays } from '../registrations/timing.ts';

export const CALENDAR_TIME_ZONE = 'Europe/Brussels';
const PRODID = { company: 'gezinsplan', product: 'gezinsplan', language: 'NL' };

/**
 * Europe/Brussels as a VTIMEZONE (the EU rule since 1996: summer time from the last Sunday of March
 * 01:00 UTC to the last Sunday of October 01:00 UTC), so calendar apps need no lookup of their own.
 */
const BRUSSELS_VTIMEZONE = [
  'BEGIN:VTIMEZONE', 'TZID:Europe/Brussels', 'X-LIC-LOCATION:Europe/Brussels',
  'BEGIN:DAYLIGHT', 'TZOFFSETFROM:+0100', 'TZOFFSETTO:+0200', 'TZNAME:CEST', 'DTSTART:19700329T020000', 'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU', 'END:DAYLIGHT',
  'BEGIN:STANDARD', 'TZOFFSETFROM:+0200', 'TZOFFSETTO:+0100', 'TZNAME:CET', 'DTSTART:19701025T030000', 'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU', 'END:STANDARD',
  'END:VTIMEZONE',
].join('\r\n');

/*
 * The calendar itself names no time zone (so DTSTAMP is written in UTC, as RFC 5545 asks); the
 * events name Europe/Brussels, and the generator adds its VTIMEZONE once.
 */
const timezone = { name: null, generator: (tz: string) => (tz === CALENDAR_TIME_ZONE ? BRUSSELS_VTIMEZONE : null) };

const wallClockFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: CALENDAR_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23',
});
/**
 * ical-generator writes a native Date with a TZID from the Date's local fields. This gives a Date
 * whose local fields are the Brussels wall-clock time of the instant, whatever the server's zone.
 */
function brusselsWallClock(at: Date): Date {
  const part = Object.fromEntries(wallClockFormat.formatToParts(at).map((p) => [p.type, Number(p.value)]));
  return new Date(part.year!, part.month! - 1, part.day!, part.hour!, part.minute!, part.second!);
}

/** An all-day date as a Date whose local calendar day is that date (ical-generator writes VALUE=DATE from it). */
const asDay = (isoDate: string) => { const [y, m, d] = isoDate.split('-').map(Number); return new Date(y!, m! - 1, d!); };

function calendarOf(name: string, method: ICalCalendarMethod | null): ICalCalendar {
  return ical({ name, prodId: PRODID, timezone, ...(method && { method }) });
}

function addEvents(cal: ICalCalendar, events: readonly CalendarEvent[], stamp: Date): void {
  for (const e of events) {
    cal.createEvent({
      id: e.uid,
      stamp,
      summary: e.title,
      description: e.description,
      location: e.place,
      url: e.url,
      ...(e.allDay
        ? { allDay: true, start: asDay(e.start), end: asDay(addDays(e.end, 1)), timezone: null }
        : { start: brusselsWallClock(new Date(e.start)), end: brusselsWallClock(new Date(e.end)), timezone: CALENDAR_TIME_ZONE }),
      status: ICalEventStatus.CONFIRMED,
    });
  }
}

/** The private feed: everything one person may see, as a published calendar. */
export function feedCalendar(name: string, events: readonly CalendarEvent[], stamp: Date): string {
  const cal = calendarOf(name, ICalCalendarMethod.PUBLISH);
  cal.ttl(60 * 60);
  addEvents(cal, events, stamp);
  return cal.toString();
}

/** An invitation: METHOD:REQUEST with the invitee's own part of the meeting. */
export function invitationCalendar(event: CalendarEvent, organizer: { name: string; email: string }, attendee: { name: string; email: string }, stamp: Date, sequence: number): string {
  const cal = calendarOf(event.title, ICalCalendarMethod.REQUEST);
  addEvents(cal, [event], stamp);
  const [ev] = cal.events();
  ev!.organizer(organizer);
  ev!.sequence(sequence);
  ev!.createAttendee({ name: attendee.name, email: attendee.email, rsvp: true });
  return cal.toString();
}
