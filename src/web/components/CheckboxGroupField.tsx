import type { ReactNode } from 'react';
import { Checkbox, CheckboxGroup } from 'react-aria-components';
import { FieldHead } from './FieldHead.tsx';
import styles from './Field.module.css';

export interface CheckboxOption {
  value: string;
  label: ReactNode;
  lang?: string;
}

interface CheckboxGroupFieldProps {
  id: string;
  label: ReactNode;
  options: readonly CheckboxOption[];
  value: string[];
  onChange: (value: string[]) => void;
  error?: string | undefined;
  description?: ReactNode;
}

export function CheckboxGroupField({ id, label, options, value, onChange, error, description }: CheckboxGroupFieldProps) {
  return (
    <CheckboxGroup
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
          <Checkbox key={option.value} value={option.value} className={styles.checkbox}>
            {({ isSelected }) => (
              <>
                <span className={styles.box} aria-hidden="true">
                  {isSelected ? '✓' : ''}
                </span>
                <span lang={option.lang}>{option.label}</span>
              </>
            )}
          </Checkbox>
        ))}
      </div>
    </CheckboxGroup>
  );
}
