CREATE TABLE "contact_minutes" (
	"collaboration_id" uuid NOT NULL,
	"family_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"month" date NOT NULL,
	"minutes" bigint DEFAULT 0 NOT NULL,
	"moments" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "contact_minutes_collaboration_id_family_id_user_id_month_pk" PRIMARY KEY("collaboration_id","family_id","user_id","month")
);
--> statement-breakpoint
CREATE INDEX "contact_minutes_month" ON "contact_minutes" USING btree ("collaboration_id","month","family_id","user_id","minutes");--> statement-breakpoint
CREATE INDEX "plan_items_goals" ON "plan_items" USING btree ("collaboration_id","family_id","status","life_domain_id") WHERE "plan_items"."kind" = 'goal' and "plan_items"."deleted_at" is null;--> statement-breakpoint
-- Written by hand: contact_minutes is kept by this trigger in the transaction of every write to contact_moments.
CREATE FUNCTION contact_minutes_keep() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.deleted_at IS NULL AND OLD.created_by_user_id IS NOT NULL THEN
    UPDATE contact_minutes SET minutes = minutes - coalesce(OLD.minutes_spent, 0), moments = moments - 1
      WHERE collaboration_id = OLD.collaboration_id AND family_id = OLD.family_id AND user_id = OLD.created_by_user_id
        AND month = date_trunc('month', OLD.occurred_on)::date;
    DELETE FROM contact_minutes
      WHERE collaboration_id = OLD.collaboration_id AND family_id = OLD.family_id AND user_id = OLD.created_by_user_id
        AND month = date_trunc('month', OLD.occurred_on)::date AND moments <= 0;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.deleted_at IS NULL AND NEW.created_by_user_id IS NOT NULL THEN
    INSERT INTO contact_minutes (collaboration_id, family_id, user_id, month, minutes, moments)
      VALUES (NEW.collaboration_id, NEW.family_id, NEW.created_by_user_id, date_trunc('month', NEW.occurred_on)::date, coalesce(NEW.minutes_spent, 0), 1)
      ON CONFLICT (collaboration_id, family_id, user_id, month)
      DO UPDATE SET minutes = contact_minutes.minutes + excluded.minutes, moments = contact_minutes.moments + 1;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER contact_minutes_keep AFTER INSERT OR UPDATE OR DELETE ON contact_moments
  FOR EACH ROW EXECUTE FUNCTION contact_minutes_keep();
--> statement-breakpoint
INSERT INTO contact_minutes (collaboration_id, family_id, user_id, month, minutes, moments)
  SELECT collaboration_id, family_id, created_by_user_id, date_trunc('month', occurred_on)::date, coalesce(sum(minutes_spent), 0), count(*)
  FROM contact_moments WHERE deleted_at IS NULL AND created_by_user_id IS NOT NULL
  GROUP BY 1, 2, 3, 4;
--> statement-breakpoint
ANALYZE contact_minutes;
