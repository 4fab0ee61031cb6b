import { describe, expect, it } from 'vitest';
import { brusselsDay, brusselsMonthStart } from './brussels-day.ts';

describe('the calendar day in Brussels', () => {
  it('is already tomorrow in the last hour(s) before midnight UTC', () => {
    expect(brusselsDay(new Date('2026-12-01T23:30:00Z'))).toBe('2026-12-02');
    expect(brusselsDay('2026-06-30T22:30:00Z')).toBe('2026-07-01');
    expect(brusselsDay('2026-06-30T21:59:00Z')).toBe('2026-06-30');
  });
});

describe('the first day of a Brussels month', () => {
  it('counts back whole months from the Brussels month, across a year', () => {
    expect(brusselsMonthStart(new Date('2026-12-31T23:30:00Z'))).toBe('2027-01-01');
    expect(brusselsMonthStart(new Date('2026-01-05T12:00:00Z'), 11)).toBe('2025-02-01');
  });
});
