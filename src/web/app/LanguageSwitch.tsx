import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { LOCALES } from '../../shared/locales.ts';
import { useLocale } from '../i18n/i18n.ts';
import { useSwitchLocale } from './session.ts';
import styles from './Layout.module.css';

/** Each language is named in itself, so someone who cannot read the current one finds theirs. */
const OWN_NAMES = { 'nl-BE': 'Nederlands', en: 'English' } as const;

export function LanguageSwitch() {
  const { t } = useTranslation();
  const locale = useLocale();
  const switchLocale = useSwitchLocale();
  const labelId = useId();
  return (
    <div className={styles.languages} role="group" aria-labelledby={labelId}>
      <span id={labelId} className={styles.languagesLabel}>
        {t('language.label')}
      </span>
      {LOCALES.map((option) => (
        <button
          key={option}
          type="button"
          lang={option}
          className={styles.languageButton}
          aria-pressed={option === locale}
          onClick={() => void switchLocale(option)}
        >
          {OWN_NAMES[option]}
        </button>
      ))}
    </div>
  );
}
