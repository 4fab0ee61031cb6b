import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { chartBars, figureSummary } from '../../../shared/figure-chart.ts';
import { figureWords } from '../../../shared/figure-labels.ts';
import type { CollaborationFigure } from '../../../shared/schemas/figures.ts';
import type { Locale } from '../../../shared/locales.ts';
import { BarChart } from './BarChart.tsx';
import { FigureTable } from './FigureTable.tsx';
import styles from './Figures.module.css';

/** One figure: its title, one sentence saying what it shows, how it is counted, the chart, the same numbers as a table, and its CSV. */
export function FigureCard({ figure, locale, csvHref }: { figure: CollaborationFigure; locale: Locale; csvHref: string }) {
  const { t } = useTranslation();
  const summaryId = useId();
  const words = figureWords(locale);
  const title = words.titles[figure.id] ?? figure.id;
  const bars = chartBars(figure, locale);
  return (
    <section className={styles.card} aria-labelledby={`${summaryId}-h`} data-figure={figure.id}>
      <h2 id={`${summaryId}-h`}>{title}</h2>
      <p id={summaryId} className={styles.summary}>{figureSummary(figure, locale)}</p>
      <p className={styles.note}>{words.notes[figure.id]}</p>
      {bars.some((b) => b.value > 0) && <BarChart bars={bars} summaryId={summaryId} locale={locale} />}
      <FigureTable columns={figure.columns} rows={figure.rows} caption={title} locale={locale} />
      <p className={styles.noPrint}>
        <a href={csvHref} download>{t('figures.downloadCsv', { title })}</a>
      </p>
    </section>
  );
}
