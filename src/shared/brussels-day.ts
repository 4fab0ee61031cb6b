/**
 * The calendar day in Brussels (yyyy-mm-dd) of an instant: the day the server counts with, so a
 * date picked "today" on a device in another time zone (or around midnight) is the same day.
 */
export function brusselsDay(at: Date | string = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Brussels' }).format(typeof at === 'string' ? new Date(at) : at);
}
