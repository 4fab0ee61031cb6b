import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { LOCALES, OWN_NAMES } from '../../shared/locales.ts';
import { useLocale } from '../i18n/i18n.ts';
import { useSwitchLocale } from './session.ts';
import styles from './Layout.module.css';


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
