import { describe, expect, it } from 'vitest';
import { formatShare, periodFor } from './format.ts';

describe('dashboard periods', () => {
  it('starts this month on the first, the last three months two months earlier', () => {
    const now = new Date(2026, 10, 23);
    expect(periodFor('thisMonth', now)).toEqual({ from: '2026-11-01', to: '2026-11-23' });
    expect(periodFor('last3Months', now)).toEqual({ from: '2026-09-01', to: '2026-11-23' });
    expect(periodFor('last12Months', new Date(2026, 0, 5))).toEqual({ from: '2025-02-01', to: '2026-01-05' });
    // Brussels days: at 23:30 UTC on 30 November it is already December in Brussels.
    expect(periodFor('thisMonth', new Date('2026-11-30T23:30:00Z'))).toEqual({ from: '2026-12-01', to: '2026-12-01' });
  });

  it('shows shares as whole percentages', () => {
    expect(formatShare(0.8333, 'en')).toBe('83%');
  });
});
