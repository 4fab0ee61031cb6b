import type { Locale } from '../../shared/locales.ts';

/**
 * Our own small model of a printable document. Features describe what to say; `layout.ts` alone
 * decides how it looks, so every PDF of the product reads and prints alike, and pdfmake's large
 * definition format (with images, URLs and files) never reaches feature code.
 */
export type Block =
  | { kind: 'heading'; text: string; level: 1 | 2 }
  | { kind: 'paragraph'; text: string; bold?: boolean; italic?: boolean; small?: boolean }
  | { kind: 'list'; items: string[] }
  /** `widths` in points, '*' (share the rest) or 'auto' (fit the content); default all '*'. */
  | { kind: 'table'; header: string[]; rows: string[][]; widths?: ColumnWidth[] }
  | { kind: 'keyValue'; pairs: LabelledValue[] }
  /** A drawing of our own (no images, no links), `width` in points; `caption` says in words what it shows. */
  | { kind: 'drawing'; svg: string; width: number; caption: string }
  | { kind: 'pageBreak' };

export type ColumnWidth = number | '*' | 'auto';

export interface LabelledValue {
  label: string;
  value: string;
}

export interface PlainDocument {
  title: string;
  subtitle?: string;
  /**
   * Shown under the title (date, version, …). Put the date first: its value is repeated in every
   * page's footer next to the title, so a loose printed page still says what it is and when.
   */
  meta: LabelledValue[];
  language: Locale;
  /** An extra line under the footer, e.g. "Vertrouwelijk: enkel voor het gezin en zijn netwerk". */
  footer?: string;
  /** The PDF's creation date; pass the app's clock so tests can move time. Default: now. */
  createdAt?: Date;
  blocks: Block[];
}
