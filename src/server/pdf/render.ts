import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import pdfmake from 'pdfmake';
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';

/**
 * Plain-language documents as PDF (the family plan, the steering group's report): our own small
 * model, rendered by pdfmake with the Roboto fonts it ships, A4, black and white, ≥ 11 pt.
 */
export type Block =
  | { kind: 'heading'; text: string; level: 1 | 2 }
  | { kind: 'paragraph'; text: string; bold?: boolean; italic?: boolean; small?: boolean }
  | { kind: 'list'; items: string[] }
  | { kind: 'table'; header: string[]; rows: string[][]; widths?: (number | '*' | 'auto')[] }
  | { kind: 'keyValue'; pairs: { label: string; value: string }[] };

export interface PlainDocument {
  title: string;
  subtitle?: string;
  meta: { label: string; value: string }[];
  language: 'nl-BE' | 'en';
  blocks: Block[];
}

const fontDir = join(dirname(createRequire(import.meta.url).resolve('pdfmake/package.json')), 'fonts', 'Roboto');
pdfmake.setFonts({
  Roboto: {
    normal: join(fontDir, 'Roboto-Regular.ttf'), bold: join(fontDir, 'Roboto-Medium.ttf'),
    italics: join(fontDir, 'Roboto-Italic.ttf'), bolditalics: join(fontDir, 'Roboto-MediumItalic.ttf'),
  },
});
// A document is built from our own texts only: never fetch a URL, never read a file but the fonts.
pdfmake.setUrlAccessPolicy(() => false);
pdfmake.setLocalAccessPolicy((path) => resolve(path).startsWith(fontDir));

const pageOf = { 'nl-BE': (n: number, of: number) => `pagina ${n} van ${of}`, en: (n: number, of: number) => `page ${n} of ${of}` };

function contentOf(block: Block): Content {
  switch (block.kind) {
    case 'heading':
      return { text: block.text, style: block.level === 1 ? 'h1' : 'h2' };
    case 'paragraph':
      return { text: block.text, bold: block.bold ?? false, italics: block.italic ?? false, fontSize: block.small ? 10 : 11.5, margin: [0, 0, 0, 6] };
    case 'list':
      return { ul: block.items, margin: [0, 0, 0, 8] };
    case 'table':
      return {
        table: { headerRows: 1, widths: block.widths ?? block.header.map(() => '*'), body: [block.header.map((h) => ({ text: h, bold: true })), ...block.rows] },
        layout: 'lightHorizontalLines', margin: [0, 0, 0, 10],
      };
    case 'keyValue':
      return { table: { widths: ['auto', '*'], body: block.pairs.map((p) => [{ text: p.label, bold: true }, p.value]) }, layout: 'noBorders', margin: [0, 0, 0, 8] };
  }
}

export async function renderPdf(doc: PlainDocument): Promise<Buffer> {
  const definition: TDocumentDefinitions = {
    pageSize: 'A4',
    pageMargins: [50, 50, 50, 60],
    info: { title: doc.title, author: 'gezinsplan', subject: doc.subtitle ?? doc.title, creator: 'gezinsplan' },
    language: doc.language,
    defaultStyle: { font: 'Roboto', fontSize: 11.5, lineHeight: 1.25 },
    styles: { title: { fontSize: 20, bold: true }, h1: { fontSize: 15, bold: true, margin: [0, 14, 0, 6] }, h2: { fontSize: 12.5, bold: true, margin: [0, 10, 0, 4] } },
    footer: (page, pages) => ({ text: `${doc.title} · ${pageOf[doc.language](page, pages)}`, alignment: 'center', fontSize: 9, margin: [0, 20, 0, 0] }),
    content: [
      { text: doc.title, style: 'title' },
      ...(doc.subtitle ? [{ text: doc.subtitle, fontSize: 12, margin: [0, 2, 0, 8] } as Content] : []),
      contentOf({ kind: 'keyValue', pairs: doc.meta }),
      ...doc.blocks.map(contentOf),
    ],
  };
  return pdfmake.createPdf(definition).getBuffer();
}

/** A file name that every system accepts: gezinsplan-familie-peeters-2026-11-24.pdf */
export function pdfFileName(title: string, date: string): string {
  const slug = title.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60);
  return `${slug || 'document'}-${date}.pdf`;
}
