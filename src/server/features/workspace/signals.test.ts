import { describe, expect, it } from 'vitest';
import { attentionOf, type FamilySignals } from './signals.ts';

const calm: FamilySignals = {
  lastContactOn: '2026-12-01', overdueAgreements: 0, dueSoonAgreements: 0, nextAgreementDueOn: null, evaluationDueOn: null, nextMeeting: null, unreadMessages: 0,
};

describe('what needs attention', () => {
  it('counts a round table today by the Brussels calendar day, not the UTC one', () => {
    // 23:30 UTC on 1 December is half past midnight on 2 December in Brussels.
    const lateUtc = { ...calm, nextMeeting: { at: '2026-12-01T23:30:00.000Z', title: 'Rondetafel' } };
    expect(attentionOf(lateUtc, '2026-12-02')).toMatchObject({ attention: 'now', reasons: ['meeting_today'] });
    expect(attentionOf(lateUtc, '2026-12-01')).toMatchObject({ attention: 'calm', reasons: [] });
  });

  it('has no evaluation to be late for without agreements', () => {
    expect(attentionOf(calm, '2026-12-02')).toMatchObject({ attention: 'calm', reasons: [] });
    expect(attentionOf({ ...calm, evaluationDueOn: '2026-11-30' }, '2026-12-02').reasons).toContain('evaluation_overdue');
  });
});
