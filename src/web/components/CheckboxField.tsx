import type { ReactNode } from 'react';
import { Checkbox } from 'react-aria-components';
import styles from './Field.module.css';

interface CheckboxFieldProps {
  id: string;
  label: ReactNode;
  checked: boolean;
  onChange: (checked: boolean) => void;
  error?: string | undefined;
  description?: ReactNode;
  isRequired?: boolean;
}

/** One yes/no question. The error sits above the box and is tied to it, like the other fields. */
export function CheckboxField({ id, label, checked, onChange, error, description, isRequired }: CheckboxFieldProps) {
  const errorId = `${id}-error`;
  const descriptionId = `${id}-description`;
  const describedBy = [error ? errorId : null, description ? descriptionId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={styles.single}>
      {error && (
        <p id={errorId} className={styles.error}>
          {error}
        </p>
      )}
      <Checkbox
        id={id}
        name={id}
        isSelected={checked}
        onChange={onChange}
        isInvalid={Boolean(error)}
        isRequired={isRequired}
        validationBehavior="aria"
        aria-describedby={describedBy}
        className={styles.checkbox}
      >
        {({ isSelected }) => (
          <>
            <span className={styles.box} aria-hidden="true">
              {isSelected ? '✓' : ''}
            </span>
            <span>{label}</span>
          </>
        )}
      </Checkbox>
      {description && (
        <p id={descriptionId} className={styles.description}>
          {description}
        </p>
      )}
    </div>
  );
}
