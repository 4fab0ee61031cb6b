import { useTranslation } from 'react-i18next';
import styles from './States.module.css';

/** Says politely that something is loading; screen readers hear it once. */
export function Loading({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <p className={styles.loading} role="status" aria-live="polite">
      <span className={styles.spinner} aria-hidden="true" />
      {label ?? t('common.loading')}
    </p>
  );
}
