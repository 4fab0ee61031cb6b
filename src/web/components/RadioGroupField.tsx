import type { ReactNode } from 'react';
import { Radio, RadioGroup } from 'react-aria-components';
import { FieldHead } from './FieldHead.tsx';
import styles from './Field.module.css';

export interface RadioOption {
  value: string;
  label: ReactNode;
  /** A second line under the label, e.g. a contact or a count. */
  description?: ReactNode;
}

interface RadioGroupFieldProps {
  id: string;
  label: ReactNode;
  options: readonly RadioOption[];
  value: string | null;
  onChange: (value: string) => void;
  error?: string | undefined;
  description?: ReactNode;
}

/** One choice out of a few, all visible at once (easier than a select on a phone). */
export function RadioGroupField({ id, label, options, value, onChange, error, description }: RadioGroupFieldProps) {
  return (
    <RadioGroup
      id={id}
      className={styles.group}
      value={value}
      onChange={onChange}
      isInvalid={Boolean(error)}
      validationBehavior="aria"
      name={id}
    >
      <FieldHead label={label} description={description} error={error} />
      <div className={styles.options}>
        {options.map((option) => (
          <Radio key={option.value} value={option.value} className={styles.checkbox}>
            {({ isSelected }) => (
              <>
                <span className={`${styles.box} ${styles.round}`} aria-hidden="true">
                  {isSelected ? '●' : ''}
                </span>
                <span>
                  <span>{option.label}</span>
                  {option.description && <span className={styles.optionDescription}>{option.description}</span>}
                </span>
              </>
            )}
          </Radio>
        ))}
      </div>
    </RadioGroup>
  );
}
