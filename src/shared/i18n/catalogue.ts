import type { Locale } from '../locales.ts';
import apiNl from './nl-BE/api.json';
import apiEn from './en/api.json';
import apiFr from './fr/api.json';
import serverNl from './nl-BE/server.json';
import serverEn from './en/server.json';
import serverFr from './fr/server.json';

/*
 * The one message catalogue of the product, per locale and namespace:
 *  - `translation` (src/web/i18n/<locale>.json): the web app's screens;
 *  - `api` (src/shared/i18n/<locale>/api.json): API error and field messages, read by server and web;
 *  - `server` (src/shared/i18n/<locale>/server.json): mail, calendar entries and PDFs.
 * The web files stay beside the web app because every feature adds its keys there.
 */

export type ApiTexts = typeof apiNl;
export type ServerTexts = typeof serverNl;

export const API_TEXTS: Record<Locale, ApiTexts> = { 'nl-BE': apiNl, fr: apiFr, en: apiEn };
export const SERVER_TEXTS: Record<Locale, unknown> = { 'nl-BE': serverNl, fr: serverFr, en: serverEn };

/**
 * What a family member, young person, network member or outside professional reads. A language
 * offered to families only must have every key under these parts; the rest (staff screens and staff
 * mail) falls back to Dutch there.
 */
export const FAMILY_FACING: Record<'translation' | 'api' | 'server', readonly string[]> = {
  translation: [
    'app', 'common', 'errors', 'form', 'language', 'nav', 'noAccess', 'notFound', 'routeError', 'roles', 'pictograms',
    'auth', 'home', 'portal', 'families', 'sharing', 'accessLog', 'invite', 'prior', 'network', 'services', 'messages',
    'lead', 'meetings', 'agenda', 'reflections', 'closure', 'familyLanguages', 'officialText',
  ],
  api: ['errors', 'fields'],
  server: [
    'mail.greeting', 'mail.notExpected', 'mail.automatic', 'mail.signInLink', 'mail.familyInvitation', 'mail.newMessage',
    'mail.meetingInvitation', 'mail.evaluationReminder', 'mail.breakGlassFamily', 'calendar', 'pdf',
  ],
};

/** Replaces `{{name}}` placeholders; the shared messages need no more than that. */
export function fill(text: string, values: Record<string, string | number | bigint> = {}): string {
  return text.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));
}
