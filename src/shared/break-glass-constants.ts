/** How a use of emergency access was judged afterwards. */
export const BREAK_GLASS_REVIEW_STATUSES = ['pending', 'justified', 'not_justified'] as const;
export type BreakGlassReviewStatus = (typeof BREAK_GLASS_REVIEW_STATUSES)[number];

/** The reason must say something: at least this many characters. */
export const BREAK_GLASS_REASON_MIN = 20;
export const BREAK_GLASS_REASON_MAX = 1000;
/** Default and bounds of how long one use lasts, in hours (a collaboration setting). */
export const BREAK_GLASS_DEFAULT_HOURS = 4;
export const BREAK_GLASS_MAX_HOURS = 24;
