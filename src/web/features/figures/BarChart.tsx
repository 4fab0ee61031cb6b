import { useId } from 'react';
import { BAR, barLayout, formatNumber, type Bar } from '../../../shared/figure-chart.ts';
import type { Locale } from '../../../shared/locales.ts';
import styles from './Figures.module.css';

/**
 * A horizontal bar chart drawn by hand in SVG: a few bars with their label and number as text,
 * so nothing depends on colour, and the table beside it says the same. A charting library was
 * not worth its weight for bars alone, and ours is the same drawing the PDF report prints
 * (shared/figure-chart.ts). The summary sentence is its accessible name.
 */
export function BarChart({ bars, summaryId, locale }: { bars: Bar[]; summaryId: string; locale: Locale }) {
  const titleId = useId();
  const layout = barLayout(bars);
  return (
    <svg className={styles.chart} role="img" aria-labelledby={summaryId} viewBox={`0 0 ${BAR.width} ${Math.max(layout.height, 1)}`}
      aria-describedby={titleId}>
      <desc id={titleId}>{bars.map((b) => `${b.label}: ${formatNumber(locale, b.value)}`).join('; ')}</desc>
      {layout.bars.map((b) => (
        <g key={b.label}>
          <text x={0} y={b.y + 15} className={styles.chartLabel}>{b.label.length > 30 ? `${b.label.slice(0, 29)}…` : b.label}</text>
          <rect x={BAR.labelWidth} y={b.y + 3} width={b.width} height={BAR.height - 6} className={styles.chartBar} />
          <text x={BAR.labelWidth + b.width + 6} y={b.y + 15} className={styles.chartValue}>{formatNumber(locale, b.value)}</text>
        </g>
      ))}
    </svg>
  );
}
