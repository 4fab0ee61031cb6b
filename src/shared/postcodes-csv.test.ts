import { describe, expect, it } from 'vitest';
import { parsePostcodeCsv } from './postcodes-csv.ts';

describe('parsePostcodeCsv', () => {
  it('reads semicolon and comma lines, with a header row, trimming and skipping blank lines', () => {
    const text = 'postcode;gemeente\r\n2000; Antwerpen \n\n  2018 , Antwerpen\r\n"2100";"Deurne"\n   \n';
    expect(parsePostcodeCsv(text)).toEqual({
      entries: [
        { postcode: '2000', municipality: 'Antwerpen' },
        { postcode: '2018', municipality: 'Antwerpen' },
        { postcode: '2100', municipality: 'Deurne' },
      ],
      errors: [],
    });
  });

  it('works without a header row and with a byte-order mark', () => {
    expect(parsePostcodeCsv('\uFEFF9000,Gent\n9030,Mariakerke').entries).toEqual([
      { postcode: '9000', municipality: 'Gent' },
      { postcode: '9030', municipality: 'Mariakerke' },
    ]);
  });

  it('keeps a place given twice once, whatever the letter case', () => {
    expect(parsePostcodeCsv('9040;Sint-Amandsberg\n9040;sint-amandsberg\n9040;Sint-Amandsberg').entries).toEqual([
      { postcode: '9040', municipality: 'Sint-Amandsberg' },
    ]);
  });

  it('keeps one postcode shared by two municipalities as two entries', () => {
    expect(parsePostcodeCsv('1790;Affligem\n1790;Hekelgem').entries).toHaveLength(2);
  });

  it('reports unreadable lines by their line number and keeps the good ones', () => {
    const result = parsePostcodeCsv('postcode,municipality\n200,Antwerpen\n2000,\n0999;Nergens\n2060;Antwerpen\n2100\nabcd;Deurne\n2140;' + 'x'.repeat(81));
    expect(result.entries).toEqual([{ postcode: '2060', municipality: 'Antwerpen' }]);
    expect(result.errors).toEqual([
      { line: 2, message: 'postcode' },
      { line: 3, message: 'required' },
      { line: 4, message: 'postcode' },
      { line: 6, message: 'required' },
      { line: 7, message: 'postcode' },
      { line: 8, message: 'invalid' },
    ]);
  });

  it('treats only the first non-blank line as a possible header', () => {
    expect(parsePostcodeCsv('\n\nPostcode;Gemeente\nPostcode;Gemeente').errors).toEqual([{ line: 4, message: 'postcode' }]);
  });

  it('gives nothing for empty text', () => {
    expect(parsePostcodeCsv('')).toEqual({ entries: [], errors: [] });
  });
});
