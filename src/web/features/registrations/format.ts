import type { Locale } from '../../../shared/locales.ts';
import { brusselsDay, brusselsMonthStart } from '../../../shared/brussels-day.ts';

/** "23 november 2026": dates in words read more easily than numbers. */
export function formatDate(iso: string, locale: Locale): string {
  const date = /^\d{4}-\d{2}-\d{2}$/.test(iso) ? new Date(`${iso}T12:00:00`) : new Date(iso);
  return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric' }).format(date);
}

/** Today's date as YYYY-MM-DD in Brussels, as the server counts it. */
export function todayIso(now = new Date()): string {
  return brusselsDay(now);
}

export type PeriodPreset = 'thisMonth' | 'last3Months' | 'last12Months';

/** A period ending today: this calendar month, or the last 3 or 12 months counting this one. */
export function periodFor(preset: PeriodPreset, now = new Date()): { from: string; to: string } {
  const monthsBack = preset === 'thisMonth' ? 0 : preset === 'last3Months' ? 2 : 11;
  return { from: brusselsMonthStart(now, monthsBack), to: brusselsDay(now) };
}

/** 0.8333 → "83%". */
export function formatShare(share: number, locale: Locale): string {
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(share);
}
