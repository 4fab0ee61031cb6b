import type { Content, CustomTableLayout, Node, TDocumentDefinitions } from 'pdfmake/interfaces';
import { translator } from '../i18n/translate.ts';
import type { Block, LabelledValue, PlainDocument } from './model.ts';

/**
 * How a PlainDocument looks on paper. Made for black-and-white printers and for readers who find
 * reading hard: A4, ≥ 11 pt body text, headings set apart by size, weight and space (never by
 * colour alone), black rules, and every page saying what it is, when, and which page of how many.
 */

const MARGIN_X = 56; // 2 cm: room to punch holes and to hold the page
const BODY = 11.5;
const SMALL = 10;
const FOOTER = 'footer';

// Black rules only: grey hairlines vanish on cheap printers and copies. A heavier rule under the
// header row says "column titles" without shading.
const ruled: CustomTableLayout = {
  hLineWidth: (i, node) => (i === 1 || i === node.table.body.length ? 1 : 0.5),
  vLineWidth: () => 0,
  hLineColor: () => 'black',
  paddingLeft: (i) => (i === 0 ? 0 : 6),
  paddingRight: (i, node) => (i === (node.table.widths?.length ?? 0) - 1 ? 0 : 6),
  paddingTop: () => 4,
  paddingBottom: () => 4,
};

const unruled: CustomTableLayout = {
  hLineWidth: () => 0,
  vLineWidth: () => 0,
  paddingLeft: (i) => (i === 0 ? 0 : 10),
  paddingRight: () => 0,
  paddingTop: () => 1,
  paddingBottom: () => 1,
};

function keyValue(pairs: LabelledValue[]): Content {
  return {
    table: { widths: ['auto', '*'], dontBreakRows: true, body: pairs.map((p) => [{ text: p.label, bold: true }, p.value]) },
    layout: unruled,
    margin: [0, 0, 0, 10],
  };
}

/** Kept on one page with its caption; the caption is the drawing in words. */
const drawing = (block: Extract<Block, { kind: 'drawing' }>): Content => ({
  stack: [{ svg: block.svg, width: block.width, alignment: 'center' }, { text: block.caption, fontSize: SMALL, italics: true, margin: [0, 4, 0, 12] }],
  unbreakable: true,
});

/** Bookmarks mirror the headings, so a long plan can be navigated in a PDF reader. */
function contentOf(blocks: Block[]): Content[] {
  let chapter = 0;
  return blocks.flatMap((block, i): Content | Content[] => {
    switch (block.kind) {
      case 'heading': {
        if (block.level === 1) chapter += 1;
        const heading: Content = {
          text: block.text, style: block.level === 1 ? 'h1' : 'h2', headlineLevel: block.level, outline: true,
          ...(block.level === 1 ? { id: `h${chapter}` } : chapter > 0 ? { outlineParentId: `h${chapter}` } : {}),
        };
        // A drawing does not break over pages: its heading goes along with it to the next page.
        const next = blocks[i + 1];
        return next?.kind === 'drawing' ? { stack: [heading, drawing(next)], unbreakable: true } : heading;
      }
      case 'paragraph':
        return {
          text: block.text, bold: block.bold ?? false, italics: block.italic ?? false,
          fontSize: block.small ? SMALL : BODY, margin: [0, 0, 0, 8],
        };
      case 'list':
        return { ul: block.items.map((text) => ({ text, margin: [0, 0, 0, 3] })), margin: [0, 0, 0, 8] };
      case 'table':
        return {
          table: {
            headerRows: 1, // repeated on every page the table runs over
            dontBreakRows: true,
            widths: block.widths ?? block.header.map(() => '*'),
            // pdfmake throws on a short row; an empty cell is the honest rendering of a missing value.
            body: [block.header.map((text) => ({ text, bold: true })), ...block.rows.map((row) => block.header.map((_, c) => row[c] ?? ''))],
          },
          layout: ruled,
          margin: [0, 2, 0, 12],
        };
      case 'keyValue':
        return keyValue(block.pairs);
      case 'drawing':
        return blocks[i - 1]?.kind === 'heading' ? [] : drawing(block);
      case 'pageBreak':
        // A break with nothing after it would print an empty page with only a footer.
        return i === blocks.length - 1 || blocks[i + 1]?.kind === 'pageBreak' ? [] : { text: '', pageBreak: 'after' };
    }
  });
}

export function documentDefinition(doc: PlainDocument): TDocumentDefinitions {
  // The first meta value is the date by convention (see PlainDocument.meta).
  const footerLine = [doc.title, doc.meta[0]?.value].filter(Boolean).join(' · ');
  return {
    pageSize: 'A4',
    pageMargins: [MARGIN_X, 56, MARGIN_X, doc.footer ? 78 : 64],
    language: doc.language,
    displayTitle: true, // readers show "Gezinsplan van …", not "export(3).pdf"
    info: {
      title: doc.title, author: 'gezinsplan', creator: 'gezinsplan',
      subject: doc.subtitle ?? doc.title, creationDate: doc.createdAt ?? new Date(),
    },
    defaultStyle: { font: 'Roboto', fontSize: BODY, lineHeight: 1.3 },
    styles: {
      title: { fontSize: 22, bold: true, lineHeight: 1.1, margin: [0, 0, 0, 4] },
      subtitle: { fontSize: 13, margin: [0, 0, 0, 12] },
      h1: { fontSize: 16, bold: true, margin: [0, 16, 0, 6] },
      h2: { fontSize: 13, bold: true, margin: [0, 10, 0, 4] },
      [FOOTER]: { fontSize: SMALL },
    },
    // A heading never ends a page: it moves to the next page together with what it heads.
    // pdfmake counts the footer's nodes as "following on the page", hence the footer style on each.
    pageBreakBefore: (node, queries) => {
      const content = (nodes: Node[]) => nodes.filter((next) => next.style !== FOOTER);
      return Boolean(node.headlineLevel) && content(queries.getFollowingNodesOnPage()).length === 0
        && content(queries.getNodesOnNextPage()).length > 0;
    },
    footer: (page, pages, size) => ({
      style: FOOTER,
      margin: [MARGIN_X, 18, MARGIN_X, 0],
      stack: [
        { style: FOOTER, canvas: [{ type: 'line', x1: 0, y1: 0, x2: size.width - 2 * MARGIN_X, y2: 0, lineWidth: 0.5 }], margin: [0, 0, 0, 4] },
        {
          style: FOOTER, columnGap: 12,
          columns: [{ style: FOOTER, text: footerLine, width: '*' }, { style: FOOTER, text: translator(doc.language)('pdf.pageOf', { page, pages }), width: 'auto' }],
        },
        ...(doc.footer ? [{ style: FOOTER, text: doc.footer, margin: [0, 2, 0, 0] } satisfies Content] : []),
      ],
    }),
    content: [
      { text: doc.title, style: 'title' },
      ...(doc.subtitle ? [{ text: doc.subtitle, style: 'subtitle' } satisfies Content] : []),
      ...(doc.meta.length > 0 ? [keyValue(doc.meta)] : []),
      ...contentOf(doc.blocks),
    ],
  };
}
