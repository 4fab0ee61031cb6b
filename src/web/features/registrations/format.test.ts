import { describe, expect, it } from 'vitest';
import { formatShare, isoDate, periodFor } from './format.ts';

describe('dashboard periods', () => {
  it('starts this month on the first, the last three months two months earlier', () => {
    const now = new Date(2026, 10, 23);
    expect(periodFor('thisMonth', now)).toEqual({ from: '2026-11-01', to: '2026-11-23' });
    expect(periodFor('last3Months', now)).toEqual({ from: '2026-09-01', to: '2026-11-23' });
    expect(periodFor('last12Months', new Date(2026, 0, 5))).toEqual({ from: '2025-02-01', to: '2026-01-05' });
    expect(isoDate(new Date(2026, 0, 5))).toBe('2026-01-05');
  });

  it('shows shares as whole percentages', () => {
    expect(formatShare(0.8333, 'en')).toBe('83%');
  });
});
