import type { z } from 'zod';
import type { Locale } from './locales.ts';
import { API_TEXTS, fill as fillIn } from './i18n/catalogue.ts';

/** Our own plain-language messages for zod issues, so a field error reads like a person wrote it (api.json, `fields`). */
const plain = API_TEXTS['nl-BE'].fields;

export type PlainMessageKey = keyof typeof plain;

/** Use in `.refine(..., customMessage('key'))` so the key travels with the issue to both sides. */
export const customMessage = (key: PlainMessageKey) => ({ params: { message: key } });

export interface FieldIssue {
  field: string;
  code: string;
  message: string;
}

export function isPlainMessageKey(key: string): key is PlainMessageKey {
  return Object.hasOwn(plain, key);
}

function fill(key: PlainMessageKey, locale: Locale, n?: number | bigint): string {
  return fillIn(API_TEXTS[locale].fields[key] ?? plain[key], { n: n ?? '' });
}

export const plainMessage = (key: PlainMessageKey, locale: Locale) => fill(key, locale);

export function plainIssueMessage(issue: z.core.$ZodIssue, locale: Locale): string {
  // The family's agreement to a registration is one checkbox: missing or unticked, one clear message.
  if (issue.path.at(-1) === 'familyConsent') return fill('consentRequired', locale);
  switch (issue.code) {
    case 'invalid_type':
      return issue.message.includes('received undefined') || issue.message.includes('received null')
        ? fill('required', locale)
        : issue.expected === 'number' || issue.expected === 'int'
          ? fill('wholeNumber', locale)
          : fill('invalid', locale);
    case 'invalid_format':
      if (issue.format === 'email') return fill('email', locale);
      if (issue.format === 'regex' && issue.path.at(-1) === 'postcode') return fill('postcode', locale);
      return fill('invalid', locale);
    case 'invalid_value':
      return fill('choose', locale);
    case 'too_small':
      if (issue.origin === 'string') return Number(issue.minimum) <= 1 ? fill('required', locale) : fill('minChars', locale, issue.minimum);
      if (issue.origin === 'array' || issue.origin === 'set') return fill('minItems', locale, issue.minimum);
      return fill('minNumber', locale, issue.minimum);
    case 'too_big':
      if (issue.origin === 'string') return fill('maxChars', locale, issue.maximum);
      if (issue.origin === 'array' || issue.origin === 'set') return fill('maxItems', locale, issue.maximum);
      return fill('maxNumber', locale, issue.maximum);
    case 'custom': {
      const key = (issue.params as { message?: string } | undefined)?.message;
      return key && Object.hasOwn(plain, key) ? fill(key as PlainMessageKey, locale) : fill('invalid', locale);
    }
    default:
      return fill('invalid', locale);
  }
}

export function fieldIssues(issues: readonly z.core.$ZodIssue[], locale: Locale): FieldIssue[] {
  return issues.map((issue) => ({
    field: issue.path.map(String).join('.'),
    code: issue.code === 'custom' ? ((issue.params as { message?: string } | undefined)?.message ?? 'custom') : issue.code,
    message: plainIssueMessage(issue, locale),
  }));
}
