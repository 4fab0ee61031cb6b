import { useTranslation } from 'react-i18next';
import { Button } from './Button.tsx';
import { errorText } from './error-text.ts';
import styles from './States.module.css';

interface ErrorStateProps {
  error: unknown;
  onRetry?: () => void;
  isRetrying?: boolean;
}

export function ErrorState({ error, onRetry, isRetrying }: ErrorStateProps) {
  const { t } = useTranslation();
  return (
    <div className={styles.error} role="alert">
      <p className={styles.title}>{t('errors.loadFailed')}</p>
      <p>{errorText(error, t)}</p>
      {onRetry && (
        <Button variant="secondary" onPress={onRetry} isPending={isRetrying}>
          {t('common.retry')}
        </Button>
      )}
    </div>
  );
}
