import { describe, expect, it } from 'vitest';
import { domainOf, domainsInOrder, faceOf, isSectionVisible, moved, namesOf, sectionLabel } from './plan-format.ts';

const plan = {
  lifeDomains: [{ id: 'd1', labelNl: 'Wonen', labelEn: 'Housing', pictogram: 'home' }],
  participants: [{ id: 'p1', displayName: 'Malika', role: 'parent' as const, ring: 1, relation: null }, { id: 'p2', displayName: 'Sami', role: 'child' as const, ring: 1, relation: null }],
  template: { id: 't', name: 'T', isDefault: true, lifeDomainIds: [], version: 1, sections: [{ key: 'worries' as const, visible: false, labelNl: 'Zorgen', labelEn: null }] },
};

describe('plan format', () => {
  it('moves an item up or down, and not past the ends', () => {
    expect(moved(['a', 'b', 'c'], 1, -1)).toEqual(['b', 'a', 'c']);
    expect(moved(['a', 'b', 'c'], 1, 1)).toEqual(['a', 'c', 'b']);
    expect(moved(['a', 'b'], 0, -1)).toEqual(['a', 'b']);
    expect(moved(['a', 'b'], 1, 1)).toEqual(['a', 'b']);
  });

  it('names domains with their pictogram, in the asked language, and people by name', () => {
    expect(domainOf(plan, 'd1', 'en')).toEqual({ label: 'Housing', symbol: '🏠' });
    expect(domainOf(plan, 'nope', 'nl-BE')).toBeNull();
    expect(namesOf(plan, ['p2', 'p1', 'gone'])).toBe('Sami, Malika');
    expect(faceOf(1)).toBe('😟');
    expect(faceOf(9)).toBe('😄');
  });

  it('follows the template: own labels, hidden sections, standard otherwise', () => {
    expect(sectionLabel(plan, 'worries', 'nl-BE', 'Waar we ons zorgen over maken')).toBe('Zorgen');
    expect(sectionLabel(plan, 'worries', 'en', 'What worries us')).toBe('What worries us');
    expect(isSectionVisible(plan, 'worries')).toBe(false);
    expect(isSectionVisible(plan, 'goals')).toBe(true);
    expect(isSectionVisible({ template: null }, 'goals')).toBe(true);
  });

  it('offers the template\'s life domains first, the others after in their usual order', () => {
    const domains = [{ id: 'a' }, { id: 'b' }, { id: 'c' }, { id: 'd' }];
    expect(domainsInOrder({ lifeDomains: domains, template: { lifeDomainIds: ['c', 'a'] } }).map((d) => d.id)).toEqual(['c', 'a', 'b', 'd']);
    expect(domainsInOrder({ lifeDomains: domains, template: null }).map((d) => d.id)).toEqual(['a', 'b', 'c', 'd']);
  });
});
