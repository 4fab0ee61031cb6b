/** Why a trajectory ended. */
export const CLOSURE_REASONS = ['goals_reached', 'warm_referral', 'family_stopped', 'moved', 'other'] as const;
export type ClosureReason = (typeof CLOSURE_REASONS)[number];
