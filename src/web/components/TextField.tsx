import type { ReactNode } from 'react';
import { Input, TextField as AriaTextField } from 'react-aria-components';
import { FieldHead } from './FieldHead.tsx';
import styles from './Field.module.css';

interface TextFieldProps {
  /** Also the target of the error summary's link. */
  id: string;
  label: ReactNode;
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
  description?: ReactNode;
  optional?: boolean;
  type?: 'text' | 'email' | 'password' | 'tel' | 'date';
  inputMode?: 'text' | 'email' | 'tel' | 'numeric';
  autoComplete?: string;
  isReadOnly?: boolean;
  narrow?: boolean;
  maxLength?: number;
  /** The form field name; the id when left out. */
  name?: string;
}

export function TextField({ id, label, value, onChange, error, description, optional, narrow, type = 'text', ...rest }: TextFieldProps) {
  return (
    <AriaTextField
      id={id}
      className={styles.field}
      value={value}
      onChange={onChange}
      isInvalid={Boolean(error)}
      isRequired={!optional && !rest.isReadOnly}
      validationBehavior="aria"
      type={type}
      inputMode={rest.inputMode}
      autoComplete={rest.autoComplete}
      isReadOnly={rest.isReadOnly}
      name={rest.name ?? id}
      maxLength={rest.maxLength}
    >
      <FieldHead label={label} description={description} error={error} optional={optional} />
      <Input className={narrow ? `${styles.input} ${styles.narrow}` : styles.input} spellCheck={type === 'text' ? undefined : false} />
    </AriaTextField>
  );
}
