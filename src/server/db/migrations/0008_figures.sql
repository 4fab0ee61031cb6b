CREATE TABLE "government_analysts" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "government_analysts" ADD CONSTRAINT "government_analysts_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "registrations_received" ON "registrations" USING btree ("collaboration_id","received_at");--> statement-breakpoint
CREATE INDEX "contact_moments_occurred" ON "contact_moments" USING btree ("collaboration_id","occurred_on");--> statement-breakpoint
CREATE INDEX "plan_items_kind_family" ON "plan_items" USING btree ("collaboration_id","kind","family_id");