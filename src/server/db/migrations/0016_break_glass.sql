CREATE TABLE "break_glass_grants" (
	"collaboration_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"family_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"role" text NOT NULL,
	"reason" text NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"ended_at" timestamp with time zone,
	"review_status" text DEFAULT 'pending' NOT NULL,
	"reviewer_user_id" uuid,
	"reviewed_at" timestamp with time zone,
	"review_note" text,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "break_glass_grants_collaboration_id_id_pk" PRIMARY KEY("collaboration_id","id"),
	CONSTRAINT "break_glass_grants_ends_after_start" CHECK ("break_glass_grants"."ends_at" > "break_glass_grants"."started_at"),
	CONSTRAINT "break_glass_grants_reason" CHECK (length(trim("break_glass_grants"."reason")) >= 20),
	CONSTRAINT "break_glass_grants_reviewed" CHECK (("break_glass_grants"."review_status" = 'pending') = ("break_glass_grants"."reviewed_at" is null))
);
--> statement-breakpoint
ALTER TABLE "collaborations" ADD COLUMN "break_glass_hours" integer DEFAULT 4 NOT NULL;--> statement-breakpoint
ALTER TABLE "collaborations" ADD COLUMN "break_glass_coaches" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "break_glass_grants" ADD CONSTRAINT "break_glass_grants_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "break_glass_grants" ADD CONSTRAINT "break_glass_grants_reviewer_user_id_users_id_fk" FOREIGN KEY ("reviewer_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "break_glass_grants" ADD CONSTRAINT "break_glass_grants_family_fk" FOREIGN KEY ("collaboration_id","family_id") REFERENCES "public"."families"("collaboration_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "break_glass_grants_user" ON "break_glass_grants" USING btree ("user_id","ends_at");--> statement-breakpoint
CREATE INDEX "break_glass_grants_family" ON "break_glass_grants" USING btree ("collaboration_id","family_id","started_at");--> statement-breakpoint
ALTER TABLE "collaborations" ADD CONSTRAINT "collaborations_break_glass_hours" CHECK ("collaborations"."break_glass_hours" between 1 and 24);
--> statement-breakpoint
-- A use of emergency access is never extended or rewritten: who, why, when it started and when it
-- ends stay as opened. It can be ended early (once) and reviewed; a longer use is a new grant.
CREATE OR REPLACE FUNCTION break_glass_grants_keep() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF (NEW.collaboration_id, NEW.id, NEW.family_id, NEW.user_id, NEW.role, NEW.reason, NEW.started_at, NEW.ends_at)
     IS DISTINCT FROM (OLD.collaboration_id, OLD.id, OLD.family_id, OLD.user_id, OLD.role, OLD.reason, OLD.started_at, OLD.ends_at)
   OR (OLD.ended_at IS NOT NULL AND NEW.ended_at IS DISTINCT FROM OLD.ended_at)
   OR (NEW.ended_at IS NOT NULL AND NEW.ended_at > OLD.ends_at) THEN
    RAISE EXCEPTION 'break_glass_grants: a use is not extended or rewritten' USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER break_glass_grants_keep BEFORE UPDATE ON break_glass_grants FOR EACH ROW EXECUTE FUNCTION break_glass_grants_keep();
