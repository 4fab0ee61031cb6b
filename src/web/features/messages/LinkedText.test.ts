import { describe, expect, it } from 'vitest';
import { splitLinks } from './LinkedText.tsx';

describe('links in a message', () => {
  it('finds http(s) links and leaves everything else as text', () => {
    expect(splitLinks('Zie https://example.org/plan?a=1. En <b>dit</b> javascript:alert(1)')).toEqual([
      { text: 'Zie ' }, { text: 'https://example.org/plan?a=1', href: 'https://example.org/plan?a=1' }, { text: '. En <b>dit</b> javascript:alert(1)' },
    ]);
    expect(splitLinks('geen link')).toEqual([{ text: 'geen link' }]);
  });
});
