import { useLocale } from '../../i18n/i18n.ts';

/** A day as people read it, in the screen's language, in Belgian time. */
export function useFormatDate() {
  const locale = useLocale();
  return (iso: string) => new Date(iso).toLocaleDateString(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Brussels' });
}
