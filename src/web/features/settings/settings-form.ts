import type { CollaborationSettings, LifeDomainInput, PostcodeEntry } from '../../../shared/schemas/collaborations.ts';
import type { Locale } from '../../../shared/locales.ts';
import type { Pictogram } from '../../../shared/pictograms.ts';

/** Rows carry a key of their own so React (and focus) follows a row when it moves. */
export interface PostcodeRow extends PostcodeEntry {
  key: string;
}

export interface LifeDomainRow {
  key: string;
  /** Absent for a domain added on this screen; the server then creates it. */
  id?: string;
  labelNl: string;
  labelEn: string;
  pictogram: Pictogram;
}

/** What the form edits: numbers stay text while typing, so "" and "3a" can be reported, not lost. */
export interface SettingsFormValues {
  name: string;
  contactEmail: string;
  contactPhone: string;
  firstContactTargetDays: string;
  warningThresholdDays: string;
  evaluationIntervalMonths: string;
  breakGlassHours: string;
  breakGlassCoaches: boolean;
  retentionYears: string;
  languages: Locale[];
  postcodes: PostcodeRow[];
  lifeDomains: LifeDomainRow[];
}

let lastKey = 0;
export function newRowKey(): string {
  lastKey += 1;
  return `row-${lastKey}`;
}

export function fromSettings(settings: CollaborationSettings): SettingsFormValues {
  return {
    name: settings.name,
    contactEmail: settings.contactEmail ?? '',
    contactPhone: settings.contactPhone ?? '',
    firstContactTargetDays: String(settings.firstContactTargetDays),
    warningThresholdDays: String(settings.warningThresholdDays),
    evaluationIntervalMonths: String(settings.evaluationIntervalMonths),
    breakGlassHours: String(settings.breakGlassHours),
    breakGlassCoaches: settings.breakGlassCoaches,
    retentionYears: String(settings.retentionYears),
    languages: [...settings.languages],
    postcodes: settings.postcodes.map((p) => ({ ...p, key: newRowKey() })),
    lifeDomains: [...settings.lifeDomains]
      .sort((a, b) => a.position - b.position)
      .map(({ id, labelNl, labelEn, pictogram }) => ({ key: newRowKey(), id, labelNl, labelEn, pictogram })),
  };
}

/** "" is not zero: it must say "enter a number", which zod does for NaN. */
export function toNumber(text: string): number {
  const trimmed = text.trim();
  return trimmed === '' ? Number.NaN : Number(trimmed);
}

/** The shape CollaborationSettingsPatch validates; list order is the order the person chose. */
export function toPatchInput(values: SettingsFormValues) {
  return {
    name: values.name,
    contactEmail: values.contactEmail.trim() === '' ? null : values.contactEmail,
    contactPhone: values.contactPhone,
    firstContactTargetDays: toNumber(values.firstContactTargetDays),
    warningThresholdDays: toNumber(values.warningThresholdDays),
    evaluationIntervalMonths: toNumber(values.evaluationIntervalMonths),
    breakGlassHours: toNumber(values.breakGlassHours),
    breakGlassCoaches: values.breakGlassCoaches,
    retentionYears: toNumber(values.retentionYears),
    languages: values.languages,
    postcodes: values.postcodes.map(({ postcode, municipality }) => ({ postcode, municipality })),
    lifeDomains: values.lifeDomains.map(({ id, labelNl, labelEn, pictogram }): LifeDomainInput =>
      id ? { id, labelNl, labelEn, pictogram } : { labelNl, labelEn, pictogram },
    ),
  };
}

/** Moves one item up (-1) or down (+1); returns the same list when it cannot move. */
export function moveItem<T>(list: readonly T[], index: number, delta: -1 | 1): T[] {
  const target = index + delta;
  if (index < 0 || index >= list.length || target < 0 || target >= list.length) return [...list];
  const next = [...list];
  const [item] = next.splice(index, 1);
  next.splice(target, 0, item as T);
  return next;
}
