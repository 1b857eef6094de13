-- Policy compliance kept by triggers: a requirement's row is worked out again whenever it or one of its tenders
-- changes, and the totals follow its rows (docs/architecture.md, "Summaries").
CREATE OR REPLACE FUNCTION sv_refresh_compliance(rid uuid) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM sv_requirement_compliance WHERE requirement_id = rid;
  INSERT INTO sv_requirement_compliance (requirement_id, tender_id, directorate, quarter, with_criteria, weight_bps, reason)
  SELECT r.id, t.id, r.directorate, sv_quarter(coalesce(t.published_at, t.created_at)::date), t.sv_weight_bps > 0, t.sv_weight_bps,
    nullif(t.low_weight_reason, '')
  FROM requirements r
  JOIN LATERAL (
    SELECT * FROM tenders WHERE requirement_id = r.id AND status IN ('published', 'closed', 'awarded')
    ORDER BY coalesce(published_at, created_at) DESC, id DESC LIMIT 1
  ) t ON true
  WHERE r.id = rid AND r.applicability <> 'out_of_scope';
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION sv_tenders_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN PERFORM sv_refresh_compliance(OLD.requirement_id); END IF;
  IF TG_OP <> 'DELETE' AND (TG_OP = 'INSERT' OR NEW.requirement_id <> OLD.requirement_id) THEN
    PERFORM sv_refresh_compliance(NEW.requirement_id);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER sv_tenders_compliance AFTER INSERT OR UPDATE OR DELETE ON tenders FOR EACH ROW EXECUTE FUNCTION sv_tenders_changed();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION sv_requirements_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF (OLD.applicability, OLD.directorate) IS DISTINCT FROM (NEW.applicability, NEW.directorate) THEN
    PERFORM sv_refresh_compliance(NEW.id);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER sv_requirements_compliance AFTER UPDATE ON requirements FOR EACH ROW EXECUTE FUNCTION sv_requirements_changed();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION sv_compliance_add(c sv_requirement_compliance, s integer) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO sv_compliance_totals AS t (directorate, quarter, requirements, with_criteria, weight_sum_bps)
  SELECT dir, c.quarter, s, CASE WHEN c.with_criteria THEN s ELSE 0 END, CASE WHEN c.with_criteria THEN s * c.weight_bps ELSE 0 END
  FROM unnest(ARRAY['*', c.directorate]) dir
  ON CONFLICT (directorate, quarter) DO UPDATE SET requirements = t.requirements + excluded.requirements,
    with_criteria = t.with_criteria + excluded.with_criteria, weight_sum_bps = t.weight_sum_bps + excluded.weight_sum_bps;
  DELETE FROM sv_compliance_totals t WHERE t.quarter = c.quarter AND t.directorate IN ('*', c.directorate) AND t.requirements = 0;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION sv_compliance_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN PERFORM sv_compliance_add(OLD, -1); END IF;
  IF TG_OP <> 'DELETE' THEN PERFORM sv_compliance_add(NEW, 1); END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER sv_compliance_totals AFTER INSERT OR UPDATE OR DELETE ON sv_requirement_compliance
  FOR EACH ROW EXECUTE FUNCTION sv_compliance_changed();
--> statement-breakpoint
-- requirements and tenders that exist already
SELECT sv_refresh_compliance(id) FROM requirements;
--> statement-breakpoint
-- Back-fill of the summaries of migration 0009 (empty until now) for contracts that exist already.
INSERT INTO sv_contract_figures (contract_id) SELECT id FROM contracts;
--> statement-breakpoint
INSERT INTO sv_commitment_figures (commitment_id, contract_id, promised_hundredths, promised_pence, committed_hundredths, committed_pence)
SELECT id, contract_id, original_quantity_hundredths, sv_profile_pence(original_profile, original_quantity_hundredths, original_measure_id),
  quantity_hundredths, sv_profile_pence(profile, quantity_hundredths, measure_id)
FROM contract_commitments;
--> statement-breakpoint
SELECT sv_create_contract_quarters(c) FROM contracts c;
--> statement-breakpoint
SELECT sv_apply_contract(c, sv_dims_of(c), 1) FROM contracts c;
