/**
 * The social map as CSV for spreadsheets: `;` separated (as Belgian spreadsheets save), a header
 * row, quotes where a value needs them. Life domains by name (several joined with `|`), postcodes
 * joined with spaces. Pure: no database, so it is tested on its own.
 */

export const CSV_COLUMNS = [
  'id', 'organisation', 'service', 'description', 'lifeDomains', 'targetGroup', 'postcodes', 'howToRegister', 'contact',
  'waitingWeeks', 'waitingNote', 'waitingConfirmedAt',
] as const;
export type CsvColumn = (typeof CSV_COLUMNS)[number];
export type CsvRow = Record<CsvColumn, string>;

const quote = (v: string) => (/[;"\r\n]/.test(v) || v !== v.trim() ? `"${v.replace(/"/g, '""')}"` : v);

export function toCsv(rows: readonly CsvRow[]): string {
  const lines = [CSV_COLUMNS.join(';'), ...rows.map((r) => CSV_COLUMNS.map((c) => quote(r[c])).join(';'))];
  return `${lines.join('\r\n')}\r\n`;
}

/** Splits CSV text into records of cells, honouring quoted cells with `;`, quotes and line breaks. */
export function parseCells(text: string): string[][] {
  const records: string[][] = [];
  let cell = '';
  let record: string[] = [];
  let quoted = false;
  const src = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < src.length; i++) {
    const ch = src[i]!;
    if (quoted) {
      if (ch === '"' && src[i + 1] === '"') { cell += '"'; i++; } else if (ch === '"') quoted = false; else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ';') { record.push(cell); cell = ''; } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && src[i + 1] === '\n') i++;
      record.push(cell);
      if (record.some((c) => c.trim() !== '')) records.push(record);
      record = []; cell = '';
    } else cell += ch;
  }
  record.push(cell);
  if (record.some((c) => c.trim() !== '')) records.push(record);
  return records;
}

export interface CsvParseResult { rows: CsvRow[]; errors: { line: number; column: string }[] }

/** Reads rows by the header's column names (any order; unknown columns ignored; organisation and service required). */
export function fromCsv(text: string): CsvParseResult {
  const [header, ...records] = parseCells(text);
  const errors: CsvParseResult['errors'] = [];
  if (!header) return { rows: [], errors: [{ line: 1, column: 'organisation' }] };
  const index = new Map(header.map((h, i) => [h.trim(), i]));
  const rows: CsvRow[] = [];
  records.forEach((cells, n) => {
    const row = Object.fromEntries(CSV_COLUMNS.map((c) => [c, (index.has(c) ? cells[index.get(c)!] ?? '' : '').trim()])) as CsvRow;
    for (const required of ['organisation', 'service'] as const) if (row[required] === '') errors.push({ line: n + 2, column: required });
    if (row.waitingWeeks !== '' && !/^\d{1,3}$/.test(row.waitingWeeks)) errors.push({ line: n + 2, column: 'waitingWeeks' });
    if (row.waitingConfirmedAt !== '' && Number.isNaN(Date.parse(row.waitingConfirmedAt))) errors.push({ line: n + 2, column: 'waitingConfirmedAt' });
    if (row.postcodes !== '' && !row.postcodes.split(/\s+/).every((p) => /^\d{4}$/.test(p))) errors.push({ line: n + 2, column: 'postcodes' });
    rows.push(row);
  });
  return { rows, errors };
}
