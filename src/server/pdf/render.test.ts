import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import pdfmake from 'pdfmake';
import { afterAll, describe, expect, it } from 'vitest';
import { allowLocalFile, allowUrl, FONTS } from './access.ts';
import { pdfFileName, renderPdf, type Block, type PlainDocument } from './render.ts';

// The text checks read the PDF the way a reader's software does, with poppler. Without it a
// developer's run skips them; CI must not pass silently, so there they fail and say why.
const hasPoppler = !spawnSync('pdftotext', ['-v']).error;
const withPoppler = it.skipIf(!hasPoppler && !process.env.CI);
const folder = mkdtempSync(join(tmpdir(), 'gezinsplan-pdf-test-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

function poppler(tool: 'pdftotext' | 'pdfinfo' | 'pdffonts', pdf: Buffer, ...args: string[]): string {
  if (!hasPoppler) throw new Error(`${tool} is missing: install Debian's poppler-utils (apt-get install -y poppler-utils); CI is set, so this fails instead of skipping`);
  const file = join(folder, `${tool}-${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(file, pdf);
  return execFileSync(tool, [...args, file, ...(tool === 'pdftotext' ? ['-'] : [])], { encoding: 'utf8' });
}

/** Text per page; pdftotext ends every page with a form feed. */
const pagesOf = (pdf: Buffer) => poppler('pdftotext', pdf, '-layout').split('\f').slice(0, -1);

const plan: PlainDocument = {
  title: 'Gezinsplan van het gezin Peeters', subtitle: 'Ons plan: wat we willen bereiken', language: 'nl-BE',
  meta: [{ label: 'Datum', value: '24 november 2026' }, { label: 'Versie', value: '3' }],
  footer: 'Vertrouwelijk: enkel voor het gezin en zijn netwerk',
  createdAt: new Date('2026-11-24T09:30:00Z'),
  blocks: [
    { kind: 'heading', text: 'Onze doelen', level: 1 },
    { kind: 'paragraph', text: 'Zoë en Noël gaan graag naar de crèche; één doel is bereikt.' },
    { kind: 'paragraph', text: 'Mama zegt: “Ik wil een naïeve vraag stellen” – oké, dat mag.', italic: true },
    { kind: 'heading', text: 'Rust in huis', level: 2 },
    { kind: 'list', items: ['Meer rust in huis', 'Schulden afbetalen (€ 1 200)', 'D’hondt belt de school'] },
    { kind: 'table', header: ['Wie', 'Wat', 'Tegen'], rows: [['Oma Rita', 'Sami naar school brengen', '1 december'], ['Papa', 'Afspraak maken']], widths: ['auto', '*', 'auto'] },
    { kind: 'keyValue', pairs: [{ label: 'Coach', value: 'Chris Öztürk' }] },
    { kind: 'paragraph', text: 'Geschreven in eenvoudige taal.', small: true, bold: true },
    { kind: 'pageBreak' },
    { kind: 'heading', text: 'Wie doet wat', level: 1 },
    { kind: 'paragraph', text: 'Dit staat op de tweede bladzijde.' },
  ],
};

describe('renderPdf', () => {
  withPoppler('renders every kind of block with Dutch characters, and a footer on every page', async () => {
    const pdf = await renderPdf(plan);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const pages = pagesOf(pdf);
    expect(pages).toHaveLength(2);
    const [first = '', second = ''] = pages;
    for (const text of [
      'Gezinsplan van het gezin Peeters', 'Ons plan: wat we willen bereiken', 'Datum', '24 november 2026', 'Versie',
      'Onze doelen', 'Rust in huis', 'Zoë en Noël', 'crèche', 'één', '“Ik wil een naïeve vraag stellen” – oké',
      '€ 1 200', 'D’hondt', 'Oma Rita', 'Sami naar school brengen', 'Afspraak maken', 'Chris Öztürk', 'Geschreven in eenvoudige taal.',
    ]) expect(first).toContain(text);
    expect(first).not.toContain('Wie doet wat');
    expect(second).toContain('Wie doet wat');
    expect(second).toContain('Dit staat op de tweede bladzijde.');
    // Every page says what it is, when, and where in the document it belongs.
    for (const [i, page] of pages.entries()) {
      expect(page).toMatch(new RegExp(`Gezinsplan van het gezin Peeters · 24 november 2026 +pagina ${i + 1} van 2`));
      expect(page).toContain('Vertrouwelijk: enkel voor het gezin en zijn netwerk');
    }
  });

  withPoppler('sets title, author, subject, creation date and language, and embeds its own font', async () => {
    const pdf = await renderPdf(plan);
    const info = poppler('pdfinfo', pdf, '-isodates');
    expect(info).toMatch(/^Title: +Gezinsplan van het gezin Peeters$/m);
    expect(info).toMatch(/^Author: +gezinsplan$/m);
    expect(info).toMatch(/^Subject: +Ons plan: wat we willen bereiken$/m);
    expect(info).toMatch(/^CreationDate: +2026-11-24T09:30:00/m);
    expect(info).toMatch(/^Page size: +595\.28 x 841\.89 pts \(A4\)/m);
    expect(pdf.toString('latin1')).toContain('/Lang (nl-BE)');
    const fonts = poppler('pdffonts', pdf).split('\n').slice(2).filter(Boolean);
    expect(fonts.length).toBeGreaterThan(0);
    for (const font of fonts) expect(font).toMatch(/Roboto.* yes +yes +yes /); // embedded, subset, unicode map
  });

  withPoppler('speaks English, and repeats a long table’s header on the next page', async () => {
    const rows = Array.from({ length: 70 }, (_, i) => [`person ${i + 1}`, `task number ${i + 1}`]);
    const pdf = await renderPdf({
      title: 'Family plan', language: 'en', meta: [{ label: 'Date', value: '24 November 2026' }],
      blocks: [{ kind: 'table', header: ['Who', 'What'], rows }],
    });
    const pages = pagesOf(pdf);
    expect(pages.length).toBeGreaterThan(1);
    expect(pages[0]).toMatch(/Family plan · 24 November 2026 +page 1 of \d/);
    expect(pages[1]).toMatch(/Who +What/);
    expect(pages.at(-1)).toContain('person 70');
  });

  withPoppler('keeps a heading on the page of what it heads, and prints no empty pages', async () => {
    const pageOf = (pages: string[], text: string) => pages.findIndex((page) => page.includes(text));
    const placed = [];
    for (let lines = 18; lines <= 34; lines++) { // somewhere in here the heading reaches the page's end
      const filler = Array.from({ length: lines }, (_, i): Block => ({ kind: 'paragraph', text: `regel ${i}` }));
      const pages = pagesOf(await renderPdf({
        title: 'T', language: 'nl-BE', meta: [],
        blocks: [...filler, { kind: 'heading', level: 1, text: 'Kop' }, { kind: 'paragraph', text: 'Tekst onder de kop' }, { kind: 'pageBreak' }, { kind: 'pageBreak' }],
      }));
      expect(pageOf(pages, 'Kop'), `${lines} lines`).toBe(pageOf(pages, 'Tekst onder de kop'));
      placed.push(pageOf(pages, 'Kop'));
      expect(pages.at(-1)).toContain('Tekst onder de kop');
    }
    expect(placed).toContain(0);
    expect(placed).toContain(1);
  });
});

describe('pdfmake access policies', () => {
  it('allows our font files and nothing else', () => {
    for (const file of Object.values(FONTS.Roboto)) expect(allowLocalFile(file)).toBe(true);
    const fontDir = dirname(FONTS.Roboto.normal);
    for (const path of ['/etc/passwd', join(fontDir, '..', '..', 'package.json'), `${fontDir}-evil/Roboto-Regular.ttf`, 'Roboto-Regular.ttf', fontDir]) {
      expect(allowLocalFile(path), path).toBe(false);
    }
    expect(allowUrl()).toBe(false);
  });

  it('makes pdfmake refuse URLs and other files, even after someone loosened the shared instance', async () => {
    pdfmake.setUrlAccessPolicy(() => true);
    pdfmake.setLocalAccessPolicy(() => true);
    await renderPdf({ title: 't', language: 'en', meta: [], blocks: [] }); // puts our policies back
    // pdfmake fetches URLs named in `images` (an inline URL would be read as a file path).
    const withImage = (src: string) => pdfmake.createPdf({ images: { src }, content: [{ image: 'src' }], defaultStyle: { font: 'Roboto' } }).getBuffer();
    await expect(withImage('https://example.org/a.png')).rejects.toThrow('Access to URL denied by resource access policy: https://example.org/a.png');
    await expect(withImage('/etc/passwd')).rejects.toThrow('Access to local file denied by resource access policy: /etc/passwd');
    const withFile = pdfmake.createPdf({ content: ['x'], files: { f: { src: '/etc/hostname' } }, defaultStyle: { font: 'Roboto' } }).getBuffer();
    await expect(withFile).rejects.toThrow('Access to local file denied');
  });
});

describe('pdfFileName', () => {
  it('makes a safe ASCII file name', () => {
    expect(pdfFileName('Gezinsplan familie Peeters', '2026-11-24')).toBe('gezinsplan-familie-peeters-2026-11-24.pdf');
    expect(pdfFileName('Gezinsplan – Familie Öztürk', '2026-11-24')).toBe('gezinsplan-familie-ozturk-2026-11-24.pdf');
    expect(pdfFileName('Gezin D’hondt & Søren Weiß', '2026-11-24')).toBe('gezin-dhondt-soren-weiss-2026-11-24.pdf');
    expect(pdfFileName('../../etc/passwd', '2026-11-24')).toBe('etc-passwd-2026-11-24.pdf');
    expect(pdfFileName('***', '2026-11-24')).toBe('document-2026-11-24.pdf');
    expect(pdfFileName('a'.repeat(100), '2026/11/24')).toBe(`${'a'.repeat(60)}-2026-11-24.pdf`);
  });
});
