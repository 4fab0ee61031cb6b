import type { Locale } from '../locales.ts';

/**
 * Names a collaboration writes itself (life domains, plan sections) exist in Dutch and English. Other
 * languages show the Dutch one: it is the official text of the collaboration.
 */
export const ownLabel = (item: { labelNl: string | null; labelEn: string | null }, locale: Locale): string | null =>
  (locale === 'en' ? item.labelEn : item.labelNl) || null;

export const domainLabel = (domain: { labelNl: string; labelEn: string }, locale: Locale): string =>
  locale === 'en' ? domain.labelEn : domain.labelNl;
