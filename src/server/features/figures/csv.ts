import type { FigureColumn } from '../../../shared/schemas/figures.ts';

/**
 * A figure as CSV: `;` separated (as Belgian spreadsheets save), a header row with the column
 * keys (stable, documented in the JSON Schema), categories as their codes, numbers with a point,
 * "<5" where the government view suppresses. Pure, so it is tested on its own.
 */
type Cell = string | number | null;
const quote = (v: string) => (/[;"\r\n]/.test(v) || v !== v.trim() ? `"${v.replace(/"/g, '""')}"` : v);
const text = (v: Cell) => (v === null || v === undefined ? '' : String(v));

export function figureCsv(columns: FigureColumn[], rows: Record<string, Cell>[], leading: { key: string; values: Cell[] }[] = []): string {
  const header = [...leading.map((l) => l.key), ...columns.map((c) => c.key)];
  const lines = [header.join(';'), ...rows.map((r, i) => [...leading.map((l) => text(l.values[i] ?? null)), ...columns.map((c) => text(r[c.key] ?? null))].map(quote).join(';'))];
  return `${lines.join('\r\n')}\r\n`;
}
