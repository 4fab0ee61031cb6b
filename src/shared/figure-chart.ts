import type { Locale } from './locales.ts';
import { categoryLabel, figureWords } from './figure-labels.ts';
import type { CollaborationFigure } from './schemas/figures.ts';

/**
 * What a figure's bar chart shows, its one-sentence summary and the drawing itself, shared by the
 * dashboard (drawn as SVG in React) and the printed report (the same SVG in the PDF). Every bar
 * carries its number as text beside it: nothing is told by colour alone.
 */
export interface Bar { label: string; value: number }

export function chartBars(figure: CollaborationFigure, locale: Locale): Bar[] {
  const { chart, rows } = figure;
  if (!chart) return [];
  const words = figureWords(locale);
  if ('parts' in chart) {
    const row = rows[0];
    return chart.parts.map((key) => ({ label: words.columns[key] ?? key, value: Number(row?.[key] ?? 0) }));
  }
  const totals = new Map<string, number>();
  for (const row of rows) {
    const category = String(row[chart.dimension] ?? '');
    totals.set(category, (totals.get(category) ?? 0) + Number(row[chart.measure] ?? 0));
  }
  return [...totals].map(([category, value]) => ({ label: categoryLabel(locale, chart.dimension, category), value }));
}

export const formatNumber = (locale: Locale, n: number) => new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(n);
export const formatShare = (locale: Locale, n: number) => new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(n);

/** One sentence that says what the chart shows, for people who do not read charts (and screen readers). */
export function figureSummary(figure: CollaborationFigure, locale: Locale): string {
  const en = locale === 'en';
  const words = figureWords(locale);
  // One row of numbers: say them all (they are not always parts of one whole).
  if (!figure.chart || 'parts' in figure.chart) {
    const row = figure.rows[0];
    const parts = figure.columns.filter((c) => c.kind !== 'dimension' && row && row[c.key] !== null && row[c.key] !== undefined)
      .map((c) => `${words.columns[c.key] ?? c.key}: ${c.kind === 'share' ? formatShare(locale, Number(row![c.key])) : formatNumber(locale, Number(row![c.key]))}`);
    return parts.length > 0 ? `${parts.join('; ')}.` : en ? 'No figures for this period.' : 'Geen cijfers voor deze periode.';
  }
  const bars = chartBars(figure, locale);
  const total = bars.reduce((n, b) => n + b.value, 0);
  if (total === 0) return en ? 'Nothing counted in this period.' : 'Niets geteld in deze periode.';
  const max = Math.max(...bars.map((b) => b.value));
  const top = bars.filter((b) => b.value === max).map((b) => `"${b.label}"`);
  const joined = top.length === 1 ? top[0]! : `${top.slice(0, -1).join(', ')} ${en ? 'and' : 'en'} ${top[top.length - 1]}`;
  const measure = (words.columns[figure.chart.measure] ?? '').toLowerCase();
  const each = top.length > 1 ? (en ? ' each' : ' elk') : '';
  return en ? `${formatNumber(locale, total)} ${measure} in total; the most for ${joined} (${formatNumber(locale, max)}${each}).`
    : `In totaal ${formatNumber(locale, total)} ${measure}; de meeste bij ${joined} (${formatNumber(locale, max)}${each}).`;
}

/** Geometry of a horizontal bar chart: a label column, the bar, the number after it. */
export const BAR = { height: 22, gap: 6, labelWidth: 190, valueWidth: 60, width: 560 } as const;

export function barLayout(bars: Bar[]) {
  const max = Math.max(1, ...bars.map((b) => b.value));
  const room = BAR.width - BAR.labelWidth - BAR.valueWidth;
  return {
    height: bars.length * (BAR.height + BAR.gap),
    bars: bars.map((b, i) => ({ ...b, y: i * (BAR.height + BAR.gap), width: Math.max(b.value > 0 ? 2 : 0, (b.value / max) * room) })),
  };
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The chart as an SVG document (black on white, for the PDF). */
export function barChartSvg(bars: Bar[], locale: Locale): string {
  const layout = barLayout(bars);
  const items = layout.bars.map((b) => `<text x="0" y="${b.y + 15}" font-size="11">${esc(b.label.length > 30 ? `${b.label.slice(0, 29)}…` : b.label)}</text>`
    + `<rect x="${BAR.labelWidth}" y="${b.y + 3}" width="${b.width.toFixed(1)}" height="${BAR.height - 6}" fill="#333"/>`
    + `<text x="${(BAR.labelWidth + b.width + 6).toFixed(1)}" y="${b.y + 15}" font-size="11">${esc(formatNumber(locale, b.value))}</text>`).join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${BAR.width}" height="${Math.max(layout.height, 1)}" viewBox="0 0 ${BAR.width} ${Math.max(layout.height, 1)}">${items}</svg>`;
}
