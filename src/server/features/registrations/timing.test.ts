import { describe, expect, it } from 'vitest';
import { brusselsDate, brusselsTime, daysSince, firstContactDueBy, nextDigestAt, timingOf } from './timing.ts';

const defaults = { firstContactTargetDays: 30, warningThresholdDays: 21 };
const now = new Date('2026-11-23T10:00:00Z');
const daysAgo = (n: number) => new Date(now.getTime() - n * 86_400_000);
const open = (receivedAt: Date) => ({ status: 'new' as const, receivedAt, firstContactAt: null });

describe('timing', () => {
  it('counts whole calendar days in Brussels', () => {
    expect(daysSince(now, now)).toBe(0);
    expect(daysSince(daysAgo(25), now)).toBe(25);
    // 23:30 UTC on the 22nd is already the 23rd in Brussels: 0 days.
    expect(daysSince(new Date('2026-11-22T23:30:00Z'), now)).toBe(0);
    // Yesterday 22:50 Brussels time is one day ago, however few hours have passed.
    expect(daysSince(new Date('2026-11-22T21:50:00Z'), new Date('2026-11-23T06:00:00Z'))).toBe(1);
    // Across the change to winter time (25 October 2026) a day is still a day.
    expect(daysSince(new Date('2026-10-24T22:30:00Z'), new Date('2026-10-26T08:00:00Z'))).toBe(1);
  });

  it('is on track at 10 days, a warning from 21 to 30 days (due that day), overdue at 31', () => {
    expect(timingOf(open(daysAgo(10)), defaults, now)).toBe('on_track');
    expect(timingOf(open(daysAgo(20)), defaults, now)).toBe('on_track');
    expect(timingOf(open(daysAgo(21)), defaults, now)).toBe('warning');
    expect(timingOf(open(daysAgo(25)), defaults, now)).toBe('warning');
    expect(timingOf(open(daysAgo(30)), defaults, now)).toBe('warning');
    expect(timingOf(open(daysAgo(31)), defaults, now)).toBe('overdue');
    expect(timingOf(open(daysAgo(31)), { firstContactTargetDays: 14, warningThresholdDays: 7 }, now)).toBe('overdue');
    expect(timingOf(open(daysAgo(7)), { firstContactTargetDays: 14, warningThresholdDays: 7 }, now)).toBe('warning');
  });

  it('is done once first contact is made or the registration is no longer new', () => {
    expect(timingOf({ status: 'first_contact', receivedAt: daysAgo(40), firstContactAt: daysAgo(2) }, defaults, now)).toBe('done');
    expect(timingOf({ status: 'not_started', receivedAt: daysAgo(40), firstContactAt: null }, defaults, now)).toBe('done');
  });

  it('makes first contact due the target number of days after registration', () => {
    expect(firstContactDueBy(new Date('2026-11-01T09:00:00Z'), 30).toISOString()).toBe('2026-12-01T09:00:00.000Z');
  });

  it('finds wall-clock times in Brussels in winter and summer', () => {
    expect(brusselsTime('2026-11-23', 7).toISOString()).toBe('2026-11-23T06:00:00.000Z');
    expect(brusselsTime('2026-07-01', 7).toISOString()).toBe('2026-07-01T05:00:00.000Z');
    expect(brusselsDate(new Date('2026-07-01T22:30:00Z'))).toBe('2026-07-02');
  });

  it('runs the digest at the next 07:00 in Brussels', () => {
    expect(nextDigestAt(new Date('2026-11-23T05:00:00Z')).toISOString()).toBe('2026-11-23T06:00:00.000Z');
    expect(nextDigestAt(new Date('2026-11-23T06:00:00Z')).toISOString()).toBe('2026-11-24T06:00:00.000Z');
    expect(nextDigestAt(new Date('2026-11-23T10:00:00Z')).toISOString()).toBe('2026-11-24T06:00:00.000Z');
  });
});
