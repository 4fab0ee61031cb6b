import { describe, expect, it } from 'vitest';
import { DEFAULT_LOCALE, negotiateLocale } from './locales.ts';

describe('negotiateLocale', () => {
  it('falls back to nl-BE without a header or with nothing we speak', () => {
    expect(DEFAULT_LOCALE).toBe('nl-BE');
    expect(negotiateLocale(undefined)).toBe('nl-BE');
    expect(negotiateLocale(null)).toBe('nl-BE');
    expect(negotiateLocale('')).toBe('nl-BE');
    expect(negotiateLocale('de-DE, es;q=0.8')).toBe('nl-BE');
    expect(negotiateLocale('*')).toBe('nl-BE');
  });

  it('maps every Dutch and English variant to the locale we have', () => {
    expect(negotiateLocale('nl')).toBe('nl-BE');
    expect(negotiateLocale('nl-NL')).toBe('nl-BE');
    expect(negotiateLocale('NL-be')).toBe('nl-BE');
    expect(negotiateLocale('en')).toBe('en');
    expect(negotiateLocale('en-GB')).toBe('en');
    expect(negotiateLocale('EN-us')).toBe('en');
  });

  it('follows the order of preference, by q value and then by position', () => {
    expect(negotiateLocale('de-DE, en;q=0.9, nl;q=0.8')).toBe('en');
    expect(negotiateLocale('nl;q=0.5, en;q=0.9')).toBe('en');
    expect(negotiateLocale('en;q=0.2, nl-BE')).toBe('nl-BE');
    expect(negotiateLocale('en, nl')).toBe('en');
    expect(negotiateLocale('nl, en')).toBe('nl-BE');
    expect(negotiateLocale(' en-GB ; q=0.7 , de ')).toBe('en');
  });

  it('ignores languages refused with q=0 and unreadable q values', () => {
    expect(negotiateLocale('en;q=0, de')).toBe('nl-BE');
    expect(negotiateLocale('en;q=0')).toBe('nl-BE');
    expect(negotiateLocale('en;q=abc, nl;q=0.1')).toBe('nl-BE');
  });

  it('speaks French to French speakers, from Brussels to Paris', () => {
    expect(negotiateLocale('fr-BE, nl;q=0.8')).toBe('fr');
    expect(negotiateLocale('fr')).toBe('fr');
    expect(negotiateLocale('FR-fr')).toBe('fr');
    expect(negotiateLocale('de, fr;q=0.5, en;q=0.4')).toBe('fr');
  });
});
