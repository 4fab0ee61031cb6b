import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS, fromCsv, toCsv, type CsvRow } from './csv.ts';

const row = (over: Partial<CsvRow>): CsvRow => ({ ...Object.fromEntries(CSV_COLUMNS.map((c) => [c, ''])) as CsvRow, ...over });

describe('social map CSV', () => {
  it('reads back what it writes, with ; quotes and line breaks inside cells', () => {
    const rows = [row({ organisation: 'CKG "De Wieg"', service: 'Opvoedingsondersteuning; thuis', description: 'Twee\nregels', postcodes: '2000 2018', waitingWeeks: '6' })];
    const parsed = fromCsv(toCsv(rows));
    expect(parsed.errors).toEqual([]);
    expect(parsed.rows).toEqual(rows);
  });

  it('takes columns by header name and reports the lines it cannot use', () => {
    const text = 'service;organisation;waitingWeeks;postcodes\r\nBudgetbegeleiding;OCMW;veel;2000\r\n;CAW;;20x0\r\n';
    const parsed = fromCsv(text);
    expect(parsed.rows[0]).toMatchObject({ organisation: 'OCMW', service: 'Budgetbegeleiding' });
    expect(parsed.errors).toEqual([{ line: 2, column: 'waitingWeeks' }, { line: 3, column: 'service' }, { line: 3, column: 'postcodes' }]);
  });
});
