import { sql, type SQL } from 'drizzle-orm';

/**
 * The median (as `percentile_cont(0.5)`: the middle value, or the mean of the two middle ones) of
 * a histogram `(collaboration_id, v, n)`: n times the value v, one row per collaboration and value.
 * Rows with n of 0 or less and values that are null are left out. Gives `(collaboration_id, median)`.
 */
export const weightedMedian = (histogram: SQL) => sql`(
  select x.collaboration_id,
    (min(x.v) filter (where x.below >= floor((x.total - 1) / 2.0) + 1) + min(x.v) filter (where x.below >= ceil((x.total - 1) / 2.0) + 1)) / 2.0 as median
  from (
    select h.collaboration_id, h.v, sum(h.n) over (partition by h.collaboration_id order by h.v) as below, sum(h.n) over (partition by h.collaboration_id) as total
    from ${histogram} h where h.n > 0 and h.v is not null
  ) x
  group by x.collaboration_id)`;
