import { describe, expect, it } from 'vitest';
import { CollaborationSettingsPatch, type CollaborationSettings } from '../../../shared/schemas/collaborations.ts';
import { fieldIssues } from '../../../shared/field-messages.ts';
import { fromSettings, moveItem, toNumber, toPatchInput } from './settings-form.ts';

const settings: CollaborationSettings = {
  id: '11111111-1111-4111-8111-111111111111',
  name: 'Regio Noord',
  contactEmail: null,
  contactPhone: '03 123 45 67',
  firstContactTargetDays: 30,
  warningThresholdDays: 21,
  evaluationIntervalMonths: 3,
  breakGlassHours: 4,
  breakGlassCoaches: false,
  retentionYears: 5,
  languages: ['nl-BE'],
  postcodes: [{ postcode: '2000', municipality: 'Antwerpen' }],
  lifeDomains: [
    { id: '22222222-2222-4222-8222-222222222222', labelNl: 'Werk', labelEn: 'Work', pictogram: 'work', position: 2 },
    { id: '33333333-3333-4333-8333-333333333333', labelNl: 'Wonen', labelEn: 'Housing', pictogram: 'home', position: 1 },
  ],
  version: 4,
};

describe('settings form', () => {
  it('round-trips the settings into a valid patch, life domains in their order', () => {
    const values = fromSettings(settings);
    expect(values.lifeDomains.map((d) => d.labelNl)).toEqual(['Wonen', 'Werk']);
    const patch = CollaborationSettingsPatch.parse(toPatchInput(values));
    expect(patch).toEqual({
      name: 'Regio Noord',
      contactEmail: null,
      contactPhone: '03 123 45 67',
      firstContactTargetDays: 30,
      warningThresholdDays: 21,
      evaluationIntervalMonths: 3,
      breakGlassHours: 4,
      breakGlassCoaches: false,
      retentionYears: 5,
      languages: ['nl-BE'],
      postcodes: [{ postcode: '2000', municipality: 'Antwerpen' }],
      lifeDomains: [
        { id: '33333333-3333-4333-8333-333333333333', labelNl: 'Wonen', labelEn: 'Housing', pictogram: 'home' },
        { id: '22222222-2222-4222-8222-222222222222', labelNl: 'Werk', labelEn: 'Work', pictogram: 'work' },
      ],
    });
  });

  it('sends new life domains without id and empty phone as null', () => {
    const values = fromSettings(settings);
    values.contactPhone = '  ';
    values.lifeDomains.push({ key: 'k', labelNl: 'Vervoer', labelEn: 'Transport', pictogram: 'transport' });
    const patch = CollaborationSettingsPatch.parse(toPatchInput(values));
    expect(patch.contactPhone).toBeNull();
    expect(patch.lifeDomains?.at(-1)).toEqual({ labelNl: 'Vervoer', labelEn: 'Transport', pictogram: 'transport' });
  });

  it('reports empty or odd numbers and rows with the row index, in plain words', () => {
    const values = fromSettings(settings);
    values.firstContactTargetDays = '';
    values.warningThresholdDays = '2.5';
    values.postcodes.push({ key: 'k', postcode: '123', municipality: '' });
    const result = CollaborationSettingsPatch.safeParse(toPatchInput(values));
    expect(result.success).toBe(false);
    const issues = fieldIssues(result.error?.issues ?? [], 'nl-BE');
    expect(issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'firstContactTargetDays', message: 'Vul een getal in.' }),
        expect.objectContaining({ field: 'warningThresholdDays', message: 'Vul een getal in.' }),
        expect.objectContaining({ field: 'postcodes.1.postcode', message: 'Een postcode heeft 4 cijfers, bv. 2000.' }),
        expect.objectContaining({ field: 'postcodes.1.municipality', message: 'Vul dit in.' }),
      ]),
    );
  });

  it('refuses a warning that comes after the target', () => {
    const values = { ...fromSettings(settings), firstContactTargetDays: '10', warningThresholdDays: '20' };
    const result = CollaborationSettingsPatch.safeParse(toPatchInput(values));
    expect(fieldIssues(result.error?.issues ?? [], 'en')).toEqual([
      expect.objectContaining({ field: 'warningThresholdDays', message: 'The warning must come before the target.' }),
    ]);
  });

  it('parses numbers strictly', () => {
    expect(toNumber(' 14 ')).toBe(14);
    expect(toNumber('')).toBeNaN();
    expect(toNumber('3a')).toBeNaN();
  });

  it('moves items one place and stops at the ends', () => {
    expect(moveItem(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    expect(moveItem(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    expect(moveItem(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
    expect(moveItem(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'b', 'c']);
  });
});
