-- Tables keyed by something other than "id" name their record in the trail by that key.
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
    coalesce(new_row ->> 'id', old_row ->> 'id', new_row ->> 'requirement_id', old_row ->> 'requirement_id',
             new_row ->> 'key', old_row ->> 'key'),
    old_row,
    new_row,
    nullif(current_setting('sv.request_id', true), '')
  );
  RETURN NULL;
END $$;
--> statement-breakpoint
SELECT sv_audit_table(t::regclass) FROM unnest(ARRAY[
  'requirements', 'opportunity_assessments', 'assessment_measures', 'engagement_entries', 'hia_screenings', 'app_settings',
  'tenders', 'tender_measures', 'tender_questions', 'tender_suppliers', 'tender_evaluators',
  'bids', 'bid_commitments', 'bid_answers', 'evaluator_scores', 'moderated_scores',
  'contracts', 'contract_commitments', 'commitment_variations', 'delivery_reports', 'report_lines', 'line_messages',
  'evidence_files', 'remediation_actions', 'import_mappings'
]) AS t;
--> statement-breakpoint
-- What a supplier promised at tender is never overwritten: changes go through variations.
CREATE OR REPLACE FUNCTION sv_commitment_promise_kept() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.original_measure_id <> OLD.original_measure_id
     OR NEW.original_quantity_hundredths <> OLD.original_quantity_hundredths
     OR NEW.original_profile <> OLD.original_profile THEN
    RAISE EXCEPTION 'the tender promise of a commitment cannot be changed' USING ERRCODE = 'P0001', HINT = 'sv_frozen';
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER contract_commitments_promise_kept BEFORE UPDATE ON contract_commitments
  FOR EACH ROW EXECUTE FUNCTION sv_commitment_promise_kept();
--> statement-breakpoint
-- Once moderation is locked, no score of that tender's bids can change.
CREATE OR REPLACE FUNCTION sv_scores_locked() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  locked timestamptz;
BEGIN
  SELECT t.moderation_locked_at INTO locked
    FROM bids b JOIN tenders t ON t.id = b.tender_id
   WHERE b.id = CASE WHEN TG_OP = 'DELETE' THEN OLD.bid_id ELSE NEW.bid_id END;
  IF locked IS NOT NULL THEN
    RAISE EXCEPTION 'moderation of this tender is locked: scores cannot change' USING ERRCODE = 'P0001', HINT = 'sv_frozen';
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END $$;
--> statement-breakpoint
CREATE TRIGGER evaluator_scores_locked BEFORE INSERT OR UPDATE OR DELETE ON evaluator_scores
  FOR EACH ROW EXECUTE FUNCTION sv_scores_locked();
--> statement-breakpoint
CREATE TRIGGER moderated_scores_locked BEFORE INSERT OR UPDATE OR DELETE ON moderated_scores
  FOR EACH ROW EXECUTE FUNCTION sv_scores_locked();
--> statement-breakpoint
-- A published tender's measures and questions are frozen.
CREATE OR REPLACE FUNCTION sv_tender_setup_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  st text;
BEGIN
  SELECT status INTO st FROM tenders WHERE id = CASE WHEN TG_OP = 'DELETE' THEN OLD.tender_id ELSE NEW.tender_id END;
  IF st IS NOT NULL AND st <> 'draft' THEN
    RAISE EXCEPTION 'the tender has been published and its set-up cannot change' USING ERRCODE = 'P0001', HINT = 'sv_frozen';
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END $$;
--> statement-breakpoint
CREATE TRIGGER tender_measures_frozen BEFORE INSERT OR UPDATE OR DELETE ON tender_measures
  FOR EACH ROW EXECUTE FUNCTION sv_tender_setup_frozen();
--> statement-breakpoint
CREATE TRIGGER tender_questions_frozen BEFORE INSERT OR UPDATE OR DELETE ON tender_questions
  FOR EACH ROW EXECUTE FUNCTION sv_tender_setup_frozen();
--> statement-breakpoint
-- After a tender closes, no bid's commitments or answers can change.
CREATE OR REPLACE FUNCTION sv_bid_closed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  closes timestamptz;
BEGIN
  SELECT t.closing_at INTO closes
    FROM bids b JOIN tenders t ON t.id = b.tender_id
   WHERE b.id = CASE WHEN TG_OP = 'DELETE' THEN OLD.bid_id ELSE NEW.bid_id END;
  IF closes IS NOT NULL AND now() >= closes THEN
    RAISE EXCEPTION 'the tender has closed: bids cannot change' USING ERRCODE = 'P0001', HINT = 'sv_closed';
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END $$;
--> statement-breakpoint
CREATE TRIGGER bid_commitments_closed BEFORE INSERT OR UPDATE OR DELETE ON bid_commitments
  FOR EACH ROW EXECUTE FUNCTION sv_bid_closed();
--> statement-breakpoint
CREATE TRIGGER bid_answers_closed BEFORE INSERT OR UPDATE OR DELETE ON bid_answers
  FOR EACH ROW EXECUTE FUNCTION sv_bid_closed();
