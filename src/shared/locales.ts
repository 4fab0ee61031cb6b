/**
 * The languages of the product. Staff screens exist in the staff languages (Brussels and the language
 * border work in French); the family's screens and mail also in the languages families speak.
 */
export const STAFF_LOCALES = ['nl-BE', 'fr', 'en'] as const;
/** Languages with the family's screens and mail only; staff screens fall back to Dutch there. */
export const FAMILY_ONLY_LOCALES = [] as const;
export const LOCALES = [...STAFF_LOCALES, ...FAMILY_ONLY_LOCALES] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'nl-BE';

/** Written right to left: the document gets dir="rtl" and the layout mirrors. */
const RTL_LOCALES: readonly string[] = ['ar', 'fa-AF'];

/** Each language named in itself, so someone who cannot read the current one finds theirs. */
export const OWN_NAMES: Record<Locale, string> = { 'nl-BE': 'Nederlands', fr: 'Français', en: 'English' };

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** A stored or sent language as one we have; anything else (an old value, a typo) becomes the fallback. */
export function asLocale(value: unknown, fallback: Locale = DEFAULT_LOCALE): Locale {
  return isLocale(value) ? value : fallback;
}

export const directionOf = (locale: Locale): 'rtl' | 'ltr' => (RTL_LOCALES.includes(locale) ? 'rtl' : 'ltr');

/**
 * The tag handed to Intl for dates and numbers. English is British (day before month, as in Belgium),
 * French Belgian; right-to-left languages keep Western digits, which Belgian papers, phone numbers and
 * house numbers use, so numbers stay readable next to Dutch names and addresses.
 */
export function intlLocale(locale: Locale): string {
  switch (locale) {
    case 'en':
      return 'en-GB';
    case 'fr':
      return 'fr-BE';
    default:
      return RTL_LOCALES.includes(locale) ? `${locale}-u-nu-latn` : locale;
  }
}

/** The primary language subtags we answer to, per locale (Dari is `prs`, or `fa` as spoken in Afghanistan). */
const ALIASES: Record<string, string[]> = { 'nl-BE': ['nl'], 'fa-AF': ['fa', 'prs'] };

/** Picks the best supported locale from an Accept-Language header (nl, nl-NL, nl-BE → nl-BE). */
export function negotiateLocale(header: string | undefined | null): Locale {
  if (!header) return DEFAULT_LOCALE;
  const ranked = header
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.find((p) => p.trim().startsWith('q='));
      return { tag: tag.trim().toLowerCase(), q: q ? Number(q.trim().slice(2)) || 0 : 1 };
    })
    .filter((r) => r.tag && r.q > 0)
    .sort((a, b) => b.q - a.q);
  for (const { tag } of ranked) {
    const primary = tag.split('-')[0]!;
    const found = LOCALES.find((locale) => (ALIASES[locale] ?? [locale.toLowerCase()]).includes(primary));
    if (found) return found;
  }
  return DEFAULT_LOCALE;
}

/**
 * The language for a mail to this person: the one on their account when they chose one, otherwise the
 * language of the request that caused it. A new account carries the default until its person chooses.
 */
export const chosenLocale = (stored: unknown, requestLocale: Locale): Locale =>
  isLocale(stored) && stored !== DEFAULT_LOCALE ? stored : requestLocale;
