CREATE TABLE "prior_involvements" (
	"collaboration_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"family_id" uuid NOT NULL,
	"coach_participant_id" uuid NOT NULL,
	"organisation_name" text NOT NULL,
	"description" text NOT NULL,
	"records_consent" text DEFAULT 'not_asked' NOT NULL,
	"decided_by_participant_id" uuid,
	"on_behalf_of_participant_id" uuid,
	"decided_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "prior_involvements_collaboration_id_id_pk" PRIMARY KEY("collaboration_id","id")
);
--> statement-breakpoint
ALTER TABLE "consent_grants" ADD COLUMN "approved_by_participant_id" uuid;--> statement-breakpoint
ALTER TABLE "consent_grants" ADD COLUMN "approved_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "consent_grants" ADD COLUMN "revoked_by_participant_id" uuid;--> statement-breakpoint
ALTER TABLE "consent_grants" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "prior_involvements" ADD CONSTRAINT "prior_involvements_family_fk" FOREIGN KEY ("collaboration_id","family_id") REFERENCES "public"."families"("collaboration_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "prior_involvements" ADD CONSTRAINT "prior_involvements_coach_fk" FOREIGN KEY ("collaboration_id","coach_participant_id") REFERENCES "public"."family_participants"("collaboration_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "prior_involvements" ADD CONSTRAINT "prior_involvements_decided_by_fk" FOREIGN KEY ("collaboration_id","decided_by_participant_id") REFERENCES "public"."family_participants"("collaboration_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "prior_involvements_family" ON "prior_involvements" USING btree ("collaboration_id","family_id");--> statement-breakpoint
ALTER TABLE "consent_grants" ADD CONSTRAINT "consent_grants_approved_by_fk" FOREIGN KEY ("collaboration_id","approved_by_participant_id") REFERENCES "public"."family_participants"("collaboration_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "consent_grants_family" ON "consent_grants" USING btree ("collaboration_id","family_id");