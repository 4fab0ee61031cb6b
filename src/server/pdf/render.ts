import { lockedPdfmake } from './access.ts';
import { documentDefinition } from './layout.ts';
import type { PlainDocument } from './model.ts';

/**
 * Plain-language documents as PDF (the family plan, reports): features build a PlainDocument,
 * this renders it with pdfmake, and `send.ts` hands it to the browser.
 */
export type { Block, ColumnWidth, LabelledValue, PlainDocument } from './model.ts';
export { sendPdf } from './send.ts';

export async function renderPdf(doc: PlainDocument): Promise<Buffer> {
  return lockedPdfmake().createPdf(documentDefinition(doc)).getBuffer();
}

// Letters that NFKD does not split into a base letter and a mark.
const SPELLED_OUT: Record<string, string> = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd', þ: 'th' };

/**
 * A file name every system, mail client and USB stick accepts: lower-case ASCII letters, digits
 * and hyphens, e.g. `gezinsplan-familie-peeters-2026-11-24.pdf`. The readable name with accents
 * travels separately in the Content-Disposition header (see sendPdf).
 */
export function pdfFileName(title: string, date: string): string {
  const slug = (text: string) =>
    text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase()
      .replace(/[ßæœøłđþ]/g, (c) => SPELLED_OUT[c] ?? '')
      .replace(/['’‘`]/g, '') // D’hondt → dhondt, not d-hondt
      .replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  const name = slug(title).slice(0, 60).replace(/-+$/, '') || 'document';
  const day = slug(date);
  return `${name}${day ? `-${day}` : ''}.pdf`;
}
