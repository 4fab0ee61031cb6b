import type { Key, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, ListBox, ListBoxItem, Popover, Select, SelectValue } from 'react-aria-components';
import { FieldHead } from './FieldHead.tsx';
import styles from './Field.module.css';

export interface SelectOption {
  value: string;
  /** Plain text: used for type-ahead and read by screen readers. */
  label: string;
  /** Decoration shown before the label, hidden from screen readers (the label says it). */
  icon?: string;
}

interface SelectFieldProps {
  id: string;
  label: ReactNode;
  options: readonly SelectOption[];
  value: string | null;
  onChange: (value: string) => void;
  error?: string | undefined;
  description?: ReactNode;
  placeholder?: string;
}

function renderOption(option: SelectOption) {
  return (
    <>
      {option.icon && <span aria-hidden="true">{option.icon}</span>}
      <span>{option.label}</span>
    </>
  );
}

export function SelectField({ id, label, options, value, onChange, error, description, placeholder }: SelectFieldProps) {
  const { t } = useTranslation();
  return (
    <Select
      id={id}
      className={styles.field}
      value={value}
      onChange={(key: Key | null) => {
        if (key !== null) onChange(String(key));
      }}
      isInvalid={Boolean(error)}
      validationBehavior="aria"
      placeholder={placeholder ?? t('common.choose')}
      name={id}
    >
      <FieldHead label={label} description={description} error={error} />
      <Button className={styles.selectButton}>
        <SelectValue<SelectOption>>
          {({ selectedItems, isPlaceholder, defaultChildren }) => {
            const selected = selectedItems[0];
            return isPlaceholder || !selected ? defaultChildren : renderOption(selected);
          }}
        </SelectValue>
        <span aria-hidden="true">▾</span>
      </Button>
      <Popover className={styles.popover}>
        <ListBox className={styles.listBox} items={options.map((o) => ({ ...o, id: o.value }))}>
          {(option) => (
            <ListBoxItem id={option.value} textValue={option.label} className={styles.option}>
              {renderOption(option)}
            </ListBoxItem>
          )}
        </ListBox>
      </Popover>
    </Select>
  );
}
