import 'i18next';
import type nlBE from './nl-BE.json';

// Typed keys: a t('...') call with a key missing from nl-BE.json fails the type check.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof nlBE };
  }
}
