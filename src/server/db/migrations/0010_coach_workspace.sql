CREATE TABLE "family_closures" (
	"collaboration_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"family_id" uuid NOT NULL,
	"closed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"reason" text NOT NULL,
	"reason_note" text,
	"summary" text NOT NULL,
	"closing_conversation_on" date,
	"closing_conversation_participant_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"duration_days" integer NOT NULL,
	"warm_handover" boolean DEFAULT false NOT NULL,
	"handover_id" uuid,
	"closed_by_user_id" uuid,
	"reopened_at" timestamp with time zone,
	"reopened_by_user_id" uuid,
	"reopen_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "family_closures_collaboration_id_id_pk" PRIMARY KEY("collaboration_id","id")
);
--> statement-breakpoint
CREATE TABLE "family_handovers" (
	"collaboration_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"family_id" uuid NOT NULL,
	"social_map_entry_id" uuid NOT NULL,
	"contact_name" text NOT NULL,
	"contact_email" text NOT NULL,
	"note" text NOT NULL,
	"proposed_shares" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"approved_shares" jsonb,
	"status" text DEFAULT 'proposed' NOT NULL,
	"participant_id" uuid,
	"approved_by_participant_id" uuid,
	"on_behalf_of_participant_id" uuid,
	"approved_at" timestamp with time zone,
	"created_by_user_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "family_handovers_collaboration_id_id_pk" PRIMARY KEY("collaboration_id","id")
);
--> statement-breakpoint
CREATE TABLE "own_strength_reflections" (
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
	"subject_participant_id" uuid,
	"reflected_on" date NOT NULL,
	"competence" integer NOT NULL,
	"competence_note" text,
	"motivation" integer NOT NULL,
	"motivation_note" text,
	"social" integer NOT NULL,
	"social_note" text,
	"note" text,
	"with_family" boolean DEFAULT false NOT NULL,
	"present_participant_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	CONSTRAINT "own_strength_reflections_collaboration_id_id_pk" PRIMARY KEY("collaboration_id","id"),
	CONSTRAINT "own_strength_reflections_scale" CHECK ("own_strength_reflections"."competence" between 1 and 5 and "own_strength_reflections"."motivation" between 1 and 5 and "own_strength_reflections"."social" between 1 and 5)
);
--> statement-breakpoint
CREATE TABLE "team_case_advice" (
	"collaboration_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"author_user_id" uuid NOT NULL,
	"text" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "team_case_advice_collaboration_id_id_pk" PRIMARY KEY("collaboration_id","id")
);
--> statement-breakpoint
CREATE TABLE "team_cases" (
	"collaboration_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid,
	"family_id" uuid NOT NULL,
	"presenting_user_id" uuid NOT NULL,
	"title" text NOT NULL,
	"question" text NOT NULL,
	"summary" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "team_cases_collaboration_id_id_pk" PRIMARY KEY("collaboration_id","id")
);
--> statement-breakpoint
CREATE TABLE "team_meetings" (
	"collaboration_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"held_on" date NOT NULL,
	"title" text NOT NULL,
	"notes" text,
	"follow_up" text,
	"created_by_user_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "team_meetings_collaboration_id_id_pk" PRIMARY KEY("collaboration_id","id")
);
--> statement-breakpoint
ALTER TABLE "family_closures" ADD CONSTRAINT "family_closures_closed_by_user_id_users_id_fk" FOREIGN KEY ("closed_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "family_closures" ADD CONSTRAINT "family_closures_reopened_by_user_id_users_id_fk" FOREIGN KEY ("reopened_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "family_closures" ADD CONSTRAINT "family_closures_family_fk" FOREIGN KEY ("collaboration_id","family_id") REFERENCES "public"."families"("collaboration_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "family_closures" ADD CONSTRAINT "family_closures_handover_fk" FOREIGN KEY ("collaboration_id","handover_id") REFERENCES "public"."family_handovers"("collaboration_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "family_handovers" ADD CONSTRAINT "family_handovers_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "family_handovers" ADD CONSTRAINT "family_handovers_family_fk" FOREIGN KEY ("collaboration_id","family_id") REFERENCES "public"."families"("collaboration_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "family_handovers" ADD CONSTRAINT "family_handovers_entry_fk" FOREIGN KEY ("collaboration_id","social_map_entry_id") REFERENCES "public"."social_map_entries"("collaboration_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "family_handovers" ADD CONSTRAINT "family_handovers_participant_fk" FOREIGN KEY ("collaboration_id","participant_id") REFERENCES "public"."family_participants"("collaboration_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "own_strength_reflections" ADD CONSTRAINT "own_strength_reflections_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "own_strength_reflections" ADD CONSTRAINT "own_strength_reflections_family_fk" FOREIGN KEY ("collaboration_id","family_id") REFERENCES "public"."families"("collaboration_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "own_strength_reflections" ADD CONSTRAINT "own_strength_reflections_life_domain_fk" FOREIGN KEY ("collaboration_id","life_domain_id") REFERENCES "public"."life_domains"("collaboration_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "own_strength_reflections" ADD CONSTRAINT "own_strength_reflections_author_fk" FOREIGN KEY ("collaboration_id","author_participant_id") REFERENCES "public"."family_participants"("collaboration_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "own_strength_reflections" ADD CONSTRAINT "own_strength_reflections_on_behalf_of_fk" FOREIGN KEY ("collaboration_id","on_behalf_of_participant_id") REFERENCES "public"."family_participants"("collaboration_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "own_strength_reflections" ADD CONSTRAINT "own_strength_reflections_subject_fk" FOREIGN KEY ("collaboration_id","subject_participant_id") REFERENCES "public"."family_participants"("collaboration_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_case_advice" ADD CONSTRAINT "team_case_advice_author_user_id_users_id_fk" FOREIGN KEY ("author_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_case_advice" ADD CONSTRAINT "team_case_advice_case_fk" FOREIGN KEY ("collaboration_id","case_id") REFERENCES "public"."team_cases"("collaboration_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_cases" ADD CONSTRAINT "team_cases_presenting_user_id_users_id_fk" FOREIGN KEY ("presenting_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_cases" ADD CONSTRAINT "team_cases_family_fk" FOREIGN KEY ("collaboration_id","family_id") REFERENCES "public"."families"("collaboration_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_cases" ADD CONSTRAINT "team_cases_meeting_fk" FOREIGN KEY ("collaboration_id","meeting_id") REFERENCES "public"."team_meetings"("collaboration_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_meetings" ADD CONSTRAINT "team_meetings_collaboration_id_collaborations_id_fk" FOREIGN KEY ("collaboration_id") REFERENCES "public"."collaborations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_meetings" ADD CONSTRAINT "team_meetings_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "family_closures_family" ON "family_closures" USING btree ("collaboration_id","family_id","closed_at");--> statement-breakpoint
CREATE INDEX "family_handovers_family" ON "family_handovers" USING btree ("collaboration_id","family_id");--> statement-breakpoint
CREATE INDEX "own_strength_reflections_family" ON "own_strength_reflections" USING btree ("collaboration_id","family_id");--> statement-breakpoint
CREATE INDEX "team_cases_meeting" ON "team_cases" USING btree ("collaboration_id","meeting_id");--> statement-breakpoint
CREATE INDEX "team_meetings_held_on" ON "team_meetings" USING btree ("collaboration_id","held_on");