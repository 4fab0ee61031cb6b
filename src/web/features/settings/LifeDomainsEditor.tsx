import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PICTOGRAMS, PICTOGRAM_KEYS, type Pictogram } from '../../../shared/pictograms.ts';
import { TextField } from '../../components/TextField.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { Button } from '../../components/Button.tsx';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { focusSoon } from '../../components/focus.ts';
import { withContext } from '../../components/with-context.ts';
import type { FieldErrors } from '../../components/form-errors.ts';
import formStyles from '../../components/Form.module.css';
import { moveItem, newRowKey, type LifeDomainRow } from './settings-form.ts';
import styles from './Settings.module.css';

interface LifeDomainsEditorProps {
  rows: LifeDomainRow[];
  onChange: (rows: LifeDomainRow[]) => void;
  errors: FieldErrors;
  idFor: (field: string) => string;
}

type Column = 'labelNl' | 'labelEn' | 'pictogram';

export function LifeDomainsEditor({ rows, onChange, errors, idFor }: LifeDomainsEditorProps) {
  const { t } = useTranslation();
  const [removing, setRemoving] = useState<LifeDomainRow | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const field = (index: number, column: Column) => `lifeDomains.${index}.${column}`;
  const buttonId = (row: LifeDomainRow, action: 'up' | 'down') => `${idFor('lifeDomains')}-${row.key}-${action}`;
  const nameOf = (row: LifeDomainRow) => row.labelNl.trim() || t('settings.lifeDomains.untitled');
  const pictogramOptions = PICTOGRAM_KEYS.map((key) => ({ value: key, label: t(`pictograms.${key}`), icon: PICTOGRAMS[key] }));

  const setRow = (index: number, patch: Partial<LifeDomainRow>) =>
    onChange(rows.map((row, i) => (i === index ? { ...row, ...patch } : row)));

  const move = (index: number, delta: -1 | 1) => {
    const row = rows[index];
    if (!row) return;
    const position = index + delta;
    onChange(moveItem(rows, index, delta));
    setAnnouncement(t('settings.lifeDomains.moved', { name: nameOf(row), position: position + 1, total: rows.length }));
    // Stay on the same button; at the top or bottom it is disabled, so take the other one.
    const atEdge = position === 0 || position === rows.length - 1;
    const direction = delta === -1 ? 'up' : 'down';
    focusSoon(buttonId(row, atEdge ? (direction === 'up' ? 'down' : 'up') : direction));
  };

  const add = () => {
    onChange([...rows, { key: newRowKey(), labelNl: '', labelEn: '', pictogram: 'other' }]);
    focusSoon(idFor(field(rows.length, 'labelNl')));
  };

  const confirmRemove = () => {
    if (!removing) return;
    onChange(rows.filter((row) => row.key !== removing.key));
    setAnnouncement(t('settings.lifeDomains.removed', { name: nameOf(removing) }));
    setRemoving(null);
    // The row's own buttons are gone; continue from "add", right below the list.
    setTimeout(() => focusSoon(idFor('lifeDomains')), 0);
  };

  return (
    <section className={formStyles.section} aria-labelledby="settings-life-domains-title">
      <h2 id="settings-life-domains-title" className={formStyles.legend}>
        {t('settings.lifeDomains.title')}
      </h2>
      <p>{t('settings.lifeDomains.intro')}</p>
      <ol className={styles.rows}>
        {rows.map((row, index) => (
          <li key={row.key}>
            <fieldset className={styles.domain}>
              <legend className={styles.domainLegend}>
                <span aria-hidden="true">{PICTOGRAMS[row.pictogram]} </span>
                {index + 1}. {nameOf(row)}
              </legend>
              <div className={styles.domainFields}>
                <TextField id={idFor(field(index, 'labelNl'))} label={t('settings.lifeDomains.labelNl')} value={row.labelNl} onChange={(labelNl) => setRow(index, { labelNl })} error={errors[field(index, 'labelNl')]} autoComplete="off" />
                <TextField id={idFor(field(index, 'labelEn'))} label={t('settings.lifeDomains.labelEn')} value={row.labelEn} onChange={(labelEn) => setRow(index, { labelEn })} error={errors[field(index, 'labelEn')]} autoComplete="off" />
                <SelectField
                  id={idFor(field(index, 'pictogram'))}
                  label={t('settings.lifeDomains.pictogram')}
                  options={pictogramOptions}
                  value={row.pictogram}
                  onChange={(pictogram) => setRow(index, { pictogram: pictogram as Pictogram })}
                  error={errors[field(index, 'pictogram')]}
                />
              </div>
              <div className={styles.rowActions}>
                <Button id={buttonId(row, 'up')} isDisabled={index === 0} onPress={() => move(index, -1)} aria-label={withContext(t('settings.lifeDomains.moveUp'), nameOf(row))}>
                  <span aria-hidden="true">↑</span> {t('settings.lifeDomains.moveUp')}
                </Button>
                <Button id={buttonId(row, 'down')} isDisabled={index === rows.length - 1} onPress={() => move(index, 1)} aria-label={withContext(t('settings.lifeDomains.moveDown'), nameOf(row))}>
                  <span aria-hidden="true">↓</span> {t('settings.lifeDomains.moveDown')}
                </Button>
                <Button variant="quiet" onPress={() => setRemoving(row)} aria-label={withContext(t('common.remove'), nameOf(row))}>
                  {t('common.remove')}
                </Button>
              </div>
            </fieldset>
          </li>
        ))}
      </ol>
      {errors.lifeDomains && <p className={styles.listError}>{errors.lifeDomains}</p>}
      <Button id={idFor('lifeDomains')} onPress={add}>
        <span aria-hidden="true">+</span> {t('settings.lifeDomains.add')}
      </Button>
      <p role="status" className="visually-hidden">
        {announcement}
      </p>
      <ConfirmDialog
        isOpen={removing !== null}
        title={t('settings.lifeDomains.removeTitle', { name: removing ? nameOf(removing) : '' })}
        confirmLabel={t('settings.lifeDomains.removeConfirm')}
        onConfirm={confirmRemove}
        onCancel={() => setRemoving(null)}
      >
        <p>{t('settings.lifeDomains.removeBody')}</p>
      </ConfirmDialog>
    </section>
  );
}
