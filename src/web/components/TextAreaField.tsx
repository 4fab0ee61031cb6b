import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { FieldError, Label, Text, TextArea, TextField as AriaTextField } from 'react-aria-components';
import styles from './Field.module.css';

interface TextAreaFieldProps {
  id: string;
  label: ReactNode;
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
  description?: ReactNode;
  optional?: boolean;
  maxLength?: number;
  rows?: number;
}

/** Room for a few sentences, e.g. the family's question in its own words. */
export function TextAreaField({ id, label, value, onChange, error, description, optional, maxLength, rows = 4 }: TextAreaFieldProps) {
  const { t } = useTranslation();
  return (
    <AriaTextField
      id={id}
      className={styles.field}
      value={value}
      onChange={onChange}
      isInvalid={Boolean(error)}
      isRequired={!optional}
      validationBehavior="aria"
      name={id}
      maxLength={maxLength}
    >
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
      <TextArea className={`${styles.input} ${styles.textarea}`} rows={rows} />
    </AriaTextField>
  );
}
