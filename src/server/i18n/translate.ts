import i18next, { type TFunction } from 'i18next';
import { DEFAULT_LOCALE, LOCALES, intlLocale, type Locale } from '../../shared/locales.ts';
import { SERVER_TEXTS } from '../../shared/i18n/catalogue.ts';

/*
 * The server's texts (mail, calendar entries, PDFs) come from the shared catalogue through i18next,
 * without React: plurals follow each language's Intl plural rules (`_one`, `_few`, `_other`, …), and
 * a text missing in a language shows the Dutch one, which is the official text.
 */
const instance = i18next.createInstance();
void instance.init({
  resources: Object.fromEntries(LOCALES.map((locale) => [locale, { server: SERVER_TEXTS[locale] as Record<string, unknown> }])),
  lng: DEFAULT_LOCALE,
  fallbackLng: DEFAULT_LOCALE,
  supportedLngs: [...LOCALES],
  ns: ['server'],
  defaultNS: 'server',
  load: 'currentOnly',
  initAsync: false,
  interpolation: { escapeValue: false },
  returnNull: false,
});

export type ServerT = TFunction<'server'>;

/** The texts of one language, for one mail or document. */
export const translator = (locale: Locale): ServerT => instance.getFixedT(locale, 'server');

const TIME_ZONE = 'Europe/Brussels';

/** "24 november 2026" for an instant or a calendar day (YYYY-MM-DD, read at noon so no time zone moves it). */
export function longDate(value: string | Date, locale: Locale): string {
  const date = typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T12:00:00Z`) : new Date(value);
  return new Intl.DateTimeFormat(intlLocale(locale), { timeZone: TIME_ZONE, day: 'numeric', month: 'long', year: 'numeric' }).format(date);
}

/** Date and time of an instant, long form ("24 november 2026 om 14:30"). */
export const longDateTime = (at: Date, locale: Locale): string =>
  at.toLocaleString(intlLocale(locale), { timeZone: TIME_ZONE, dateStyle: 'long', timeStyle: 'short' });

export function formatDateTime(value: string | Date, locale: Locale, options: Intl.DateTimeFormatOptions): string {
  const date = typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T12:00:00Z`) : new Date(value);
  return new Intl.DateTimeFormat(intlLocale(locale), { timeZone: TIME_ZONE, ...options }).format(date);
}
