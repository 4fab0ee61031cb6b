CREATE TABLE "registration_coaches" (
	"collaboration_id" uuid NOT NULL,
	"registration_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"assigned_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "registration_coaches_collaboration_id_registration_id_user_id_pk" PRIMARY KEY("collaboration_id","registration_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "registrations" (
	"collaboration_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"kind" text NOT NULL,
	"status" text DEFAULT 'new' NOT NULL,
	"referrer_type" text NOT NULL,
	"referrer_name" text NOT NULL,
	"referrer_organisation" text,
	"referrer_email" text,
	"referrer_phone" text,
	"referrer_user_id" uuid,
	"family_name" text NOT NULL,
	"family_email" text,
	"family_phone" text,
	"family_language" text NOT NULL,
	"postcode" text NOT NULL,
	"municipality" text NOT NULL,
	"children" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"reasons" text[] NOT NULL,
	"question" text NOT NULL,
	"helpers_involved" text,
	"network_involved" text,
	"urgent" boolean DEFAULT false NOT NULL,
	"family_consent" boolean NOT NULL,
	"first_contact_at" timestamp with time zone,
	"first_contact_method" text,
	"closed_reason" text,
	"warm_referral_to" text,
	"family_id" uuid,
	"forwarded_to_collaboration_id" uuid,
	"forwarded_from_collaboration_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "registrations_collaboration_id_id_pk" PRIMARY KEY("collaboration_id","id"),
	CONSTRAINT "registrations_consent" CHECK ("registrations"."family_consent" = true),
	CONSTRAINT "registrations_first_contact" CHECK (("registrations"."first_contact_at" is null) = ("registrations"."first_contact_method" is null))
);
--> statement-breakpoint
ALTER TABLE "registration_coaches" ADD CONSTRAINT "registration_coaches_registration_fk" FOREIGN KEY ("collaboration_id","registration_id") REFERENCES "public"."registrations"("collaboration_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registration_coaches" ADD CONSTRAINT "registration_coaches_membership_fk" FOREIGN KEY ("collaboration_id","user_id") REFERENCES "public"."memberships"("collaboration_id","user_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registrations" ADD CONSTRAINT "registrations_collaboration_id_collaborations_id_fk" FOREIGN KEY ("collaboration_id") REFERENCES "public"."collaborations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registrations" ADD CONSTRAINT "registrations_referrer_user_id_users_id_fk" FOREIGN KEY ("referrer_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registrations" ADD CONSTRAINT "registrations_forwarded_to_collaboration_id_collaborations_id_fk" FOREIGN KEY ("forwarded_to_collaboration_id") REFERENCES "public"."collaborations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registrations" ADD CONSTRAINT "registrations_forwarded_from_collaboration_id_collaborations_id_fk" FOREIGN KEY ("forwarded_from_collaboration_id") REFERENCES "public"."collaborations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registrations" ADD CONSTRAINT "registrations_family_fk" FOREIGN KEY ("collaboration_id","family_id") REFERENCES "public"."families"("collaboration_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "registration_coaches_user" ON "registration_coaches" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "registrations_queue" ON "registrations" USING btree ("collaboration_id","status","received_at");--> statement-breakpoint
CREATE INDEX "registrations_referrer" ON "registrations" USING btree ("referrer_user_id");