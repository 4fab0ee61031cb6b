import type { Locale } from './locales.ts';
import { API_TEXTS } from './i18n/catalogue.ts';

/** Every machine code the API can answer with; its plain-language message per locale is in the catalogue (api.json). */
export const ERROR_MESSAGES = API_TEXTS['nl-BE'].errors;

export type ErrorCode = keyof typeof ERROR_MESSAGES;

export function errorMessage(code: ErrorCode, locale: Locale): string {
  return API_TEXTS[locale].errors[code] ?? ERROR_MESSAGES[code];
}
