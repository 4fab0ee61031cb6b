import type { ReactNode } from 'react';
import { TextArea, TextField as AriaTextField } from 'react-aria-components';
import { FieldHead } from './FieldHead.tsx';
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
      <FieldHead label={label} description={description} error={error} optional={optional} />
      <TextArea className={`${styles.input} ${styles.textarea}`} rows={rows} />
    </AriaTextField>
  );
}
