import { describe, expect, it } from 'vitest';
import nlBE from './nl-BE.json';
import { lix, longWordsOf, sentenceCount } from './readability.ts';

type Tree = { [key: string]: string | Tree };

describe('LIX', () => {
  it('is words per sentence plus the percentage of words longer than six letters', () => {
    // 9 words, 2 sentences, 2 long words (gezinscoach, afspraak): 4.5 + 22.2.
    expect(lix(['Bel de gezinscoach. Zij maakt een afspraak met jou.'])).toEqual({ words: 9, sentences: 2, longWords: 2, lix: 26.7 });
  });

  it('counts each text as at least one sentence and a placeholder as one short word', () => {
    expect(lix(['Bel {{name}}', 'Ons plan'])).toEqual({ words: 4, sentences: 2, longWords: 0, lix: 2 });
  });

  it('ends sentences at full stops, question and exclamation marks, colons, semicolons and line breaks', () => {
    expect(sentenceCount('Wie ziet dit? Jij. Ook: de coach\nen verder niemand')).toBe(5);
    expect(sentenceCount('Geen punt')).toBe(1);
  });

  it('scores long official sentences higher than plain ones', () => {
    const official = lix(['Indien u wenst dat bijkomende informatie wordt gedeeld, dient u voorafgaandelijk uw uitdrukkelijke toestemming te verlenen.']);
    const plain = lix(['Wil je meer delen? Zeg dan eerst ja.']);
    expect(official.lix).toBeGreaterThan(50);
    expect(plain.lix).toBeLessThan(10);
  });

  it('names the long words', () => {
    expect(longWordsOf("Bel de gezinscoach of kijk bij 'Gezin en contacten'")).toEqual(['gezinscoach', 'contacten']);
  });
});

/* The texts of the screens a family member, young person or network member uses. */
const FAMILY_SCREEN_TEXTS = ['portal', 'sharing', 'accessLog', 'messages', 'families.view', 'network', 'invite'] as const;
/** Plain Dutch (B1) stays under 12 words a sentence; LIX under 30 for a screen is easy reading. */
const MAX_WORDS_PER_SENTENCE = 12;
const MAX_LIX_PER_TEXT = 45;
const MAX_LIX_PER_SCREEN = 30;
/** Labels and buttons of a few words say little about reading; the limits are for sentences. */
const PROSE_MIN_WORDS = 6;

function textsUnder(path: string): [string, string][] {
  let node: string | Tree = nlBE as unknown as Tree;
  for (const part of path.split('.')) node = (node as Tree)[part] as string | Tree;
  const walk = (tree: string | Tree, prefix: string): [string, string][] =>
    typeof tree === 'string' ? [[prefix, tree]] : Object.entries(tree).flatMap(([k, v]) => walk(v, `${prefix}.${k}`));
  return walk(node, path);
}

describe('the Dutch of the family screens', () => {
  for (const screen of FAMILY_SCREEN_TEXTS) {
    const prose = textsUnder(screen).filter(([, text]) => text.trim().split(/\s+/).length >= PROSE_MIN_WORDS);

    it(`${screen}: every sentence is short and plain`, () => {
      const hard = prose
        .map(([key, text]) => ({ key, text, score: lix([text]) }))
        .filter(({ score }) => score.words / score.sentences > MAX_WORDS_PER_SENTENCE || score.lix > MAX_LIX_PER_TEXT)
        .map(({ key, text, score }) => `${key} (LIX ${score.lix}): ${text}`);
      expect(hard).toEqual([]);
    });

    it(`${screen}: the screen as a whole reads easily (LIX ≤ ${MAX_LIX_PER_SCREEN})`, () => {
      expect(prose.length).toBeGreaterThan(0);
      expect(lix(prose.map(([, text]) => text)).lix).toBeLessThanOrEqual(MAX_LIX_PER_SCREEN);
    });
  }
});
