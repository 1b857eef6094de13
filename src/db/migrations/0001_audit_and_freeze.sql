-- Audit trail: every change to an audited table is written to audit_events by a trigger, with the
-- actor and action taken from transaction-local settings (sv.actor_id, sv.actor_label, sv.action,
-- sv.request_id) set by the application. Secrets are never copied into the trail.
CREATE OR REPLACE FUNCTION sv_audit_row() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  hidden text[] := ARRAY['password_hash', 'token_hash'];
  old_row jsonb;
  new_row jsonb;
BEGIN
  IF TG_OP = 'UPDATE' AND to_jsonb(OLD) = to_jsonb(NEW) THEN
    RETURN NULL;
  END IF;
  IF TG_OP <> 'INSERT' THEN old_row := to_jsonb(OLD) - hidden; END IF;
  IF TG_OP <> 'DELETE' THEN new_row := to_jsonb(NEW) - hidden; END IF;
  INSERT INTO audit_events (actor_id, actor_label, action, operation, entity_table, entity_id, before, after, request_id)
  VALUES (
    nullif(current_setting('sv.actor_id', true), '')::uuid,
    coalesce(nullif(current_setting('sv.actor_label', true), ''), 'system'),
    coalesce(nullif(current_setting('sv.action', true), ''), lower(TG_OP) || ' ' || TG_TABLE_NAME),
    lower(TG_OP),
    TG_TABLE_NAME,
    coalesce(new_row ->> 'id', old_row ->> 'id', new_row ->> 'token_hash'),
    old_row,
    new_row,
    nullif(current_setting('sv.request_id', true), '')
  );
  RETURN NULL;
END $$;
--> statement-breakpoint
-- Later migrations call this for each table they add.
CREATE OR REPLACE FUNCTION sv_audit_table(target regclass) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format(
    'CREATE TRIGGER %I AFTER INSERT OR UPDATE OR DELETE ON %s FOR EACH ROW EXECUTE FUNCTION sv_audit_row()',
    'audit_' || replace(target::text, '.', '_'), target
  );
END $$;
--> statement-breakpoint
SELECT sv_audit_table('organisations');
--> statement-breakpoint
SELECT sv_audit_table('users');
--> statement-breakpoint
SELECT sv_audit_table('invitations');
--> statement-breakpoint
SELECT sv_audit_table('framework_versions');
--> statement-breakpoint
SELECT sv_audit_table('outcomes');
--> statement-breakpoint
SELECT sv_audit_table('measures');
--> statement-breakpoint
SELECT sv_audit_table('thresholds');
--> statement-breakpoint
CREATE OR REPLACE FUNCTION sv_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_events is append-only: % is not allowed', TG_OP;
END $$;
--> statement-breakpoint
CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE ON audit_events
  FOR EACH ROW EXECUTE FUNCTION sv_audit_append_only();
--> statement-breakpoint
CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
  FOR EACH STATEMENT EXECUTE FUNCTION sv_audit_append_only();
--> statement-breakpoint
-- A framework version that has been activated never changes: its outcomes and measures are frozen,
-- and the version row itself may only move from active to retired.
CREATE OR REPLACE FUNCTION sv_framework_content_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  st text;
BEGIN
  IF TG_OP <> 'INSERT' THEN
    SELECT status INTO st FROM framework_versions WHERE id = OLD.version_id;
    IF st IS NOT NULL AND st <> 'draft' THEN
      RAISE EXCEPTION 'framework version is % and cannot be changed', st USING ERRCODE = 'P0001', HINT = 'sv_frozen';
    END IF;
  END IF;
  IF TG_OP <> 'DELETE' THEN
    SELECT status INTO st FROM framework_versions WHERE id = NEW.version_id;
    IF st IS NOT NULL AND st <> 'draft' THEN
      RAISE EXCEPTION 'framework version is % and cannot be changed', st USING ERRCODE = 'P0001', HINT = 'sv_frozen';
    END IF;
    RETURN NEW;
  END IF;
  RETURN OLD;
END $$;
--> statement-breakpoint
CREATE TRIGGER outcomes_frozen BEFORE INSERT OR UPDATE OR DELETE ON outcomes
  FOR EACH ROW EXECUTE FUNCTION sv_framework_content_frozen();
--> statement-breakpoint
CREATE TRIGGER measures_frozen BEFORE INSERT OR UPDATE OR DELETE ON measures
  FOR EACH ROW EXECUTE FUNCTION sv_framework_content_frozen();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION sv_framework_version_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.status = 'draft' THEN
    RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
  END IF;
  IF TG_OP = 'UPDATE' AND OLD.status = 'active' AND NEW.status = 'retired'
     AND (to_jsonb(NEW) - ARRAY['status', 'retired_at']) = (to_jsonb(OLD) - ARRAY['status', 'retired_at']) THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'framework version % is % and cannot be changed', OLD.number, OLD.status
    USING ERRCODE = 'P0001', HINT = 'sv_frozen';
END $$;
--> statement-breakpoint
CREATE TRIGGER framework_versions_frozen BEFORE UPDATE OR DELETE ON framework_versions
  FOR EACH ROW EXECUTE FUNCTION sv_framework_version_frozen();
