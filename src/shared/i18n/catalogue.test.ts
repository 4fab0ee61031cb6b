import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FAMILY_ONLY_LOCALES, LOCALES, STAFF_LOCALES, type Locale } from '../locales.ts';
import { FAMILY_FACING } from './catalogue.ts';

type Tree = { [key: string]: string | Tree };
type Namespace = keyof typeof FAMILY_FACING;

const fileOf: Record<Namespace, (locale: Locale) => URL> = {
  translation: (locale) => new URL(`../../web/i18n/${locale}.json`, import.meta.url),
  api: (locale) => new URL(`./${locale}/api.json`, import.meta.url),
  server: (locale) => new URL(`./${locale}/server.json`, import.meta.url),
};

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

const texts = (ns: Namespace, locale: Locale) => flatten(JSON.parse(readFileSync(fileOf[ns](locale), 'utf8')) as Tree);

const PLURAL = /_(zero|one|two|few|many|other)$/;
/** A plural key is one message whatever the forms: `count_one` and `count_other` are `count`. */
const base = (key: string) => key.replace(PLURAL, '');
const pluralBases = (keys: Iterable<string>) => new Set([...keys].filter((k) => PLURAL.test(k)).map(base));
const placeholders = (text: string) => [...new Set([...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]))].sort();
const familyFacing = (ns: Namespace, key: string) => FAMILY_FACING[ns].some((part) => key === part || key.startsWith(`${part}.`));
/** Each language's plural forms, from the same Intl rules i18next uses. */
const categories = (locale: Locale) => new Intl.PluralRules(locale).resolvedOptions().pluralCategories;

describe.each(['translation', 'api', 'server'] as const)('the %s catalogue', (ns) => {
  const dutch = texts(ns, 'nl-BE');
  const dutchBases = new Set([...dutch.keys()].map(base));
  const dutchPlurals = pluralBases(dutch.keys());

  it.each([...LOCALES])('%s has every key it must have, in every plural form of the language', (locale) => {
    const own = texts(ns, locale);
    const ownBases = new Set([...own.keys()].map(base));
    const needed = [...dutchBases].filter((key) => (STAFF_LOCALES as readonly string[]).includes(locale) || familyFacing(ns, key));
    expect(needed.filter((key) => !ownBases.has(key))).toEqual([]);
    const missingForms = [...dutchPlurals].filter((key) => ownBases.has(key))
      .flatMap((key) => categories(locale).filter((form) => !own.has(`${key}_${form}`)).map((form) => `${key}_${form}`));
    expect(missingForms).toEqual([]);
  });

  it.each([...LOCALES])('%s has no key the Dutch lacks, no empty text and the same placeholders', (locale) => {
    const own = texts(ns, locale);
    expect([...own.keys()].filter((key) => !dutchBases.has(base(key)))).toEqual([]);
    expect([...own].filter(([, text]) => text.trim() === '').map(([key]) => key)).toEqual([]);
    const differing = [...own].filter(([key, text]) => {
      const original = dutch.get(key) ?? dutch.get(`${base(key)}_other`) ?? '';
      return JSON.stringify(placeholders(text).filter((p) => p !== 'count')) !== JSON.stringify(placeholders(original).filter((p) => p !== 'count'));
    }).map(([key]) => key);
    expect(differing).toEqual([]);
  });
});

describe('the family-only languages', () => {
  it('leave out only staff texts', () => {
    for (const locale of FAMILY_ONLY_LOCALES as readonly Locale[]) {
      for (const ns of ['translation', 'api', 'server'] as const) {
        expect([...texts(ns, locale).keys()].filter((key) => !familyFacing(ns, key))).toEqual([]);
      }
    }
  });

  it('a missing translation is the test failing, not a silent fallback', () => {
    // The check above must be able to fail: a catalogue without one family key is caught.
    const dutch = texts('server', 'nl-BE');
    const trimmed = new Set([...dutch.keys()].filter((key) => key !== 'mail.signInLink.subject').map(base));
    expect([...dutch.keys()].map(base).filter((key) => familyFacing('server', key) && !trimmed.has(key))).toEqual(['mail.signInLink.subject']);
  });
});
