import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { FieldError, Label, Text } from 'react-aria-components';
import styles from './Field.module.css';

interface FieldHeadProps {
  label: ReactNode;
  description?: ReactNode;
  error?: string | undefined;
  /** Says "(optional)" after the label: required is the normal case, so only the exception is marked. */
  optional?: boolean | undefined;
}

/**
 * The top of every form field: label, hint and error, in the order a screen reader and a reader
 * on a small screen meet them. Must sit inside a React Aria field, which links them by slot.
 */
export function FieldHead({ label, description, error, optional }: FieldHeadProps) {
  const { t } = useTranslation();
  return (
    <>
      <Label className={styles.label}>
        {label}
        {optional && <span className={styles.optional}> ({t('common.optional')})</span>}
      </Label>
      {description && (
        <Text slot="description" className={styles.description}>
          {description}
        </Text>
      )}
      <FieldError className={styles.error}>{error}</FieldError>
    </>
  );
}
