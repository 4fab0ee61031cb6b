CREATE TABLE "family_homes" (
	"collaboration_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"family_id" uuid NOT NULL,
	"label" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"removed_at" timestamp with time zone,
	CONSTRAINT "family_homes_collaboration_id_id_pk" PRIMARY KEY("collaboration_id","id")
);
--> statement-breakpoint
CREATE TABLE "family_member_homes" (
	"collaboration_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	"home_id" uuid NOT NULL,
	"arrangement" text,
	CONSTRAINT "family_member_homes_collaboration_id_participant_id_home_id_pk" PRIMARY KEY("collaboration_id","participant_id","home_id")
);
--> statement-breakpoint
CREATE TABLE "agreements" (
	"collaboration_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"family_id" uuid NOT NULL,
	"life_domain_id" uuid,
	"is_private" boolean DEFAULT false NOT NULL,
	"author_participant_id" uuid,
	"on_behalf_of_participant_id" uuid,
	"created_by_user_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"goal_id" uuid,
	"what" text NOT NULL,
	"owner_participant_id" uuid NOT NULL,
	"due_date" date,
	"status" text DEFAULT 'open' NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "agreements_collaboration_id_id_pk" PRIMARY KEY("collaboration_id","id")
);
--> statement-breakpoint
CREATE TABLE "contact_moments" (
	"collaboration_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"family_id" uuid NOT NULL,
	"life_domain_id" uuid,
	"is_private" boolean DEFAULT false NOT NULL,
	"author_participant_id" uuid,
	"on_behalf_of_participant_id" uuid,
	"created_by_user_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"occurred_on" date NOT NULL,
	"place" text NOT NULL,
	"place_detail" text,
	"present_participant_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"summary" text NOT NULL,
	"minutes_spent" integer,
	CONSTRAINT "contact_moments_collaboration_id_id_pk" PRIMARY KEY("collaboration_id","id")
);
--> statement-breakpoint
CREATE TABLE "evaluation_goals" (
	"collaboration_id" uuid NOT NULL,
	"evaluation_id" uuid NOT NULL,
	"goal_id" uuid NOT NULL,
	"life_domain_id" uuid,
	"went_well" text,
	"got_stuck" text,
	"decision" text NOT NULL,
	CONSTRAINT "evaluation_goals_collaboration_id_evaluation_id_goal_id_pk" PRIMARY KEY("collaboration_id","evaluation_id","goal_id")
);
--> statement-breakpoint
CREATE TABLE "evaluations" (
	"collaboration_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"family_id" uuid NOT NULL,
	"life_domain_id" uuid,
	"is_private" boolean DEFAULT false NOT NULL,
	"author_participant_id" uuid,
	"on_behalf_of_participant_id" uuid,
	"created_by_user_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"held_on" date NOT NULL,
	"summary" text,
	"plan_version_id" uuid,
	CONSTRAINT "evaluations_collaboration_id_id_pk" PRIMARY KEY("collaboration_id","id")
);
--> statement-breakpoint
CREATE TABLE "plan_changes" (
	"collaboration_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"family_id" uuid NOT NULL,
	"item_type" text NOT NULL,
	"item_id" uuid NOT NULL,
	"life_domain_id" uuid,
	"is_private" boolean DEFAULT false NOT NULL,
	"author_participant_id" uuid,
	"action" text NOT NULL,
	"changed_by_user_id" uuid,
	"on_behalf_of_participant_id" uuid,
	"before" jsonb,
	"after" jsonb,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "plan_changes_collaboration_id_id_pk" PRIMARY KEY("collaboration_id","id")
);
--> statement-breakpoint
CREATE TABLE "plan_item_members" (
	"collaboration_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	CONSTRAINT "plan_item_members_collaboration_id_item_id_participant_id_pk" PRIMARY KEY("collaboration_id","item_id","participant_id")
);
--> statement-breakpoint
CREATE TABLE "plan_items" (
	"collaboration_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"family_id" uuid NOT NULL,
	"life_domain_id" uuid,
	"is_private" boolean DEFAULT false NOT NULL,
	"author_participant_id" uuid,
	"on_behalf_of_participant_id" uuid,
	"created_by_user_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"kind" text NOT NULL,
	"text" text NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"size" integer,
	"why_it_matters" text,
	"target_date" date,
	"progress" integer,
	"status" text DEFAULT 'active' NOT NULL,
	CONSTRAINT "plan_items_collaboration_id_id_pk" PRIMARY KEY("collaboration_id","id"),
	CONSTRAINT "plan_items_size" CHECK ("plan_items"."size" between 1 and 5),
	CONSTRAINT "plan_items_progress" CHECK ("plan_items"."progress" between 1 and 5)
);
--> statement-breakpoint
CREATE TABLE "plan_templates" (
	"collaboration_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"is_default" boolean DEFAULT false NOT NULL,
	"sections" jsonb NOT NULL,
	"life_domain_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"archived_at" timestamp with time zone,
	CONSTRAINT "plan_templates_collaboration_id_id_pk" PRIMARY KEY("collaboration_id","id")
);
--> statement-breakpoint
CREATE TABLE "plan_version_items" (
	"collaboration_id" uuid NOT NULL,
	"version_id" uuid NOT NULL,
	"item_type" text NOT NULL,
	"item_id" uuid NOT NULL,
	"life_domain_id" uuid,
	"is_private" boolean DEFAULT false NOT NULL,
	"author_participant_id" uuid,
	"data" jsonb NOT NULL,
	CONSTRAINT "plan_version_items_collaboration_id_version_id_item_type_item_id_pk" PRIMARY KEY("collaboration_id","version_id","item_type","item_id")
);
--> statement-breakpoint
CREATE TABLE "plan_versions" (
	"collaboration_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"family_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"reason" text NOT NULL,
	"label" text,
	"created_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "plan_versions_collaboration_id_id_pk" PRIMARY KEY("collaboration_id","id"),
	CONSTRAINT "plan_versions_number" UNIQUE("collaboration_id","family_id","number")
);
--> statement-breakpoint
ALTER TABLE "families" ADD COLUMN "plan_template_id" uuid;--> statement-breakpoint
ALTER TABLE "families" ADD COLUMN "plan_revision" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "family_participants" ADD COLUMN "date_of_birth" date;--> statement-breakpoint
ALTER TABLE "family_participants" ADD COLUMN "relation" text;--> statement-breakpoint
ALTER TABLE "family_participants" ADD COLUMN "phone" text;--> statement-breakpoint
ALTER TABLE "family_participants" ADD COLUMN "languages" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "family_participants" ADD COLUMN "important_to_me" text;--> statement-breakpoint
ALTER TABLE "family_participants" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "family_homes" ADD CONSTRAINT "family_homes_family_fk" FOREIGN KEY ("collaboration_id","family_id") REFERENCES "public"."families"("collaboration_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "family_member_homes" ADD CONSTRAINT "family_member_homes_participant_fk" FOREIGN KEY ("collaboration_id","participant_id") REFERENCES "public"."family_participants"("collaboration_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "family_member_homes" ADD CONSTRAINT "family_member_homes_home_fk" FOREIGN KEY ("collaboration_id","home_id") REFERENCES "public"."family_homes"("collaboration_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreements" ADD CONSTRAINT "agreements_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreements" ADD CONSTRAINT "agreements_family_fk" FOREIGN KEY ("collaboration_id","family_id") REFERENCES "public"."families"("collaboration_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreements" ADD CONSTRAINT "agreements_life_domain_fk" FOREIGN KEY ("collaboration_id","life_domain_id") REFERENCES "public"."life_domains"("collaboration_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreements" ADD CONSTRAINT "agreements_author_fk" FOREIGN KEY ("collaboration_id","author_participant_id") REFERENCES "public"."family_participants"("collaboration_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreements" ADD CONSTRAINT "agreements_on_behalf_of_fk" FOREIGN KEY ("collaboration_id","on_behalf_of_participant_id") REFERENCES "public"."family_participants"("collaboration_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreements" ADD CONSTRAINT "agreements_goal_fk" FOREIGN KEY ("collaboration_id","goal_id") REFERENCES "public"."plan_items"("collaboration_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreements" ADD CONSTRAINT "agreements_owner_fk" FOREIGN KEY ("collaboration_id","owner_participant_id") REFERENCES "public"."family_participants"("collaboration_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_moments" ADD CONSTRAINT "contact_moments_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_moments" ADD CONSTRAINT "contact_moments_family_fk" FOREIGN KEY ("collaboration_id","family_id") REFERENCES "public"."families"("collaboration_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_moments" ADD CONSTRAINT "contact_moments_life_domain_fk" FOREIGN KEY ("collaboration_id","life_domain_id") REFERENCES "public"."life_domains"("collaboration_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_moments" ADD CONSTRAINT "contact_moments_author_fk" FOREIGN KEY ("collaboration_id","author_participant_id") REFERENCES "public"."family_participants"("collaboration_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_moments" ADD CONSTRAINT "contact_moments_on_behalf_of_fk" FOREIGN KEY ("collaboration_id","on_behalf_of_participant_id") REFERENCES "public"."family_participants"("collaboration_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_goals" ADD CONSTRAINT "evaluation_goals_evaluation_fk" FOREIGN KEY ("collaboration_id","evaluation_id") REFERENCES "public"."evaluations"("collaboration_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_goals" ADD CONSTRAINT "evaluation_goals_goal_fk" FOREIGN KEY ("collaboration_id","goal_id") REFERENCES "public"."plan_items"("collaboration_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluations" ADD CONSTRAINT "evaluations_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluations" ADD CONSTRAINT "evaluations_family_fk" FOREIGN KEY ("collaboration_id","family_id") REFERENCES "public"."families"("collaboration_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluations" ADD CONSTRAINT "evaluations_life_domain_fk" FOREIGN KEY ("collaboration_id","life_domain_id") REFERENCES "public"."life_domains"("collaboration_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluations" ADD CONSTRAINT "evaluations_author_fk" FOREIGN KEY ("collaboration_id","author_participant_id") REFERENCES "public"."family_participants"("collaboration_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluations" ADD CONSTRAINT "evaluations_on_behalf_of_fk" FOREIGN KEY ("collaboration_id","on_behalf_of_participant_id") REFERENCES "public"."family_participants"("collaboration_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_changes" ADD CONSTRAINT "plan_changes_changed_by_user_id_users_id_fk" FOREIGN KEY ("changed_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_changes" ADD CONSTRAINT "plan_changes_family_fk" FOREIGN KEY ("collaboration_id","family_id") REFERENCES "public"."families"("collaboration_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_item_members" ADD CONSTRAINT "plan_item_members_item_fk" FOREIGN KEY ("collaboration_id","item_id") REFERENCES "public"."plan_items"("collaboration_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_item_members" ADD CONSTRAINT "plan_item_members_participant_fk" FOREIGN KEY ("collaboration_id","participant_id") REFERENCES "public"."family_participants"("collaboration_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_items" ADD CONSTRAINT "plan_items_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_items" ADD CONSTRAINT "plan_items_family_fk" FOREIGN KEY ("collaboration_id","family_id") REFERENCES "public"."families"("collaboration_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_items" ADD CONSTRAINT "plan_items_life_domain_fk" FOREIGN KEY ("collaboration_id","life_domain_id") REFERENCES "public"."life_domains"("collaboration_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_items" ADD CONSTRAINT "plan_items_author_fk" FOREIGN KEY ("collaboration_id","author_participant_id") REFERENCES "public"."family_participants"("collaboration_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_items" ADD CONSTRAINT "plan_items_on_behalf_of_fk" FOREIGN KEY ("collaboration_id","on_behalf_of_participant_id") REFERENCES "public"."family_participants"("collaboration_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_templates" ADD CONSTRAINT "plan_templates_collaboration_id_collaborations_id_fk" FOREIGN KEY ("collaboration_id") REFERENCES "public"."collaborations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_version_items" ADD CONSTRAINT "plan_version_items_version_fk" FOREIGN KEY ("collaboration_id","version_id") REFERENCES "public"."plan_versions"("collaboration_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_versions" ADD CONSTRAINT "plan_versions_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_versions" ADD CONSTRAINT "plan_versions_family_fk" FOREIGN KEY ("collaboration_id","family_id") REFERENCES "public"."families"("collaboration_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "family_homes_family" ON "family_homes" USING btree ("collaboration_id","family_id");--> statement-breakpoint
CREATE INDEX "agreements_family" ON "agreements" USING btree ("collaboration_id","family_id");--> statement-breakpoint
CREATE INDEX "contact_moments_family" ON "contact_moments" USING btree ("collaboration_id","family_id");--> statement-breakpoint
CREATE INDEX "evaluations_family" ON "evaluations" USING btree ("collaboration_id","family_id");--> statement-breakpoint
CREATE INDEX "plan_changes_family_at" ON "plan_changes" USING btree ("collaboration_id","family_id","at");--> statement-breakpoint
CREATE INDEX "plan_changes_item" ON "plan_changes" USING btree ("collaboration_id","item_id");--> statement-breakpoint
CREATE INDEX "plan_items_family" ON "plan_items" USING btree ("collaboration_id","family_id");--> statement-breakpoint
-- History and saved versions are evidence of where the family started: never changed or removed.
CREATE FUNCTION plan_history_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER plan_changes_append_only BEFORE UPDATE OR DELETE ON plan_changes FOR EACH ROW EXECUTE FUNCTION plan_history_refuse_change();
--> statement-breakpoint
CREATE TRIGGER plan_versions_append_only BEFORE UPDATE OR DELETE ON plan_versions FOR EACH ROW EXECUTE FUNCTION plan_history_refuse_change();
--> statement-breakpoint
CREATE TRIGGER plan_version_items_append_only BEFORE UPDATE OR DELETE ON plan_version_items FOR EACH ROW EXECUTE FUNCTION plan_history_refuse_change();
