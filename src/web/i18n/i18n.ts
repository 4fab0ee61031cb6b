import i18n from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import { DEFAULT_LOCALE, LOCALES, directionOf, isLocale, type Locale } from '../../shared/locales.ts';
import { setApiLocale } from '../app/api.ts';
import nlBE from './nl-BE.json';
import en from './en.json';

const STORAGE_KEY = 'gezinsplan.locale';

export { isLocale };

/*
 * Dutch (the official text and the fallback) and English come with the app; every other language is
 * its own small file, fetched the first time someone chooses it, so nobody downloads nine languages.
 */
const LAZY = import.meta.glob<{ default: Record<string, unknown> }>(['./*.json', '!./nl-BE.json', '!./en.json']);

async function loadLocale(locale: Locale): Promise<void> {
  if (i18n.hasResourceBundle(locale, 'translation')) return;
  const load = LAZY[`./${locale}.json`];
  if (load) i18n.addResourceBundle(locale, 'translation', (await load()).default, true, true);
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
  // Arabic and Dari read right to left: the layout mirrors through CSS logical properties.
  document.documentElement.dir = directionOf(locale);
  setApiLocale(locale);
}

const BUNDLED: readonly Locale[] = ['nl-BE', 'en'];

export function initI18n(): typeof i18n {
  const stored = storedLocale() ?? DEFAULT_LOCALE;
  // A language that still has to be fetched starts in Dutch for the moment it takes.
  const initial = BUNDLED.includes(stored) ? stored : DEFAULT_LOCALE;
  i18n.on('languageChanged', (lng) => {
    if (isLocale(lng)) applyToDocument(lng);
  });
  void i18n.use(initReactI18next).init({
    resources: { 'nl-BE': { translation: nlBE }, en: { translation: en } },
    partialBundledLanguages: true,
    lng: initial,
    fallbackLng: DEFAULT_LOCALE,
    supportedLngs: [...LOCALES],
    load: 'currentOnly',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  applyToDocument(initial);
  if (stored !== initial) void loadLocale(stored).then(() => i18n.changeLanguage(stored));
  return i18n;
}

/** Switches the UI language and remembers it on this device. */
export async function changeLocale(locale: Locale): Promise<void> {
  rememberLocale(locale);
  await loadLocale(locale);
  await i18n.changeLanguage(locale);
}

export function useLocale(): Locale {
  const { i18n: instance } = useTranslation();
  return isLocale(instance.language) ? instance.language : DEFAULT_LOCALE;
}
