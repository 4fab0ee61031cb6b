import { describe, expect, it } from 'vitest';
import { brusselsInstant, dayOf, timeSpan } from './format.ts';

describe('Brussels times', () => {
  it('turns a Brussels day and time into the right instant, in winter and in summer', () => {
    expect(brusselsInstant('2027-01-14', '18:00')).toBe('2027-01-14T17:00:00.000Z');
    expect(brusselsInstant('2027-07-14', '18:00')).toBe('2027-07-14T16:00:00.000Z');
    expect(brusselsInstant('2027-01-14', 'xx')).toBe('');
  });
  it('shows instants in Brussels time', () => {
    expect(dayOf('2027-01-14T23:30:00Z')).toBe('2027-01-15');
    expect(timeSpan('2027-01-14T17:00:00Z', '2027-01-14T17:30:00Z', 'nl-BE')).toBe('18:00–18:30');
  });
});
