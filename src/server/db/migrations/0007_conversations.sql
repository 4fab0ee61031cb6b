CREATE TABLE "attachment_contents" (
	"storage_key" text PRIMARY KEY NOT NULL,
	"content" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "attachments" (
	"collaboration_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"family_id" uuid NOT NULL,
	"conversation_id" uuid NOT NULL,
	"uploaded_by_participant_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"byte_size" integer NOT NULL,
	"storage_key" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "attachments_collaboration_id_id_pk" PRIMARY KEY("collaboration_id","id")
);
--> statement-breakpoint
CREATE TABLE "conversation_members" (
	"collaboration_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"conversation_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	"joined_at" timestamp with time zone DEFAULT now() NOT NULL,
	"left_at" timestamp with time zone,
	"last_read_at" timestamp with time zone,
	"notified_at" timestamp with time zone,
	"added_by_participant_id" uuid,
	CONSTRAINT "conversation_members_collaboration_id_id_pk" PRIMARY KEY("collaboration_id","id")
);
--> statement-breakpoint
CREATE TABLE "conversations" (
	"collaboration_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"family_id" uuid NOT NULL,
	"title" text NOT NULL,
	"started_by_participant_id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "conversations_collaboration_id_id_pk" PRIMARY KEY("collaboration_id","id")
);
--> statement-breakpoint
CREATE TABLE "lead_periods" (
	"collaboration_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"family_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ended_at" timestamp with time zone,
	"started_by_user_id" uuid,
	"ended_by_user_id" uuid,
	CONSTRAINT "lead_periods_collaboration_id_id_pk" PRIMARY KEY("collaboration_id","id")
);
--> statement-breakpoint
CREATE TABLE "messages" (
	"collaboration_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"seq" bigint GENERATED ALWAYS AS IDENTITY (sequence name "messages_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"family_id" uuid NOT NULL,
	"conversation_id" uuid NOT NULL,
	"author_participant_id" uuid NOT NULL,
	"author_user_id" uuid,
	"body" text NOT NULL,
	"reply_to_message_id" uuid,
	"attachment_id" uuid,
	"agreement_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "messages_collaboration_id_id_pk" PRIMARY KEY("collaboration_id","id")
);
--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_conversation_fk" FOREIGN KEY ("collaboration_id","conversation_id") REFERENCES "public"."conversations"("collaboration_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_uploaded_by_fk" FOREIGN KEY ("collaboration_id","uploaded_by_participant_id") REFERENCES "public"."family_participants"("collaboration_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conversation_members" ADD CONSTRAINT "conversation_members_conversation_fk" FOREIGN KEY ("collaboration_id","conversation_id") REFERENCES "public"."conversations"("collaboration_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conversation_members" ADD CONSTRAINT "conversation_members_participant_fk" FOREIGN KEY ("collaboration_id","participant_id") REFERENCES "public"."family_participants"("collaboration_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conversations" ADD CONSTRAINT "conversations_family_fk" FOREIGN KEY ("collaboration_id","family_id") REFERENCES "public"."families"("collaboration_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conversations" ADD CONSTRAINT "conversations_started_by_fk" FOREIGN KEY ("collaboration_id","started_by_participant_id") REFERENCES "public"."family_participants"("collaboration_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lead_periods" ADD CONSTRAINT "lead_periods_started_by_user_id_users_id_fk" FOREIGN KEY ("started_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lead_periods" ADD CONSTRAINT "lead_periods_ended_by_user_id_users_id_fk" FOREIGN KEY ("ended_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lead_periods" ADD CONSTRAINT "lead_periods_family_fk" FOREIGN KEY ("collaboration_id","family_id") REFERENCES "public"."families"("collaboration_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lead_periods" ADD CONSTRAINT "lead_periods_participant_fk" FOREIGN KEY ("collaboration_id","participant_id") REFERENCES "public"."family_participants"("collaboration_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "messages" ADD CONSTRAINT "messages_author_user_id_users_id_fk" FOREIGN KEY ("author_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "messages" ADD CONSTRAINT "messages_conversation_fk" FOREIGN KEY ("collaboration_id","conversation_id") REFERENCES "public"."conversations"("collaboration_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "messages" ADD CONSTRAINT "messages_author_fk" FOREIGN KEY ("collaboration_id","author_participant_id") REFERENCES "public"."family_participants"("collaboration_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "messages" ADD CONSTRAINT "messages_attachment_fk" FOREIGN KEY ("collaboration_id","attachment_id") REFERENCES "public"."attachments"("collaboration_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "conversation_members_conversation" ON "conversation_members" USING btree ("collaboration_id","conversation_id");--> statement-breakpoint
CREATE INDEX "conversation_members_participant" ON "conversation_members" USING btree ("collaboration_id","participant_id");--> statement-breakpoint
CREATE INDEX "conversations_family" ON "conversations" USING btree ("collaboration_id","family_id");--> statement-breakpoint
CREATE INDEX "lead_periods_family" ON "lead_periods" USING btree ("collaboration_id","family_id");--> statement-breakpoint
CREATE INDEX "messages_conversation" ON "messages" USING btree ("collaboration_id","conversation_id","seq");--> statement-breakpoint
CREATE INDEX "messages_family" ON "messages" USING btree ("collaboration_id","family_id","seq");