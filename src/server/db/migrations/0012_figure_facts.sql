CREATE TABLE "coach_facts" (
	"collaboration_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"family_id" uuid NOT NULL,
	"started_on" date NOT NULL,
	"closed_on" date,
	CONSTRAINT "coach_facts_pk" PRIMARY KEY("collaboration_id","user_id","family_id")
);
--> statement-breakpoint
CREATE TABLE "coach_minute_tallies" (
	"collaboration_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"months" smallint NOT NULL,
	"period_start" date NOT NULL,
	"minutes" bigint NOT NULL,
	CONSTRAINT "coach_minute_tallies_pk" PRIMARY KEY("collaboration_id","months","period_start","user_id")
);
--> statement-breakpoint
CREATE TABLE "registration_tallies" (
	"collaboration_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"measure" text NOT NULL,
	"months" smallint NOT NULL,
	"period_start" date NOT NULL,
	"category" text NOT NULL,
	"registrations" integer NOT NULL,
	CONSTRAINT "registration_tallies_pk" PRIMARY KEY("collaboration_id","kind","measure","months","period_start","category")
);
--> statement-breakpoint
CREATE TABLE "round_table_facts" (
	"collaboration_id" uuid NOT NULL,
	"meeting_id" uuid NOT NULL,
	"family_id" uuid NOT NULL,
	"starts_on" date NOT NULL,
	"ring2" boolean NOT NULL,
	CONSTRAINT "round_table_facts_pk" PRIMARY KEY("collaboration_id","meeting_id")
);
--> statement-breakpoint
CREATE TABLE "round_table_long_gaps" (
	"collaboration_id" uuid NOT NULL,
	"family_id" uuid NOT NULL,
	"ring2" boolean NOT NULL,
	"after_on" date NOT NULL,
	"before_on" date NOT NULL,
	CONSTRAINT "round_table_long_gaps_pk" PRIMARY KEY("collaboration_id","family_id","ring2","after_on")
);
--> statement-breakpoint
CREATE TABLE "trajectory_facts" (
	"collaboration_id" uuid NOT NULL,
	"family_id" uuid NOT NULL,
	"started_on" date NOT NULL,
	"closed_on" date,
	"closure_id" uuid,
	"closure_reason" text,
	"warm_handover" boolean,
	"duration_days" integer,
	"ring2" boolean NOT NULL,
	"coaches" integer NOT NULL,
	"goal_statuses" jsonb NOT NULL,
	"goal_domains" jsonb NOT NULL,
	"first_round_table_on" date,
	"last_round_table_on" date,
	"first_ring2_round_table_on" date,
	"last_ring2_round_table_on" date,
	"round_table_months" jsonb NOT NULL,
	CONSTRAINT "trajectory_facts_pk" PRIMARY KEY("collaboration_id","family_id")
);
--> statement-breakpoint
CREATE TABLE "trajectory_tallies" (
	"collaboration_id" uuid NOT NULL,
	"measure" text NOT NULL,
	"edge" text NOT NULL,
	"months" smallint NOT NULL,
	"period_start" date NOT NULL,
	"category" text NOT NULL,
	"families" integer NOT NULL,
	"amount" bigint NOT NULL,
	CONSTRAINT "trajectory_tallies_pk" PRIMARY KEY("collaboration_id","measure","edge","months","period_start","category")
);
--> statement-breakpoint
DROP TABLE "contact_minutes" CASCADE;--> statement-breakpoint
CREATE INDEX "coach_facts_started" ON "coach_facts" USING btree ("collaboration_id","user_id","started_on","closed_on");--> statement-breakpoint
CREATE INDEX "round_table_facts_day" ON "round_table_facts" USING btree ("collaboration_id","starts_on","family_id","ring2");--> statement-breakpoint
CREATE INDEX "round_table_facts_family" ON "round_table_facts" USING btree ("collaboration_id","family_id");--> statement-breakpoint
CREATE INDEX "trajectory_facts_started" ON "trajectory_facts" USING btree ("collaboration_id","started_on");--> statement-breakpoint
CREATE INDEX "trajectory_facts_closed" ON "trajectory_facts" USING btree ("collaboration_id","closed_on","duration_days");--> statement-breakpoint
CREATE INDEX "trajectory_facts_first_round_table" ON "trajectory_facts" USING btree ("collaboration_id","first_round_table_on");--> statement-breakpoint
CREATE INDEX "trajectory_facts_last_round_table" ON "trajectory_facts" USING btree ("collaboration_id","last_round_table_on");--> statement-breakpoint
CREATE INDEX "trajectory_facts_first_ring2_round_table" ON "trajectory_facts" USING btree ("collaboration_id","first_ring2_round_table_on");--> statement-breakpoint
CREATE INDEX "trajectory_facts_last_ring2_round_table" ON "trajectory_facts" USING btree ("collaboration_id","last_ring2_round_table_on");--> statement-breakpoint
-- Written by hand from here on: the views that say what the figures count, the functions that keep
-- the facts and tallies in the transaction of every change, and the triggers that call them.
-- Days are Brussels calendar days, as in the registration queue.

-- The contact minutes per family, author and month give way to coach_minute_tallies (below).
DROP TRIGGER contact_minutes_keep ON contact_moments;
--> statement-breakpoint
DROP FUNCTION contact_minutes_keep();
--> statement-breakpoint
-- The calendar month and year of a day (with `with_day`, the day itself too: `months` 0), as tallies count them.
CREATE FUNCTION figure_periods(day date, with_day boolean) RETURNS TABLE (months smallint, period_start date)
LANGUAGE sql IMMUTABLE AS $$
  SELECT 0::smallint, day WHERE with_day
  UNION ALL SELECT 1::smallint, date_trunc('month', day::timestamp)::date
  UNION ALL SELECT 12::smallint, date_trunc('year', day::timestamp)::date
$$;
--> statement-breakpoint

-- The current coaches of a family (a user who is a coach participant, not removed).
CREATE VIEW coach_pairs AS
  SELECT DISTINCT collaboration_id, family_id, user_id FROM family_participants
  WHERE role = 'coach' AND removed_at IS NULL AND user_id IS NOT NULL;
--> statement-breakpoint
-- Round tables (not evaluation rounds), planned and not deleted, with their Brussels start day and
-- whether a ring-2 person was invited to or attended one of their agenda items.
CREATE VIEW round_table_meetings AS
  SELECT m.collaboration_id, m.family_id, m.id AS meeting_id, m.starts_at,
    (m.starts_at AT TIME ZONE 'Europe/Brussels')::date AS starts_on,
    EXISTS (
      SELECT 1 FROM meeting_items mi
      JOIN meeting_item_people mp ON mp.collaboration_id = mi.collaboration_id AND mp.item_id = mi.id AND (mp.invited OR mp.attended)
      JOIN family_participants fp ON fp.collaboration_id = mp.collaboration_id AND fp.id = mp.participant_id AND fp.ring = 2
      WHERE mi.collaboration_id = m.collaboration_id AND mi.meeting_id = m.id AND mi.deleted_at IS NULL
    ) AS ring2
  FROM meetings m
  WHERE m.kind = 'round_table' AND m.status = 'planned' AND m.deleted_at IS NULL;
--> statement-breakpoint
-- What trajectory_facts holds, from the data itself (same columns, same order). A round table counts
-- on a day of the trajectory (from its start to its close day), as in round_table_days below.
CREATE VIEW trajectory_facts_source AS
  SELECT f.collaboration_id, f.id AS family_id, s.started_on, cl.closed_on,
    CASE WHEN f.status = 'closed' THEN c.id END AS closure_id,
    CASE WHEN f.status = 'closed' THEN c.reason END AS closure_reason,
    CASE WHEN f.status = 'closed' THEN c.warm_handover END AS warm_handover,
    CASE WHEN f.status = 'closed' THEN c.duration_days END AS duration_days,
    EXISTS (
      SELECT 1 FROM network_people np WHERE np.collaboration_id = f.collaboration_id AND np.family_id = f.id
        AND np.ring = 2 AND np.deleted_at IS NULL AND np.status <> 'declined'
    ) AS ring2,
    (SELECT count(*) FROM coach_pairs p WHERE p.collaboration_id = f.collaboration_id AND p.family_id = f.id)::int AS coaches,
    coalesce((
      SELECT jsonb_object_agg(x.status, x.goals) FROM (
        SELECT g.status, count(*)::int AS goals FROM plan_items g
        WHERE g.collaboration_id = f.collaboration_id AND g.family_id = f.id AND g.kind = 'goal' AND g.deleted_at IS NULL GROUP BY 1
      ) x
    ), '{}'::jsonb) AS goal_statuses,
    coalesce((
      SELECT jsonb_object_agg(x.domain, x.goals) FROM (
        SELECT coalesce(ld.pictogram, 'none') AS domain, count(*)::int AS goals FROM plan_items g
        LEFT JOIN life_domains ld ON ld.collaboration_id = g.collaboration_id AND ld.id = g.life_domain_id
        WHERE g.collaboration_id = f.collaboration_id AND g.family_id = f.id AND g.kind = 'goal' AND g.deleted_at IS NULL GROUP BY 1
      ) x
    ), '{}'::jsonb) AS goal_domains,
    rt.first_on AS first_round_table_on, rt.last_on AS last_round_table_on,
    rt.first_ring2_on AS first_ring2_round_table_on, rt.last_ring2_on AS last_ring2_round_table_on,
    coalesce(rt.months, '{}'::jsonb) AS round_table_months
  FROM families f
  CROSS JOIN LATERAL (SELECT (f.created_at AT TIME ZONE 'Europe/Brussels')::date AS started_on) s
  LEFT JOIN LATERAL (
    SELECT c.id, c.closed_at, c.reason, c.warm_handover, c.duration_days FROM family_closures c
    WHERE c.collaboration_id = f.collaboration_id AND c.family_id = f.id AND c.reopened_at IS NULL
    ORDER BY c.closed_at DESC LIMIT 1
  ) c ON f.status = 'closed'
  -- Closed on the day of the closure in force (without one: the last change), never before the start.
  CROSS JOIN LATERAL (
    SELECT CASE WHEN f.status = 'closed' THEN greatest((coalesce(c.closed_at, f.updated_at) AT TIME ZONE 'Europe/Brussels')::date, s.started_on) END AS closed_on
  ) cl
  CROSS JOIN LATERAL (
    SELECT min(r.starts_on) AS first_on, max(r.starts_on) AS last_on,
      min(r.starts_on) FILTER (WHERE r.ring2) AS first_ring2_on, max(r.starts_on) FILTER (WHERE r.ring2) AS last_ring2_on,
      (
        SELECT jsonb_object_agg(x.month, x.meetings) FROM (
          SELECT to_char(r2.starts_on, 'YYYY-MM-01') AS month, count(*)::int AS meetings FROM round_table_meetings r2
          WHERE r2.collaboration_id = f.collaboration_id AND r2.family_id = f.id
            AND r2.starts_on >= s.started_on AND (cl.closed_on IS NULL OR r2.starts_on <= cl.closed_on)
          GROUP BY 1
        ) x
      ) AS months
    FROM round_table_meetings r
    WHERE r.collaboration_id = f.collaboration_id AND r.family_id = f.id
      AND r.starts_on >= s.started_on AND (cl.closed_on IS NULL OR r.starts_on <= cl.closed_on)
  ) rt
  WHERE f.status <> 'registered';
--> statement-breakpoint
-- The round tables on a day of their family's trajectory: what the round-table figures count
-- (kept in round_table_facts).
CREATE VIEW round_table_days AS
  SELECT r.collaboration_id, r.meeting_id, r.family_id, r.starts_on, r.ring2
  FROM round_table_meetings r
  JOIN trajectory_facts f ON f.collaboration_id = r.collaboration_id AND f.family_id = r.family_id
  WHERE r.starts_on >= f.started_on AND (f.closed_on IS NULL OR r.starts_on <= f.closed_on);
--> statement-breakpoint
-- Gaps of more than 366 days between two round-table days of a family (all, and with ring 2 at the table).
CREATE VIEW round_table_long_gaps_source AS
  SELECT g.collaboration_id, g.family_id, g.ring2, g.after_on, g.before_on FROM (
    SELECT d.collaboration_id, d.family_id, d.ring2, d.starts_on AS after_on,
      lead(d.starts_on) OVER (PARTITION BY d.collaboration_id, d.family_id, d.ring2 ORDER BY d.starts_on) AS before_on
    FROM (
      SELECT collaboration_id, family_id, false AS ring2, starts_on FROM round_table_days
      UNION
      SELECT collaboration_id, family_id, true, starts_on FROM round_table_days WHERE ring2
    ) d
  ) g
  WHERE g.before_on - g.after_on > 366;
--> statement-breakpoint
-- What one family adds to the tallies: per event ('start', 'close', 'first' and 'last' round table,
-- 'month' of round tables) on its day, a measure and category, the families (0 or 1) and an amount.
CREATE FUNCTION trajectory_contributions(f trajectory_facts)
RETURNS TABLE (edge text, on_day date, measure text, category text, families integer, amount bigint)
LANGUAGE sql IMMUTABLE AS $$
  SELECT e.edge, e.on_day, m.measure, m.category, m.families, m.amount
  FROM (VALUES ('start', f.started_on), ('close', f.closed_on)) e(edge, on_day)
  CROSS JOIN LATERAL (
    SELECT 'trajectories', '', 1, 0::bigint
    UNION ALL SELECT 'ring2', '', 1, 0 WHERE f.ring2
    UNION ALL SELECT 'coached', '', 1, f.coaches WHERE f.coaches > 0
    UNION ALL SELECT 'goal_status', s.key, 1, s.value::bigint FROM jsonb_each_text(f.goal_statuses) s
    UNION ALL SELECT 'goal_domain', d.key, 1, d.value::bigint FROM jsonb_each_text(f.goal_domains) d
    UNION ALL SELECT 'closure', f.closure_reason, 1, f.warm_handover::int WHERE e.edge = 'close' AND f.closure_id IS NOT NULL
  ) m(measure, category, families, amount)
  WHERE e.on_day IS NOT NULL
  UNION ALL
  SELECT x.edge, x.on_day, x.measure, '', 1, 0
  FROM (VALUES
    ('first', f.first_round_table_on, 'round_tables'), ('last', f.last_round_table_on, 'round_tables'),
    ('first', f.first_ring2_round_table_on, 'ring2_round_tables'), ('last', f.last_ring2_round_table_on, 'ring2_round_tables')
  ) x(edge, on_day, measure)
  WHERE x.on_day IS NOT NULL
  UNION ALL
  SELECT 'month', r.key::date, 'round_tables', '', 1, r.value::bigint FROM jsonb_each_text(f.round_table_months) r
$$;
--> statement-breakpoint
-- The statement triggers that keep tallies: the rows a statement added and removed (its transition
-- tables) go to TG_ARGV[0], the function that adds them to their tallies and takes them away.
CREATE FUNCTION figures_tallies_keep() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  added text := CASE WHEN TG_OP = 'DELETE' THEN format('''{}''::%I[]', TG_TABLE_NAME) ELSE format('array(SELECT n::%I FROM new_rows n)', TG_TABLE_NAME) END;
  removed text := CASE WHEN TG_OP = 'INSERT' THEN format('''{}''::%I[]', TG_TABLE_NAME) ELSE format('array(SELECT o::%I FROM old_rows o)', TG_TABLE_NAME) END;
BEGIN
  EXECUTE format('SELECT %I(%s, %s)', TG_ARGV[0], added, removed);
  RETURN NULL;
END $$;
--> statement-breakpoint
-- Adds the contributions of `added` and takes away those of `removed`, per calendar month and year.
CREATE FUNCTION trajectory_tallies_add(added trajectory_facts[], removed trajectory_facts[]) RETURNS void
LANGUAGE sql AS $$
  INSERT INTO trajectory_tallies AS t (collaboration_id, measure, edge, months, period_start, category, families, amount)
  SELECT (x.fact).collaboration_id, c.measure, c.edge, g.months, g.period_start, c.category, sum(x.sign * c.families), sum(x.sign * c.amount)
  FROM (SELECT 1 AS sign, a AS fact FROM unnest(added) a UNION ALL SELECT -1, r FROM unnest(removed) r) x
  CROSS JOIN LATERAL trajectory_contributions(x.fact) c
  CROSS JOIN LATERAL figure_periods(c.on_day, false) g
  GROUP BY 1, 2, 3, 4, 5, 6
  HAVING sum(x.sign * c.families) <> 0 OR sum(x.sign * c.amount) <> 0
  ON CONFLICT ON CONSTRAINT trajectory_tallies_pk DO UPDATE SET families = t.families + excluded.families, amount = t.amount + excluded.amount
$$;
--> statement-breakpoint
CREATE TRIGGER trajectory_tallies_keep_insert AFTER INSERT ON trajectory_facts REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION figures_tallies_keep('trajectory_tallies_add');
--> statement-breakpoint
CREATE TRIGGER trajectory_tallies_keep_update AFTER UPDATE ON trajectory_facts REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION figures_tallies_keep('trajectory_tallies_add');
--> statement-breakpoint
CREATE TRIGGER trajectory_tallies_keep_delete AFTER DELETE ON trajectory_facts REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION figures_tallies_keep('trajectory_tallies_add');
--> statement-breakpoint
-- What one registration adds to the tallies (a forwarded one counts where it went): its referrer
-- type, each reason, and the days to first contact ('none' without one), on the day it was received.
CREATE FUNCTION registration_contributions(r registrations)
RETURNS TABLE (on_day date, kind text, measure text, category text)
LANGUAGE sql IMMUTABLE AS $$
  SELECT (r.received_at AT TIME ZONE 'Europe/Brussels')::date, r.kind, m.measure, m.category
  FROM (VALUES
    ('referrer', r.referrer_type),
    ('days', coalesce(((r.first_contact_at AT TIME ZONE 'Europe/Brussels')::date - (r.received_at AT TIME ZONE 'Europe/Brussels')::date)::text, 'none'))
  ) m(measure, category)
  WHERE r.status <> 'forwarded'
  UNION ALL
  SELECT (r.received_at AT TIME ZONE 'Europe/Brussels')::date, r.kind, 'reason', x.reason FROM unnest(r.reasons) x(reason)
  WHERE r.status <> 'forwarded'
$$;
--> statement-breakpoint
CREATE FUNCTION registration_tallies_add(added registrations[], removed registrations[]) RETURNS void
LANGUAGE sql AS $$
  INSERT INTO registration_tallies AS t (collaboration_id, kind, measure, months, period_start, category, registrations)
  SELECT (x.reg).collaboration_id, c.kind, c.measure, g.months, g.period_start, c.category, sum(x.sign)
  FROM (SELECT 1 AS sign, a AS reg FROM unnest(added) a UNION ALL SELECT -1, r FROM unnest(removed) r) x
  CROSS JOIN LATERAL registration_contributions(x.reg) c
  CROSS JOIN LATERAL figure_periods(c.on_day, false) g
  GROUP BY 1, 2, 3, 4, 5, 6
  HAVING sum(x.sign) <> 0
  ON CONFLICT ON CONSTRAINT registration_tallies_pk DO UPDATE SET registrations = t.registrations + excluded.registrations
$$;
--> statement-breakpoint
CREATE TRIGGER registration_tallies_keep_insert AFTER INSERT ON registrations REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION figures_tallies_keep('registration_tallies_add');
--> statement-breakpoint
CREATE TRIGGER registration_tallies_keep_update AFTER UPDATE ON registrations REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION figures_tallies_keep('registration_tallies_add');
--> statement-breakpoint
CREATE TRIGGER registration_tallies_keep_delete AFTER DELETE ON registrations REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION figures_tallies_keep('registration_tallies_add');
--> statement-breakpoint
-- One lock per family for everything the figures keep of it: a change waits for another one to the
-- same family to commit, then reads the data afresh (READ COMMITTED), so nothing is counted twice or lost.
CREATE FUNCTION figures_lock_family(p_family_id uuid) RETURNS void LANGUAGE sql AS $$
  SELECT pg_advisory_xact_lock(hashtextextended('figures ' || p_family_id::text, 0))
$$;
--> statement-breakpoint
-- The minutes of contact moments per author and day, month and year, of the pairs in coach_facts
-- (a pair that is not there adds nothing: call it before a pair goes and after it comes).
CREATE FUNCTION coach_minute_tallies_add(added contact_moments[], removed contact_moments[]) RETURNS void
LANGUAGE sql AS $$
  SELECT figures_lock_family(f.family_id) FROM (SELECT DISTINCT family_id FROM (SELECT a.family_id FROM unnest(added) a UNION ALL SELECT r.family_id FROM unnest(removed) r) x ORDER BY 1) f;
  INSERT INTO coach_minute_tallies AS t (collaboration_id, user_id, months, period_start, minutes)
  SELECT (x.m).collaboration_id, (x.m).created_by_user_id, g.months, g.period_start, sum(x.sign * coalesce((x.m).minutes_spent, 0))
  FROM (SELECT 1 AS sign, a AS m FROM unnest(added) a UNION ALL SELECT -1, r FROM unnest(removed) r) x
  JOIN coach_facts p ON p.collaboration_id = (x.m).collaboration_id AND p.family_id = (x.m).family_id AND p.user_id = (x.m).created_by_user_id
  CROSS JOIN LATERAL figure_periods((x.m).occurred_on, true) g
  WHERE (x.m).deleted_at IS NULL
  GROUP BY 1, 2, 3, 4
  HAVING sum(x.sign * coalesce((x.m).minutes_spent, 0)) <> 0
  ON CONFLICT ON CONSTRAINT coach_minute_tallies_pk DO UPDATE SET minutes = t.minutes + excluded.minutes
$$;
--> statement-breakpoint
CREATE TRIGGER coach_minute_tallies_keep_insert AFTER INSERT ON contact_moments REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION figures_tallies_keep('coach_minute_tallies_add');
--> statement-breakpoint
CREATE TRIGGER coach_minute_tallies_keep_update AFTER UPDATE ON contact_moments REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION figures_tallies_keep('coach_minute_tallies_add');
--> statement-breakpoint
CREATE TRIGGER coach_minute_tallies_keep_delete AFTER DELETE ON contact_moments REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION figures_tallies_keep('coach_minute_tallies_add');
--> statement-breakpoint
-- Makes a family's facts, coaches, round tables and long gaps as the data says now; the tallies
-- follow through the triggers on trajectory_facts and coach_minute_tallies_add.
CREATE FUNCTION figures_refresh_family(p_collaboration_id uuid, p_family_id uuid) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  fresh trajectory_facts;
  kept trajectory_facts;
  has_fresh boolean;
  has_kept boolean;
  gone uuid[];
  came uuid[];
BEGIN
  IF p_family_id IS NULL THEN RETURN; END IF;
  PERFORM figures_lock_family(p_family_id);
  SELECT s.* INTO fresh FROM trajectory_facts_source s WHERE s.collaboration_id = p_collaboration_id AND s.family_id = p_family_id;
  has_fresh := FOUND;
  SELECT t.* INTO kept FROM trajectory_facts t WHERE t.collaboration_id = p_collaboration_id AND t.family_id = p_family_id;
  has_kept := FOUND;
  IF has_kept AND (NOT has_fresh OR kept IS DISTINCT FROM fresh) THEN
    DELETE FROM trajectory_facts WHERE collaboration_id = p_collaboration_id AND family_id = p_family_id;
  END IF;
  IF has_fresh AND (NOT has_kept OR kept IS DISTINCT FROM fresh) THEN
    INSERT INTO trajectory_facts SELECT (fresh).*;
  END IF;

  -- The coaches: a pair that goes takes its contact minutes out of the tallies, one that comes brings them.
  SELECT coalesce(array_agg(c.user_id), '{}') INTO gone FROM coach_facts c
  WHERE c.collaboration_id = p_collaboration_id AND c.family_id = p_family_id
    AND NOT EXISTS (SELECT 1 FROM coach_pairs p JOIN trajectory_facts f ON f.collaboration_id = p.collaboration_id AND f.family_id = p.family_id
      WHERE p.collaboration_id = c.collaboration_id AND p.family_id = c.family_id AND p.user_id = c.user_id);
  SELECT coalesce(array_agg(p.user_id), '{}') INTO came FROM coach_pairs p JOIN trajectory_facts f ON f.collaboration_id = p.collaboration_id AND f.family_id = p.family_id
  WHERE p.collaboration_id = p_collaboration_id AND p.family_id = p_family_id
    AND NOT EXISTS (SELECT 1 FROM coach_facts c WHERE c.collaboration_id = p.collaboration_id AND c.family_id = p.family_id AND c.user_id = p.user_id);
  PERFORM coach_minute_tallies_add('{}', array(
    SELECT m FROM contact_moments m WHERE m.collaboration_id = p_collaboration_id AND m.family_id = p_family_id AND m.created_by_user_id = ANY (gone)));
  DELETE FROM coach_facts WHERE collaboration_id = p_collaboration_id AND family_id = p_family_id;
  INSERT INTO coach_facts (collaboration_id, user_id, family_id, started_on, closed_on)
  SELECT p.collaboration_id, p.user_id, p.family_id, f.started_on, f.closed_on
  FROM coach_pairs p JOIN trajectory_facts f ON f.collaboration_id = p.collaboration_id AND f.family_id = p.family_id
  WHERE p.collaboration_id = p_collaboration_id AND p.family_id = p_family_id;
  PERFORM coach_minute_tallies_add(array(
    SELECT m FROM contact_moments m WHERE m.collaboration_id = p_collaboration_id AND m.family_id = p_family_id AND m.created_by_user_id = ANY (came)), '{}');

  DELETE FROM round_table_facts WHERE collaboration_id = p_collaboration_id AND family_id = p_family_id;
  INSERT INTO round_table_facts SELECT d.* FROM round_table_days d WHERE d.collaboration_id = p_collaboration_id AND d.family_id = p_family_id;
  DELETE FROM round_table_long_gaps WHERE collaboration_id = p_collaboration_id AND family_id = p_family_id;
  INSERT INTO round_table_long_gaps SELECT g.* FROM round_table_long_gaps_source g
  WHERE g.collaboration_id = p_collaboration_id AND g.family_id = p_family_id;
END $$;
--> statement-breakpoint
-- A change to a row that belongs to a family (TG_ARGV[0]: the column with the family's id).
CREATE FUNCTION figures_family_row_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  new_family uuid := CASE WHEN TG_OP <> 'DELETE' THEN (to_jsonb(NEW) ->> TG_ARGV[0])::uuid END;
  old_family uuid := CASE WHEN TG_OP <> 'INSERT' THEN (to_jsonb(OLD) ->> TG_ARGV[0])::uuid END;
BEGIN
  IF TG_OP <> 'DELETE' THEN PERFORM figures_refresh_family(NEW.collaboration_id, new_family); END IF;
  IF TG_OP = 'DELETE' THEN
    PERFORM figures_refresh_family(OLD.collaboration_id, old_family);
  ELSIF TG_OP = 'UPDATE' THEN
    IF (old_family, OLD.collaboration_id) IS DISTINCT FROM (new_family, NEW.collaboration_id) THEN
      PERFORM figures_refresh_family(OLD.collaboration_id, old_family);
    END IF;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- Who was at an agenda item: the family is the item's.
CREATE FUNCTION figures_item_person_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'DELETE' THEN
    PERFORM figures_refresh_family(i.collaboration_id, i.family_id) FROM meeting_items i WHERE i.collaboration_id = NEW.collaboration_id AND i.id = NEW.item_id;
  END IF;
  IF TG_OP = 'DELETE' OR (TG_OP = 'UPDATE' AND OLD.item_id IS DISTINCT FROM NEW.item_id) THEN
    PERFORM figures_refresh_family(i.collaboration_id, i.family_id) FROM meeting_items i WHERE i.collaboration_id = OLD.collaboration_id AND i.id = OLD.item_id;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- Another pictogram for a life domain moves the goals of every family that has one in it.
CREATE FUNCTION figures_life_domain_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM figures_refresh_family(x.collaboration_id, x.family_id) FROM (
    SELECT DISTINCT g.collaboration_id, g.family_id FROM plan_items g
    WHERE g.collaboration_id = NEW.collaboration_id AND g.life_domain_id = NEW.id AND g.kind = 'goal'
    ORDER BY 1, 2
  ) x;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER figures_families AFTER INSERT OR DELETE ON families
  FOR EACH ROW EXECUTE FUNCTION figures_family_row_changed('id');
--> statement-breakpoint
CREATE TRIGGER figures_families_update AFTER UPDATE OF status, created_at, updated_at ON families FOR EACH ROW
  WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.created_at IS DISTINCT FROM NEW.created_at OR NEW.status = 'closed')
  EXECUTE FUNCTION figures_family_row_changed('id');
--> statement-breakpoint
CREATE TRIGGER figures_family_closures AFTER INSERT OR UPDATE OR DELETE ON family_closures
  FOR EACH ROW EXECUTE FUNCTION figures_family_row_changed('family_id');
--> statement-breakpoint
CREATE TRIGGER figures_network_people AFTER INSERT OR DELETE OR UPDATE OF family_id, ring, status, deleted_at ON network_people
  FOR EACH ROW EXECUTE FUNCTION figures_family_row_changed('family_id');
--> statement-breakpoint
CREATE TRIGGER figures_goals_insert AFTER INSERT ON plan_items FOR EACH ROW WHEN (NEW.kind = 'goal')
  EXECUTE FUNCTION figures_family_row_changed('family_id');
--> statement-breakpoint
CREATE TRIGGER figures_goals_update AFTER UPDATE OF family_id, kind, status, life_domain_id, deleted_at ON plan_items FOR EACH ROW
  WHEN (OLD.kind = 'goal' OR NEW.kind = 'goal')
  EXECUTE FUNCTION figures_family_row_changed('family_id');
--> statement-breakpoint
CREATE TRIGGER figures_goals_delete AFTER DELETE ON plan_items FOR EACH ROW WHEN (OLD.kind = 'goal')
  EXECUTE FUNCTION figures_family_row_changed('family_id');
--> statement-breakpoint
CREATE TRIGGER figures_family_participants AFTER INSERT OR DELETE OR UPDATE OF family_id, role, ring, user_id, removed_at ON family_participants
  FOR EACH ROW EXECUTE FUNCTION figures_family_row_changed('family_id');
--> statement-breakpoint
CREATE TRIGGER figures_meetings AFTER INSERT OR DELETE OR UPDATE OF family_id, kind, status, starts_at, deleted_at ON meetings
  FOR EACH ROW EXECUTE FUNCTION figures_family_row_changed('family_id');
--> statement-breakpoint
CREATE TRIGGER figures_meeting_items AFTER INSERT OR DELETE OR UPDATE OF family_id, meeting_id, deleted_at ON meeting_items
  FOR EACH ROW EXECUTE FUNCTION figures_family_row_changed('family_id');
--> statement-breakpoint
CREATE TRIGGER figures_meeting_item_people AFTER INSERT OR DELETE OR UPDATE OF item_id, participant_id, invited, attended ON meeting_item_people
  FOR EACH ROW EXECUTE FUNCTION figures_item_person_changed();
--> statement-breakpoint
CREATE TRIGGER figures_life_domains AFTER UPDATE OF pictogram ON life_domains FOR EACH ROW
  WHEN (OLD.pictogram IS DISTINCT FROM NEW.pictogram)
  EXECUTE FUNCTION figures_life_domain_changed();
--> statement-breakpoint
-- Everything the figures keep, made anew from the data in a few set-based statements: for this
-- migration, and after a bulk load with triggers off (bench/generate.ts).
CREATE FUNCTION figures_rebuild() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  TRUNCATE trajectory_facts, trajectory_tallies, coach_facts, coach_minute_tallies, round_table_facts, round_table_long_gaps, registration_tallies;
  INSERT INTO trajectory_facts SELECT * FROM trajectory_facts_source;
  INSERT INTO coach_facts (collaboration_id, user_id, family_id, started_on, closed_on)
  SELECT p.collaboration_id, p.user_id, p.family_id, f.started_on, f.closed_on
  FROM coach_pairs p JOIN trajectory_facts f ON f.collaboration_id = p.collaboration_id AND f.family_id = p.family_id;
  INSERT INTO round_table_facts SELECT * FROM round_table_days;
  INSERT INTO round_table_long_gaps SELECT * FROM round_table_long_gaps_source;
  -- As coach_minute_tallies_add and registration_tallies_add do, for all rows at once.
  INSERT INTO coach_minute_tallies (collaboration_id, user_id, months, period_start, minutes)
  SELECT m.collaboration_id, m.created_by_user_id, g.months, g.period_start, sum(coalesce(m.minutes_spent, 0))
  FROM contact_moments m
  JOIN coach_facts p ON p.collaboration_id = m.collaboration_id AND p.family_id = m.family_id AND p.user_id = m.created_by_user_id
  CROSS JOIN LATERAL figure_periods(m.occurred_on, true) g
  WHERE m.deleted_at IS NULL
  GROUP BY 1, 2, 3, 4 HAVING sum(coalesce(m.minutes_spent, 0)) <> 0;
  INSERT INTO registration_tallies (collaboration_id, kind, measure, months, period_start, category, registrations)
  SELECT r.collaboration_id, c.kind, c.measure, g.months, g.period_start, c.category, count(*)
  FROM registrations r CROSS JOIN LATERAL registration_contributions(r) c CROSS JOIN LATERAL figure_periods(c.on_day, false) g
  GROUP BY 1, 2, 3, 4, 5, 6;
END $$;
--> statement-breakpoint
SELECT figures_rebuild();
--> statement-breakpoint
ANALYZE trajectory_facts;
--> statement-breakpoint
ANALYZE trajectory_tallies;
--> statement-breakpoint
ANALYZE coach_facts;
--> statement-breakpoint
ANALYZE registration_tallies;
--> statement-breakpoint
ANALYZE coach_minute_tallies;
--> statement-breakpoint
ANALYZE round_table_facts;
