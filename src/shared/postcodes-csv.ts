import type { PlainMessageKey } from './field-messages.ts';
import type { PostcodeEntry } from './schemas/collaborations.ts';

export interface PostcodeCsvError {
  /** 1-based line number in the text, as an editor shows it. */
  line: number;
  /** A key of shared/field-messages.ts: show it with `plainMessage(message, locale)`. */
  message: PlainMessageKey;
}

export interface PostcodeCsvResult {
  entries: PostcodeEntry[];
  errors: PostcodeCsvError[];
}

const POSTCODE = /^[1-9][0-9]{3}$/;
const MAX_MUNICIPALITY = 80;

const unquote = (s: string) => {
  const t = s.trim();
  return t.length >= 2 && t.startsWith('"') && t.endsWith('"') ? t.slice(1, -1).replace(/""/g, '"').trim() : t;
};

/**
 * Reads a list of postcodes for the collaboration settings: one `postcode;municipality` or
 * `postcode,municipality` per line (spreadsheets in Belgium save with `;`), an optional header row,
 * blank lines skipped, values trimmed and quotes removed. A postcode+municipality given twice (in any
 * letter case) is kept once. Lines that cannot be read are reported with their line number; the rest
 * is still returned, so the person can fix only those lines.
 */
export function parsePostcodeCsv(text: string): PostcodeCsvResult {
  const entries: PostcodeEntry[] = [];
  const errors: PostcodeCsvError[] = [];
  const seen = new Set<string>();
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  let sawData = false;
  lines.forEach((raw, index) => {
    const line = index + 1;
    if (raw.trim() === '') return;
    const separator = raw.includes(';') ? ';' : raw.includes(',') ? ',' : raw.includes('\t') ? '\t' : null;
    const [first = '', ...rest] = separator ? raw.split(separator) : [raw];
    const postcode = unquote(first);
    const municipality = unquote(rest.join(separator ?? ''));
    if (!sawData && !/^\d/.test(postcode)) {
      // A header row ("postcode;gemeente") before the first data line.
      sawData = true;
      return;
    }
    sawData = true;
    if (!POSTCODE.test(postcode)) {
      errors.push({ line, message: 'postcode' });
      return;
    }
    if (municipality === '') {
      errors.push({ line, message: 'required' });
      return;
    }
    if (municipality.length > MAX_MUNICIPALITY) {
      errors.push({ line, message: 'invalid' });
      return;
    }
    const key = `${postcode}|${municipality.toLowerCase()}`;
    if (seen.has(key)) return;
    seen.add(key);
    entries.push({ postcode, municipality });
  });
  return { entries, errors };
}
