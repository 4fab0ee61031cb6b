CREATE TABLE "platform_second_factor_policies" (
	"role" text PRIMARY KEY NOT NULL,
	"required" boolean NOT NULL,
	"grace_days" integer NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "platform_second_factor_policies_role" CHECK ("platform_second_factor_policies"."role" in ('platform_admin','government_analyst')),
	CONSTRAINT "platform_second_factor_policies_grace" CHECK ("platform_second_factor_policies"."grace_days" between 0 and 90)
);
