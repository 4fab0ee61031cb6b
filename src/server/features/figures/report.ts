import type { Locale } from '../../../shared/locales.ts';
import { barChartSvg, chartBars, figureSummary, formatNumber, formatShare } from '../../../shared/figure-chart.ts';
import { categoryLabel, figureWords } from '../../../shared/figure-labels.ts';
import type { CollaborationFigure, CollaborationFigures } from '../../../shared/schemas/figures.ts';
import type { Block, PlainDocument } from '../../pdf/render.ts';

const MAX_ROWS = 60;

/** A cell as a person reads it: categories by name, shares as a percentage. */
export function cellText(locale: Locale, figure: CollaborationFigure, key: string, value: string | number | null | undefined): string {
  const column = figure.columns.find((c) => c.key === key);
  if (value === null || value === undefined) return '–';
  if (typeof value === 'string') return column?.kind === 'dimension' ? categoryLabel(locale, key, value) : value;
  return column?.kind === 'share' ? formatShare(locale, value) : formatNumber(locale, value);
}


/**
 * The steering group's report: per figure its title, how it is counted, the sentence that says
 * what it shows, the chart (with that sentence as its caption) and the numbers as a table.
 */
export function figuresReport(data: CollaborationFigures, locale: Locale, filterNames: { partner: string | null; coach: string | null }, now: Date): PlainDocument {
  const en = locale === 'en';
  const words = figureWords(locale);
  const blocks: Block[] = [];
  for (const figure of data.figures) {
    const summary = figureSummary(figure, locale);
    blocks.push({ kind: 'heading', level: 2, text: words.titles[figure.id] ?? figure.id });
    blocks.push({ kind: 'paragraph', small: true, text: words.notes[figure.id] ?? '' });
    const bars = chartBars(figure, locale);
    if (bars.length > 0 && bars.some((b) => b.value > 0)) blocks.push({ kind: 'drawing', svg: barChartSvg(bars, locale), width: 480, caption: summary });
    else blocks.push({ kind: 'paragraph', text: summary });
    const measures = figure.columns.filter((c) => c.kind !== 'dimension').map((c) => c.key);
    const rows = figure.rows.filter((r) => figure.columns.every((c) => c.kind !== 'dimension') || measures.some((k) => Number(r[k] ?? 0) > 0));
    if (rows.length > 0) {
      blocks.push({
        kind: 'table',
        header: figure.columns.map((c) => words.columns[c.key] ?? c.key),
        rows: rows.slice(0, MAX_ROWS).map((r) => figure.columns.map((c) => cellText(locale, figure, c.key, r[c.key]))),
      });
      if (rows.length > MAX_ROWS) blocks.push({ kind: 'paragraph', small: true, text: en ? `The first ${MAX_ROWS} of ${rows.length} rows; the CSV has them all.` : `De eerste ${MAX_ROWS} van ${rows.length} rijen; de CSV heeft ze allemaal.` });
    }
  }
  const meta = [
    { label: en ? 'Date' : 'Datum', value: new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'Europe/Brussels' }).format(now) },
    { label: en ? 'Period' : 'Periode', value: `${data.from} – ${data.to}` },
    ...(filterNames.partner ? [{ label: words.columns.partnerOrganisation!, value: filterNames.partner }] : []),
    ...(filterNames.coach ? [{ label: words.columns.coach!, value: filterNames.coach }] : []),
  ];
  return {
    title: en ? `Figures for the steering group: ${data.collaborationName}` : `Cijfers voor de stuurgroep: ${data.collaborationName}`,
    meta, language: locale, createdAt: now, blocks,
    footer: en ? 'Counts only: no names of families.' : 'Enkel aantallen: geen namen van gezinnen.',
  };
}
