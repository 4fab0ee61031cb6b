import i18n from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import { DEFAULT_LOCALE, LOCALES, type Locale } from '../../shared/locales.ts';
import { setApiLocale } from '../app/api.ts';
import nlBE from './nl-BE.json';
import en from './en.json';

const STORAGE_KEY = 'gezinsplan.locale';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** The language the person chose earlier on this device, if any. */
export function storedLocale(): Locale | null {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return isLocale(value) ? value : null;
  } catch {
    // Storage can be blocked (private mode, strict settings): then we simply do not remember.
    return null;
  }
}

function rememberLocale(locale: Locale): void {
  try {
    localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // See storedLocale: not remembering is acceptable.
  }
}

function applyToDocument(locale: Locale): void {
  document.documentElement.lang = locale;
  setApiLocale(locale);
}

export function initI18n(): typeof i18n {
  const initial = storedLocale() ?? DEFAULT_LOCALE;
  i18n.on('languageChanged', (lng) => {
    if (isLocale(lng)) applyToDocument(lng);
  });
  void i18n.use(initReactI18next).init({
    resources: { 'nl-BE': { translation: nlBE }, en: { translation: en } },
    lng: initial,
    fallbackLng: DEFAULT_LOCALE,
    supportedLngs: [...LOCALES],
    load: 'currentOnly',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  applyToDocument(initial);
  return i18n;
}

/** Switches the UI language and remembers it on this device. */
export async function changeLocale(locale: Locale): Promise<void> {
  rememberLocale(locale);
  await i18n.changeLanguage(locale);
}

export function useLocale(): Locale {
  const { i18n: instance } = useTranslation();
  return isLocale(instance.language) ? instance.language : DEFAULT_LOCALE;
}
