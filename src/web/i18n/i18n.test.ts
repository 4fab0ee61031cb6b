import { describe, expect, it } from 'vitest';
import { ROLES, ORGANISATION_KINDS } from '../../shared/roles.ts';
import { PICTOGRAM_KEYS } from '../../shared/pictograms.ts';
import nlBE from './nl-BE.json';
import en from './en.json';

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

const languages = { 'nl-BE': flatten(nlBE), en: flatten(en) };

describe('translations', () => {
  it('have exactly the same keys in both languages', () => {
    expect([...languages.en.keys()].sort()).toEqual([...languages['nl-BE'].keys()].sort());
  });

  it('have no empty texts', () => {
    for (const [language, texts] of Object.entries(languages)) {
      const empty = [...texts].filter(([, text]) => text.trim() === '').map(([key]) => `${language}: ${key}`);
      expect(empty).toEqual([]);
    }
  });

  it('use the same placeholders in both languages', () => {
    const differing = [...languages['nl-BE']]
      .filter(([key, text]) => JSON.stringify(placeholders(text)) !== JSON.stringify(placeholders(languages.en.get(key) ?? '')))
      .map(([key]) => key);
    expect(differing).toEqual([]);
  });

  it('name every role, organisation kind and pictogram of the shared contract', () => {
    const needed = [
      ...ROLES.map((r) => `roles.${r}`),
      ...ORGANISATION_KINDS.map((k) => `organisationKinds.${k}`),
      ...PICTOGRAM_KEYS.map((p) => `pictograms.${p}`),
    ];
    for (const texts of Object.values(languages)) {
      expect(needed.filter((key) => !texts.has(key))).toEqual([]);
    }
  });
});
