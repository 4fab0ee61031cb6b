/*
 * LIX (läsbarhetsindex, Björnsson) scores how hard a text is to read: the mean sentence length
 * plus the share of long words. It needs no syllable rules, so it works for Dutch as it is;
 * below about 40 a text is easy, 40–50 is ordinary, above 50 is hard.
 */

/** Placeholders and markup are not words the reader sees as written; they count as one short word. */
function plainWords(text: string): string[] {
  const cleaned = text.replace(/\{\{[^}]*\}\}/g, 'X').replace(/<[^>]*>/g, ' ');
  return cleaned.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu) ?? [];
}

/** A sentence ends at . ! ? : ; or a line break; a text without such an end is one sentence. */
export function sentenceCount(text: string): number {
  const parts = text.split(/[.!?:;\n]+/).filter((part) => plainWords(part).length > 0);
  return Math.max(parts.length, 1);
}

export interface LixScore {
  words: number;
  sentences: number;
  longWords: number;
  lix: number;
}

/** A long word has more than six letters (the LIX definition). */
export const LONG_WORD_LETTERS = 6;

/** Scores several texts as one: each text is at least one sentence (a label, a button, a line). */
export function lix(texts: readonly string[]): LixScore {
  let words = 0;
  let sentences = 0;
  let longWords = 0;
  for (const text of texts) {
    const found = plainWords(text);
    if (found.length === 0) continue;
    words += found.length;
    sentences += sentenceCount(text);
    longWords += found.filter((w) => w.replace(/['’-]/g, '').length > LONG_WORD_LETTERS).length;
  }
  const score = words === 0 ? 0 : words / sentences + (100 * longWords) / words;
  return { words, sentences, longWords, lix: Math.round(score * 10) / 10 };
}

/** The words in a text longer than LONG_WORD_LETTERS, to show what makes a text hard. */
export function longWordsOf(text: string): string[] {
  return plainWords(text).filter((w) => w.replace(/['’-]/g, '').length > LONG_WORD_LETTERS);
}
