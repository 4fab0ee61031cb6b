CREATE TABLE "access_log_checkpoints" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "access_log_checkpoints_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"chain" text NOT NULL,
	"chain_seq" bigint NOT NULL,
	"hash" text NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "access_log" ADD COLUMN "chain_seq" bigint;--> statement-breakpoint
ALTER TABLE "access_log" ADD COLUMN "prev_hash" text;--> statement-breakpoint
ALTER TABLE "access_log" ADD COLUMN "hash" text;--> statement-breakpoint
CREATE INDEX "access_log_checkpoints_chain" ON "access_log_checkpoints" USING btree ("chain","chain_seq");--> statement-breakpoint
CREATE INDEX "access_log_unsealed" ON "access_log" USING btree ("id") WHERE "access_log"."hash" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "access_log_chain_seq" ON "access_log" USING btree (coalesce("collaboration_id"::text, 'platform'),"chain_seq");--> statement-breakpoint
-- The one change the access log allows: the sealing job fills the still-empty chain columns once.
-- Every other UPDATE, and every DELETE, stays refused.
CREATE OR REPLACE FUNCTION access_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND TG_TABLE_NAME = 'access_log' THEN
    IF OLD.hash IS NULL AND OLD.prev_hash IS NULL AND OLD.chain_seq IS NULL
     AND NEW.hash IS NOT NULL AND NEW.chain_seq IS NOT NULL
     AND (NEW.id, NEW.occurred_at, NEW.collaboration_id, NEW.family_id, NEW.actor_user_id, NEW.actor_role,
          NEW.actor_organisation_id, NEW.on_behalf_of_participant_id, NEW.action, NEW.entity_type, NEW.entity_id,
          NEW.outcome, NEW.reason, NEW.client_address, NEW.user_agent, NEW.request_id)
         IS NOT DISTINCT FROM
         (OLD.id, OLD.occurred_at, OLD.collaboration_id, OLD.family_id, OLD.actor_user_id, OLD.actor_role,
          OLD.actor_organisation_id, OLD.on_behalf_of_participant_id, OLD.action, OLD.entity_type, OLD.entity_id,
          OLD.outcome, OLD.reason, OLD.client_address, OLD.user_agent, OLD.request_id)
    THEN
      RETURN NEW;
    END IF;
  END IF;
  RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER access_log_checkpoints_append_only
  BEFORE UPDATE OR DELETE ON access_log_checkpoints
  FOR EACH ROW EXECUTE FUNCTION access_log_refuse_change();
--> statement-breakpoint
CREATE TRIGGER access_log_checkpoints_no_truncate
  BEFORE TRUNCATE ON access_log_checkpoints
  FOR EACH STATEMENT EXECUTE FUNCTION access_log_refuse_change();
