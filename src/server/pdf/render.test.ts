import pdfmake from 'pdfmake';
import { describe, expect, it } from 'vitest';
import { pdfText } from '../test/pdf.ts';
import { pdfFileName, renderPdf } from './render.ts';

describe('renderPdf', () => {
  it('renders every kind of block with Dutch characters, page numbers and metadata', async () => {
    const pdf = await renderPdf({
      title: 'Gezinsplan van het gezin Peeters', subtitle: 'Ons plan', language: 'nl-BE',
      meta: [{ label: 'Datum', value: '24 november 2026' }, { label: 'Versie', value: '3' }],
      blocks: [
        { kind: 'heading', text: 'Onze doelen', level: 1 },
        { kind: 'paragraph', text: 'Zoë en Noël gaan graag naar de crèche; één doel is bereikt.' },
        { kind: 'list', items: ['Meer rust in huis', 'Schulden afbetalen (€ 1 200)'] },
        { kind: 'table', header: ['Wie', 'Wat', 'Tegen'], rows: [['Oma Rita', 'Sami naar school brengen', '1 december']] },
        { kind: 'keyValue', pairs: [{ label: 'Coach', value: 'Chris' }] },
      ],
    });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(pdf);
    for (const expected of ['Gezinsplan van het gezin Peeters', 'Onze doelen', 'Zoë en Noël', 'crèche', 'één', '€ 1 200', 'Oma Rita', 'Sami naar school brengen', 'pagina 1 van 1', 'Versie']) {
      expect(text).toContain(expected);
    }
    expect(pdf.toString('latin1')).toContain('/Title');
  });

  it('never fetches an image from a URL or reads a file outside its fonts', async () => {
    // Our model has no images; this asks pdfmake itself, as configured by render.ts.
    const tryImage = (image: string) => pdfmake.createPdf({ content: [{ image }], defaultStyle: { font: 'Roboto' } }).getBuffer();
    await expect(tryImage('https://example.org/a.png')).rejects.toThrow(/denied by resource access policy/);
    await expect(tryImage('/etc/passwd')).rejects.toThrow(/access|denied|policy/i);
  });

  it('makes a safe file name', () => {
    expect(pdfFileName('Gezinsplan – Familie Öztürk', '2026-11-24')).toBe('gezinsplan-familie-ozturk-2026-11-24.pdf');
    expect(pdfFileName('***', '2026-11-24')).toBe('document-2026-11-24.pdf');
  });
});
