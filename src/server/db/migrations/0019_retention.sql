CREATE TABLE "erasure_requests" (
	"collaboration_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"family_id" uuid NOT NULL,
	"requested_by_participant_id" uuid NOT NULL,
	"note" text,
	"status" text DEFAULT 'pending' NOT NULL,
	"refusal_reason" text,
	"decided_by_user_id" uuid,
	"decided_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "erasure_requests_collaboration_id_id_pk" PRIMARY KEY("collaboration_id","id")
);
--> statement-breakpoint
CREATE TABLE "family_erasures" (
	"collaboration_id" uuid NOT NULL,
	"family_id" uuid NOT NULL,
	"registered_on" date,
	"started_on" date,
	"closed_on" date,
	"closure_reason" text,
	"erased_at" timestamp with time zone DEFAULT now() NOT NULL,
	"cause" text NOT NULL,
	"requested_on" date,
	"decided_by_user_id" uuid,
	"counts" jsonb DEFAULT '{}'::jsonb NOT NULL,
	CONSTRAINT "family_erasures_collaboration_id_family_id_pk" PRIMARY KEY("collaboration_id","family_id")
);
--> statement-breakpoint
ALTER TABLE "collaborations" ADD COLUMN "retention_years" integer DEFAULT 5 NOT NULL;--> statement-breakpoint
ALTER TABLE "families" ADD COLUMN "legal_hold_reason" text;--> statement-breakpoint
ALTER TABLE "families" ADD COLUMN "legal_hold_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "families" ADD COLUMN "legal_hold_by_user_id" uuid;--> statement-breakpoint
ALTER TABLE "families" ADD COLUMN "erased_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "erasure_requests" ADD CONSTRAINT "erasure_requests_decided_by_user_id_users_id_fk" FOREIGN KEY ("decided_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "erasure_requests" ADD CONSTRAINT "erasure_requests_family_fk" FOREIGN KEY ("collaboration_id","family_id") REFERENCES "public"."families"("collaboration_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "erasure_requests" ADD CONSTRAINT "erasure_requests_participant_fk" FOREIGN KEY ("collaboration_id","requested_by_participant_id") REFERENCES "public"."family_participants"("collaboration_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "family_erasures" ADD CONSTRAINT "family_erasures_decided_by_user_id_users_id_fk" FOREIGN KEY ("decided_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "family_erasures" ADD CONSTRAINT "family_erasures_family_fk" FOREIGN KEY ("collaboration_id","family_id") REFERENCES "public"."families"("collaboration_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "erasure_requests_family" ON "erasure_requests" USING btree ("collaboration_id","family_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "erasure_requests_one_pending" ON "erasure_requests" USING btree ("collaboration_id","family_id") WHERE "erasure_requests"."status" = 'pending';--> statement-breakpoint
ALTER TABLE "families" ADD CONSTRAINT "families_legal_hold_by_user_id_users_id_fk" FOREIGN KEY ("legal_hold_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "collaborations" ADD CONSTRAINT "collaborations_retention_years" CHECK ("collaborations"."retention_years" between 1 and 30);--> statement-breakpoint
ALTER TABLE "families" ADD CONSTRAINT "families_legal_hold" CHECK (("families"."legal_hold_reason" is null) = ("families"."legal_hold_at" is null));
--> statement-breakpoint
-- Is this family file erased? Then what the figures keep of it stays as it was at the erasure.
CREATE FUNCTION figures_family_erased(p_collaboration_id uuid, p_family_id uuid) RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT EXISTS (SELECT 1 FROM families f WHERE f.collaboration_id = p_collaboration_id AND f.id = p_family_id AND f.erased_at IS NOT NULL)
$$;
--> statement-breakpoint
-- The figures count an erased file as it was: removing its content must not take it out of them.
-- The working functions keep their bodies under a new name; the old names now skip erased files.
ALTER FUNCTION figures_refresh_family(uuid, uuid) RENAME TO figures_refresh_live_family;
--> statement-breakpoint
CREATE FUNCTION figures_refresh_family(p_collaboration_id uuid, p_family_id uuid) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF p_family_id IS NULL OR figures_family_erased(p_collaboration_id, p_family_id) THEN RETURN; END IF;
  PERFORM figures_refresh_live_family(p_collaboration_id, p_family_id);
END $$;
--> statement-breakpoint
ALTER FUNCTION coach_minute_tallies_add(contact_moments[], contact_moments[]) RENAME TO coach_minute_tallies_add_live;
--> statement-breakpoint
CREATE FUNCTION coach_minute_tallies_add(added contact_moments[], removed contact_moments[]) RETURNS void LANGUAGE sql AS $$
  SELECT coach_minute_tallies_add_live(
    array(SELECT a FROM unnest(added) a WHERE NOT figures_family_erased(a.collaboration_id, a.family_id)),
    array(SELECT r FROM unnest(removed) r WHERE NOT figures_family_erased(r.collaboration_id, r.family_id)))
$$;
--> statement-breakpoint
-- History and saved versions stay append-only, with exactly one exception: the sanctioned erasure
-- of a family file (features/retention/erase.ts). A DELETE passes only when the transaction names
-- the family in `gezinsplan.erasure` (set local) and that family's row was marked erased in this
-- same transaction (erased_at = now(), the start of the transaction). Every UPDATE is refused.
CREATE OR REPLACE FUNCTION plan_history_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  family uuid;
BEGIN
  IF TG_OP = 'DELETE' THEN
    IF TG_TABLE_NAME = 'plan_version_items' THEN
      SELECT v.family_id INTO family FROM plan_versions v WHERE v.collaboration_id = OLD.collaboration_id AND v.id = OLD.version_id;
    ELSE
      family := OLD.family_id;
    END IF;
    IF family IS NOT NULL AND current_setting('gezinsplan.erasure', true) = family::text
       AND EXISTS (SELECT 1 FROM families f WHERE f.collaboration_id = OLD.collaboration_id AND f.id = family AND f.erased_at = now()) THEN
      RETURN OLD;
    END IF;
  END IF;
  RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
-- An erasure is final: the tombstone's erased_at is never changed or taken back.
CREATE FUNCTION families_erasure_final() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.erased_at IS NOT NULL AND NEW.erased_at IS DISTINCT FROM OLD.erased_at THEN
    RAISE EXCEPTION 'families: an erasure is final' USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER families_erasure_final BEFORE UPDATE OF erased_at ON families FOR EACH ROW EXECUTE FUNCTION families_erasure_final();
