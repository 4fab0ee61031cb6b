import { describe, expect, it } from 'vitest';
import { familyPaths, tabsFor } from './family-paths.ts';

describe('the tabs of a family file', () => {
  it('give the family and its coaches everything, with who sees what and who looked', () => {
    expect(tabsFor('full')).toEqual(expect.arrayContaining(['plan', 'messages', 'members', 'lead', 'history', 'sharing', 'access']));
  });

  it('give someone the family shared topics the family view, the round tables they are invited to and their conversations', () => {
    expect(tabsFor('consented')).toEqual(['view', 'meetings', 'messages']);
  });

  it('give a coordinator outside the circle none', () => {
    expect(tabsFor('metadata')).toEqual([]);
  });

  it('link the whole file as a PDF apart from the plan PDF', () => {
    expect(familyPaths.filePdf('f1', 'nl-BE')).toBe('/api/v1/families/f1/export?format=pdf&contents=file&locale=nl-BE');
    expect(familyPaths.tab('f1', 'access')).toBe('/families/f1/access');
  });
});
