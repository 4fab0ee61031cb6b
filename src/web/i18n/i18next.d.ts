import 'i18next';
import type nlBE from './nl-BE.json';
import type serverNlBE from '../../shared/i18n/nl-BE/server.json';

// Typed keys: a t('...') call with a key missing from the Dutch catalogue fails the type check,
// on the web (`translation`) and on the server (`server`: mail, calendar, PDFs).
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof nlBE; server: typeof serverNlBE };
  }
}
