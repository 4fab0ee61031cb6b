CREATE TABLE "family_services" (
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
	"organisation" text NOT NULL,
	"kind_of_help" text NOT NULL,
	"member_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"since" date,
	"contact_person" text,
	"contact_phone" text,
	"status" text DEFAULT 'active' NOT NULL,
	"waiting_since" date,
	"expected" text,
	"bridging" text,
	"ended_on" date,
	"family_expects" text,
	"position" integer DEFAULT 0 NOT NULL,
	"social_map_entry_id" uuid,
	CONSTRAINT "family_services_collaboration_id_id_pk" PRIMARY KEY("collaboration_id","id")
);
--> statement-breakpoint
CREATE TABLE "network_availability" (
	"collaboration_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"weekday" integer NOT NULL,
	"starts_at" time NOT NULL,
	"ends_at" time NOT NULL,
	"help_kind" text,
	CONSTRAINT "network_availability_collaboration_id_id_pk" PRIMARY KEY("collaboration_id","id"),
	CONSTRAINT "network_availability_weekday" CHECK ("network_availability"."weekday" between 1 and 7),
	CONSTRAINT "network_availability_hours" CHECK ("network_availability"."starts_at" < "network_availability"."ends_at")
);
--> statement-breakpoint
CREATE TABLE "network_people" (
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
	"participant_id" uuid,
	"name" text NOT NULL,
	"relation" text,
	"ring" integer NOT NULL,
	"importance" integer,
	"roles" text[] DEFAULT '{}'::text[] NOT NULL,
	"offers" text,
	"call_anytime" boolean DEFAULT false NOT NULL,
	"status" text DEFAULT 'involved' NOT NULL,
	"phone" text,
	"email" text,
	"address" text,
	"map_angle" real,
	CONSTRAINT "network_people_collaboration_id_id_pk" PRIMARY KEY("collaboration_id","id"),
	CONSTRAINT "network_people_ring" CHECK ("network_people"."ring" between 1 and 3),
	CONSTRAINT "network_people_importance" CHECK ("network_people"."importance" between 1 and 5)
);
--> statement-breakpoint
CREATE TABLE "network_ties" (
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
	"from_person_id" uuid,
	"to_person_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"note" text,
	CONSTRAINT "network_ties_collaboration_id_id_pk" PRIMARY KEY("collaboration_id","id")
);
--> statement-breakpoint
CREATE TABLE "social_map_entries" (
	"collaboration_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"organisation" text NOT NULL,
	"service" text NOT NULL,
	"description" text,
	"life_domain_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"target_group" text,
	"postcodes" text[] DEFAULT '{}'::text[] NOT NULL,
	"how_to_register" text,
	"contact" text,
	"waiting_weeks" integer,
	"waiting_note" text,
	"waiting_confirmed_at" timestamp with time zone,
	"waiting_confirmed_by_user_id" uuid,
	"search" "tsvector" GENERATED ALWAYS AS (to_tsvector('dutch'::regconfig, organisation || ' ' || service || ' ' || coalesce(description, '') || ' ' || coalesce(target_group, ''))) STORED,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"archived_at" timestamp with time zone,
	CONSTRAINT "social_map_entries_collaboration_id_id_pk" PRIMARY KEY("collaboration_id","id")
);
--> statement-breakpoint
ALTER TABLE "family_services" ADD CONSTRAINT "family_services_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "family_services" ADD CONSTRAINT "family_services_family_fk" FOREIGN KEY ("collaboration_id","family_id") REFERENCES "public"."families"("collaboration_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "family_services" ADD CONSTRAINT "family_services_life_domain_fk" FOREIGN KEY ("collaboration_id","life_domain_id") REFERENCES "public"."life_domains"("collaboration_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "family_services" ADD CONSTRAINT "family_services_author_fk" FOREIGN KEY ("collaboration_id","author_participant_id") REFERENCES "public"."family_participants"("collaboration_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "family_services" ADD CONSTRAINT "family_services_on_behalf_of_fk" FOREIGN KEY ("collaboration_id","on_behalf_of_participant_id") REFERENCES "public"."family_participants"("collaboration_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "family_services" ADD CONSTRAINT "family_services_social_map_fk" FOREIGN KEY ("collaboration_id","social_map_entry_id") REFERENCES "public"."social_map_entries"("collaboration_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_availability" ADD CONSTRAINT "network_availability_person_fk" FOREIGN KEY ("collaboration_id","person_id") REFERENCES "public"."network_people"("collaboration_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_people" ADD CONSTRAINT "network_people_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_people" ADD CONSTRAINT "network_people_family_fk" FOREIGN KEY ("collaboration_id","family_id") REFERENCES "public"."families"("collaboration_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_people" ADD CONSTRAINT "network_people_life_domain_fk" FOREIGN KEY ("collaboration_id","life_domain_id") REFERENCES "public"."life_domains"("collaboration_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_people" ADD CONSTRAINT "network_people_author_fk" FOREIGN KEY ("collaboration_id","author_participant_id") REFERENCES "public"."family_participants"("collaboration_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_people" ADD CONSTRAINT "network_people_on_behalf_of_fk" FOREIGN KEY ("collaboration_id","on_behalf_of_participant_id") REFERENCES "public"."family_participants"("collaboration_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_people" ADD CONSTRAINT "network_people_participant_fk" FOREIGN KEY ("collaboration_id","participant_id") REFERENCES "public"."family_participants"("collaboration_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_ties" ADD CONSTRAINT "network_ties_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_ties" ADD CONSTRAINT "network_ties_family_fk" FOREIGN KEY ("collaboration_id","family_id") REFERENCES "public"."families"("collaboration_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_ties" ADD CONSTRAINT "network_ties_life_domain_fk" FOREIGN KEY ("collaboration_id","life_domain_id") REFERENCES "public"."life_domains"("collaboration_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_ties" ADD CONSTRAINT "network_ties_author_fk" FOREIGN KEY ("collaboration_id","author_participant_id") REFERENCES "public"."family_participants"("collaboration_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_ties" ADD CONSTRAINT "network_ties_on_behalf_of_fk" FOREIGN KEY ("collaboration_id","on_behalf_of_participant_id") REFERENCES "public"."family_participants"("collaboration_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_ties" ADD CONSTRAINT "network_ties_from_fk" FOREIGN KEY ("collaboration_id","from_person_id") REFERENCES "public"."network_people"("collaboration_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_ties" ADD CONSTRAINT "network_ties_to_fk" FOREIGN KEY ("collaboration_id","to_person_id") REFERENCES "public"."network_people"("collaboration_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "social_map_entries" ADD CONSTRAINT "social_map_entries_collaboration_id_collaborations_id_fk" FOREIGN KEY ("collaboration_id") REFERENCES "public"."collaborations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "social_map_entries" ADD CONSTRAINT "social_map_entries_waiting_confirmed_by_user_id_users_id_fk" FOREIGN KEY ("waiting_confirmed_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "family_services_family" ON "family_services" USING btree ("collaboration_id","family_id");--> statement-breakpoint
CREATE INDEX "network_availability_person" ON "network_availability" USING btree ("collaboration_id","person_id");--> statement-breakpoint
CREATE INDEX "network_people_family" ON "network_people" USING btree ("collaboration_id","family_id");--> statement-breakpoint
CREATE INDEX "network_ties_family" ON "network_ties" USING btree ("collaboration_id","family_id");--> statement-breakpoint
CREATE INDEX "social_map_entries_search" ON "social_map_entries" USING gin ("search");--> statement-breakpoint
CREATE INDEX "social_map_entries_name" ON "social_map_entries" USING btree ("collaboration_id","organisation","id");