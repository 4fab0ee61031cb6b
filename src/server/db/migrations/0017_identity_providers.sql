CREATE TABLE "identity_provider_domains" (
	"domain" text PRIMARY KEY NOT NULL,
	"collaboration_id" uuid NOT NULL,
	"provider_id" uuid NOT NULL,
	CONSTRAINT "identity_provider_domains_lowercase" CHECK ("identity_provider_domains"."domain" = lower("identity_provider_domains"."domain"))
);
--> statement-breakpoint
CREATE TABLE "identity_providers" (
	"collaboration_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"issuer" text NOT NULL,
	"client_id" text NOT NULL,
	"client_secret_encrypted" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "identity_providers_collaboration_id_id_pk" PRIMARY KEY("collaboration_id","id")
);
--> statement-breakpoint
CREATE TABLE "sso_sign_ins" (
	"state_hash" text PRIMARY KEY NOT NULL,
	"collaboration_id" uuid NOT NULL,
	"provider_id" uuid NOT NULL,
	"browser_hash" text NOT NULL,
	"nonce" text NOT NULL,
	"code_verifier" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "identity_provider_domains" ADD CONSTRAINT "identity_provider_domains_provider_fk" FOREIGN KEY ("collaboration_id","provider_id") REFERENCES "public"."identity_providers"("collaboration_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "identity_providers" ADD CONSTRAINT "identity_providers_collaboration_id_collaborations_id_fk" FOREIGN KEY ("collaboration_id") REFERENCES "public"."collaborations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sso_sign_ins" ADD CONSTRAINT "sso_sign_ins_provider_fk" FOREIGN KEY ("collaboration_id","provider_id") REFERENCES "public"."identity_providers"("collaboration_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "identity_provider_domains_provider" ON "identity_provider_domains" USING btree ("collaboration_id","provider_id");--> statement-breakpoint
CREATE INDEX "sso_sign_ins_expires" ON "sso_sign_ins" USING btree ("expires_at");