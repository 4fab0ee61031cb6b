import { useTranslation } from 'react-i18next';
import { categoryLabel, figureWords } from '../../../shared/figure-labels.ts';
import { formatNumber, formatShare } from '../../../shared/figure-chart.ts';
import type { FigureColumn } from '../../../shared/schemas/figures.ts';
import type { Locale } from '../../../shared/locales.ts';
import styles from './Figures.module.css';

type Cell = string | number | null | undefined;
type Row = Record<string, Cell>;

export function cellText(locale: Locale, column: FigureColumn | undefined, value: Cell): string {
  if (value === null || value === undefined) return '–';
  if (typeof value === 'string') return column?.kind === 'dimension' ? categoryLabel(locale, column.key, value) : value;
  return column?.kind === 'share' ? formatShare(locale, value) : formatNumber(locale, value);
}

/**
 * A figure as a table, the way to read it without the chart: with two categories a cross table
 * (first category down, second across, the first count in the cells), otherwise one row per
 * category (or one row of numbers), rows with nothing counted left out.
 */
export function FigureTable({ columns, rows, caption, locale }: { columns: FigureColumn[]; rows: Row[]; caption: string; locale: Locale }) {
  const { t } = useTranslation();
  const words = figureWords(locale);
  const dims = columns.filter((c) => c.kind === 'dimension');
  const measures = columns.filter((c) => c.kind !== 'dimension');
  const counted = (r: Row) => measures.some((m) => r[m.key] !== 0 && r[m.key] !== null);
  const name = (key: string) => words.columns[key] ?? key;

  if (dims.length === 2) {
    const [down, across] = dims as [FigureColumn, FigureColumn];
    const measure = measures[0]!;
    const kept = rows.filter(counted);
    const downValues = [...new Set(kept.map((r) => String(r[down.key])))];
    const acrossValues = [...new Set(kept.map((r) => String(r[across.key])))];
    if (kept.length === 0) return <p>{t('figures.nothingCounted')}</p>;
    const find = (d: string, a: string) => kept.find((r) => String(r[down.key]) === d && String(r[across.key]) === a)?.[measure.key];
    return (
      <div className={styles.tableWrap} tabIndex={0} role="region" aria-label={caption}>
        <table className={styles.table}>
          <caption>{caption} ({name(measure.key).toLowerCase()})</caption>
          <thead><tr><th scope="col">{name(down.key)}</th>{acrossValues.map((a) => <th key={a} scope="col">{categoryLabel(locale, across.key, a)}</th>)}</tr></thead>
          <tbody>
            {downValues.map((d) => (
              <tr key={d}><th scope="row">{categoryLabel(locale, down.key, d)}</th>{acrossValues.map((a) => <td key={a}>{cellText(locale, measure, find(d, a) ?? 0)}</td>)}</tr>
            ))}
          </tbody>
        </table>
      </div>
    );
  }
  const kept = dims.length === 0 ? rows : rows.filter(counted);
  if (kept.length === 0) return <p>{t('figures.nothingCounted')}</p>;
  return (
    <div className={styles.tableWrap} tabIndex={0} role="region" aria-label={caption}>
      <table className={styles.table}>
        <caption>{caption}</caption>
        <thead><tr>{columns.map((c) => <th key={c.key} scope="col">{name(c.key)}</th>)}</tr></thead>
        <tbody>
          {kept.map((r, i) => (
            <tr key={i}>
              {columns.map((c) => (c.kind === 'dimension'
                ? <th key={c.key} scope="row">{cellText(locale, c, r[c.key])}</th>
                : <td key={c.key}>{cellText(locale, c, r[c.key])}</td>))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
