/**
 * The calendar day in Brussels (yyyy-mm-dd) of an instant: the day the server counts with, so a
 * date picked "today" on a device in another time zone (or around midnight) is the same day.
 */
export function brusselsDay(at: Date | string = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Brussels' }).format(typeof at === 'string' ? new Date(at) : at);
}

/** The first day (yyyy-mm-dd) of the month `monthsBack` months before the Brussels month of `at`. */
export function brusselsMonthStart(at: Date, monthsBack = 0): string {
  const [year, month] = brusselsDay(at).split('-').map(Number) as [number, number];
  return new Date(Date.UTC(year, month - 1 - monthsBack, 1)).toISOString().slice(0, 10);
}
