import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import pdfmake from 'pdfmake';
import type { TFontDictionary } from 'pdfmake/interfaces';

/**
 * pdfmake on a server can fetch URLs and read any file a document definition names (images,
 * attachments, fonts). Our documents are built from our own texts only, so it may read its own
 * font files and nothing else: a text that slipped into a definition as a path or URL can then
 * neither leak a server file into a family's PDF nor make the server call out.
 */

// Roboto as shipped inside the pdfmake package (TTF, covers ë é ï ö ü € ’ “ ”): no font download,
// no system fonts, the same glyphs on every machine.
const robotoDir = join(dirname(createRequire(import.meta.url).resolve('pdfmake/package.json')), 'fonts', 'Roboto');

export const FONTS = {
  Roboto: {
    normal: join(robotoDir, 'Roboto-Regular.ttf'),
    // pdfmake's Roboto has no Bold; Medium is what its own examples use for bold.
    bold: join(robotoDir, 'Roboto-Medium.ttf'),
    italics: join(robotoDir, 'Roboto-Italic.ttf'),
    bolditalics: join(robotoDir, 'Roboto-MediumItalic.ttf'),
  },
} as const satisfies TFontDictionary;

// Exact files, not a folder prefix: "…/Roboto-evil/x" or "…/Roboto/../../secret" must not pass.
const fontFiles: ReadonlySet<string> = new Set(Object.values(FONTS).flatMap((family) => Object.values(family)));

/** pdfmake's local access policy: only our font files. */
export function allowLocalFile(path: string): boolean {
  return fontFiles.has(resolve(path));
}

/** pdfmake's URL access policy: never fetch anything. */
export function allowUrl(): boolean {
  return false;
}

/**
 * The pdfmake module is one shared instance; this sets our fonts and policies on it. Called at
 * import and again right before every document, so code elsewhere that loosens the shared
 * instance cannot loosen our documents (createPdf reads the policies synchronously).
 */
export function lockedPdfmake(): typeof pdfmake {
  pdfmake.setFonts(structuredClone(FONTS));
  pdfmake.setUrlAccessPolicy(allowUrl);
  pdfmake.setLocalAccessPolicy(allowLocalFile);
  return pdfmake;
}

lockedPdfmake();
