import { useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { parsePostcodeCsv, type PostcodeCsvError } from '../../../shared/postcodes-csv.ts';
import { plainMessage } from '../../../shared/field-messages.ts';
import { useLocale } from '../../i18n/i18n.ts';
import { Alert } from '../../components/Alert.tsx';
import { TextField } from '../../components/TextField.tsx';
import { Button } from '../../components/Button.tsx';
import { focusSoon } from '../../components/focus.ts';
import { withContext } from '../../components/with-context.ts';
import type { FieldErrors } from '../../components/form-errors.ts';
import formStyles from '../../components/Form.module.css';
import { newRowKey, type PostcodeRow } from './settings-form.ts';
import styles from './Settings.module.css';

interface PostcodesEditorProps {
  rows: PostcodeRow[];
  onChange: (rows: PostcodeRow[]) => void;
  errors: FieldErrors;
  idFor: (field: string) => string;
}

/** The working area: each row a postcode and its municipality. Removing a row needs no confirmation: it is easy to add again. */
export function PostcodesEditor({ rows, onChange, errors, idFor }: PostcodesEditorProps) {
  const { t } = useTranslation();
  const field = (index: number, column: 'postcode' | 'municipality') => `postcodes.${index}.${column}`;

  const setRow = (index: number, patch: Partial<PostcodeRow>) =>
    onChange(rows.map((row, i) => (i === index ? { ...row, ...patch } : row)));

  const add = () => {
    onChange([...rows, { key: newRowKey(), postcode: '', municipality: '' }]);
    focusSoon(idFor(field(rows.length, 'postcode')));
  };

  const remove = (index: number) => {
    onChange(rows.filter((_, i) => i !== index));
    // Keep the keyboard where it was: on the row that slid up, else the one above, else "add".
    const next = rows.length - 1 === 0 ? idFor('postcodes') : idFor(field(Math.min(index, rows.length - 2), 'postcode'));
    focusSoon(next);
  };

  return (
    <section className={formStyles.section} aria-labelledby="settings-postcodes-title">
      <h2 id="settings-postcodes-title" className={formStyles.legend}>
        {t('settings.postcodes.title')}
      </h2>
      <p>{t('settings.postcodes.intro')}</p>
      {rows.length === 0 && <p className={styles.none}>{t('settings.postcodes.none')}</p>}
      <ul className={styles.rows}>
        {rows.map((row, index) => (
          <li key={row.key}>
            <fieldset className={styles.postcodeRow}>
              <legend className="visually-hidden">{t('settings.postcodes.row', { row: index + 1 })}</legend>
              <TextField
                id={idFor(field(index, 'postcode'))}
                label={t('settings.postcodes.postcode')}
                value={row.postcode}
                onChange={(postcode) => setRow(index, { postcode })}
                error={errors[field(index, 'postcode')]}
                inputMode="numeric"
                maxLength={4}
                narrow
                autoComplete="off"
              />
              <TextField
                id={idFor(field(index, 'municipality'))}
                label={t('settings.postcodes.municipality')}
                value={row.municipality}
                onChange={(municipality) => setRow(index, { municipality })}
                error={errors[field(index, 'municipality')]}
                autoComplete="off"
              />
              <Button
                variant="quiet"
                className={styles.rowButton}
                onPress={() => remove(index)}
                aria-label={withContext(t('common.remove'), t('settings.postcodes.row', { row: index + 1 }))}
              >
                {t('common.remove')}
              </Button>
            </fieldset>
          </li>
        ))}
      </ul>
      {errors.postcodes && <p className={styles.listError}>{errors.postcodes}</p>}
      <Button id={idFor('postcodes')} onPress={add}>
        <span aria-hidden="true">+</span> {t('settings.postcodes.add')}
      </Button>
      <PostcodesImport rows={rows} onChange={onChange} />
    </section>
  );
}

type ImportMode = 'merge' | 'replace';
interface ImportResult {
  added: number;
  total: number;
  errors: PostcodeCsvError[];
  mode: ImportMode;
}

/** Reads a CSV file in the browser and puts its rows in the form; the admin checks them and saves as usual. */
function PostcodesImport({ rows, onChange }: { rows: PostcodeRow[]; onChange: (rows: PostcodeRow[]) => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [mode, setMode] = useState<ImportMode>('merge');
  const [result, setResult] = useState<ImportResult | null>(null);
  const [failed, setFailed] = useState(false);

  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    setResult(null);
    setFailed(false);
    let text: string;
    try {
      text = await file.text();
    } catch {
      setFailed(true);
      return;
    }
    const { entries, errors } = parsePostcodeCsv(text);
    const keyOf = (p: { postcode: string; municipality: string }) => `${p.postcode}|${p.municipality.trim().toLowerCase()}`;
    const base = mode === 'replace' ? [] : rows;
    const known = new Set(base.map(keyOf));
    const fresh = entries.filter((e) => !known.has(keyOf(e))).map((e) => ({ ...e, key: newRowKey() }));
    onChange([...base, ...fresh]);
    setResult({ added: fresh.length, total: entries.length, errors, mode });
  };

  return (
    <div className={styles.import}>
      <h3>{t('settings.postcodes.import.title')}</h3>
      <p>{t('settings.postcodes.import.intro')}</p>
      <fieldset className={styles.importMode}>
        <legend>{t('settings.postcodes.import.mode')}</legend>
        {(['merge', 'replace'] as const).map((m) => (
          <label key={m} className={styles.importOption}>
            <input type="radio" name="postcodes-import-mode" value={m} checked={mode === m} onChange={() => setMode(m)} />{' '}
            {t(`settings.postcodes.import.${m}`)}
          </label>
        ))}
      </fieldset>
      <label htmlFor="settings-postcodes-file" className={styles.fileLabel}>
        {t('settings.postcodes.import.file')}
      </label>
      <input id="settings-postcodes-file" type="file" accept=".csv,text/csv,text/plain" className={styles.file} onChange={(e) => void onFile(e)} />
      {failed && <Alert tone="error">{t('settings.postcodes.import.unreadable')}</Alert>}
      {result && (
        <Alert tone={result.errors.length > 0 ? 'warning' : 'success'}>
          {t(result.mode === 'replace' ? 'settings.postcodes.import.replaced' : 'settings.postcodes.import.merged', { count: result.added, total: result.total })}{' '}
          {t('settings.postcodes.import.saveHint')}
        </Alert>
      )}
      {result && result.errors.length > 0 && (
        <div className={styles.importErrors}>
          <p>{t('settings.postcodes.import.problems', { count: result.errors.length })}</p>
          <ul>
            {result.errors.map((e) => (
              <li key={e.line}>{t('settings.postcodes.import.line', { line: e.line, message: plainMessage(e.message, locale) })}</li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
