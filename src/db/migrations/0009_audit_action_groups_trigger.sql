-- One action, one event: every row that one withAudit() call (one transaction, one action label) writes to the trail
-- carries the id of the first such row in action_id, so the trail and the contract history list each action once
-- with its rows beneath it. Filled in by the database, before each insert, for trigger rows and recordEvent() alike.
CREATE OR REPLACE FUNCTION sv_audit_group() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.transaction_id := txid_current();
  SELECT action_id INTO NEW.action_id FROM audit_events
   WHERE transaction_id = NEW.transaction_id AND action = NEW.action
   LIMIT 1;
  IF NEW.action_id IS NULL THEN
    NEW.action_id := NEW.id;
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
-- Rows written before this migration: those of one transaction share its start time (the column's default, now()),
-- so rows with the same time, actor and action are one action. Only the new column is filled; nothing else changes.
ALTER TABLE audit_events DISABLE TRIGGER audit_events_append_only;
--> statement-breakpoint
UPDATE audit_events e SET action_id = g.first_id
  FROM (SELECT id, min(id) OVER (PARTITION BY at, actor_label, action) AS first_id FROM audit_events) g
 WHERE g.id = e.id AND e.action_id IS NULL;
--> statement-breakpoint
ALTER TABLE audit_events ENABLE TRIGGER audit_events_append_only;
--> statement-breakpoint
CREATE TRIGGER audit_events_group BEFORE INSERT ON audit_events
  FOR EACH ROW EXECUTE FUNCTION sv_audit_group();
