-- Summaries of the social value database kept up to date by triggers, in the same transaction as the change that
-- moves a figure, whichever code path makes it. Each trigger takes away what the old row counted and adds what the
-- new row counts (docs/architecture.md, "Summaries"). recountSummaries() in src/features/summaries rebuilds them.

-- Social value in pence of a quantity in hundredths (DESIGN.md section 3), rounded half up to the penny exactly as
-- src/domain/social-value.ts does; null when the measure has no proxy value.
CREATE OR REPLACE FUNCTION sv_pence(hundredths bigint, proxy bigint, deadweight integer, attribution integer) RETURNS bigint
LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN proxy IS NULL THEN NULL
    ELSE div(hundredths::numeric * proxy * (10000 - deadweight) * (10000 - attribution) * 2 + 10000000000, 20000000000)::bigint END
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION sv_sme(size text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN size IS NULL THEN 'unknown' WHEN size IN ('micro', 'small', 'medium') THEN 'yes' ELSE 'no' END
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION sv_quarter(d date) RETURNS date LANGUAGE sql IMMUTABLE AS $$
  SELECT date_trunc('quarter', d)::date
$$;
--> statement-breakpoint
-- A profile as parts that fall due: one per profile period (in the quarter its period ends) and the rest of the
-- quantity that no period holds, due in the quarter the contract ends.
CREATE OR REPLACE FUNCTION sv_profile_chunks(profile jsonb, total bigint, end_date date)
RETURNS TABLE (quarter date, hundredths bigint) LANGUAGE sql IMMUTABLE AS $$
  SELECT sv_quarter((e ->> 'periodEnd')::date), (e ->> 'quantityHundredths')::bigint FROM jsonb_array_elements(profile) e
  UNION ALL
  SELECT sv_quarter(end_date), rest FROM (
    SELECT total - coalesce((SELECT sum((e ->> 'quantityHundredths')::bigint) FROM jsonb_array_elements(profile) e), 0)::bigint AS rest
  ) r WHERE rest <> 0
$$;
--> statement-breakpoint
-- The value of a profile: each part valued on its own (so a figure by quarter adds up to it); null without a proxy.
CREATE OR REPLACE FUNCTION sv_profile_pence(profile jsonb, total bigint, measure uuid) RETURNS bigint LANGUAGE sql STABLE AS $$
  SELECT CASE WHEN m.proxy_pence_per_unit IS NULL THEN NULL
    ELSE coalesce((SELECT sum(sv_pence(ch.hundredths, m.proxy_pence_per_unit, m.deadweight_bps, m.attribution_bps))
                   FROM sv_profile_chunks(profile, total, NULL) ch), 0)::bigint END
  FROM measures m WHERE m.id = measure
$$;
--> statement-breakpoint
CREATE TYPE sv_dims AS (contract_id uuid, directorate text, sme text, vcse boolean, local boolean, published boolean, end_date date);
--> statement-breakpoint
CREATE OR REPLACE FUNCTION sv_dims_for(c contracts, o organisations) RETURNS sv_dims LANGUAGE sql IMMUTABLE AS $$
  SELECT ROW(c.id, c.directorate, sv_sme(o.size), o.is_vcse, o.is_local, c.published_at IS NOT NULL, c.end_date)::sv_dims
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION sv_dims_of(c contracts) RETURNS sv_dims LANGUAGE sql STABLE AS $$
  SELECT sv_dims_for(c, o) FROM organisations o WHERE o.id = c.supplier_id
$$;
--> statement-breakpoint
-- Adds to (or, with negative amounts, takes from) the figures of a quarter and measure: once under district '*', and
-- once under each district named ('' when none is).
CREATE OR REPLACE FUNCTION sv_add_figure(
  q date, measure uuid, districts text[], d sv_dims,
  promised_h bigint, promised_p bigint, committed_h bigint, committed_p bigint,
  verified_h bigint, verified_p bigint, additional_h bigint, additional_p bigint, lines integer
) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  named text;
BEGIN
  FOR named IN
    SELECT '*' UNION SELECT x FROM unnest(CASE WHEN cardinality(districts) > 0 THEN districts ELSE ARRAY[''] END) x
  LOOP
    INSERT INTO sv_figures AS f (quarter, measure_id, district, directorate, sme, vcse, local, published,
      promised_hundredths, promised_pence, committed_hundredths, committed_pence, verified_hundredths, verified_pence,
      additional_hundredths, additional_pence, verified_lines)
    VALUES (q, measure, named, d.directorate, d.sme, d.vcse, d.local, d.published,
      promised_h, promised_p, committed_h, committed_p, verified_h, verified_p, additional_h, additional_p, lines)
    ON CONFLICT (district, quarter, measure_id, directorate, sme, vcse, local, published) DO UPDATE SET
      promised_hundredths = f.promised_hundredths + excluded.promised_hundredths,
      promised_pence = f.promised_pence + excluded.promised_pence,
      committed_hundredths = f.committed_hundredths + excluded.committed_hundredths,
      committed_pence = f.committed_pence + excluded.committed_pence,
      verified_hundredths = f.verified_hundredths + excluded.verified_hundredths,
      verified_pence = f.verified_pence + excluded.verified_pence,
      additional_hundredths = f.additional_hundredths + excluded.additional_hundredths,
      additional_pence = f.additional_pence + excluded.additional_pence,
      verified_lines = f.verified_lines + excluded.verified_lines;
  END LOOP;
  DELETE FROM sv_figures f
  WHERE f.quarter = q AND f.measure_id = measure AND f.directorate = d.directorate AND f.sme = d.sme AND f.vcse = d.vcse
    AND f.local = d.local AND f.published = d.published
    AND f.promised_hundredths = 0 AND f.promised_pence = 0 AND f.committed_hundredths = 0 AND f.committed_pence = 0
    AND f.verified_hundredths = 0 AND f.verified_pence = 0 AND f.additional_hundredths = 0 AND f.additional_pence = 0
    AND f.verified_lines = 0;
END $$;
--> statement-breakpoint
-- What a verified line counts (s = 1) or stops counting (s = -1).
CREATE OR REPLACE FUNCTION sv_apply_line(l report_lines, s integer, d sv_dims, p_end date) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  m measures;
  v bigint;
  q date := sv_quarter(p_end);
  extra boolean := l.commitment_id IS NULL;
BEGIN
  IF l.status IS DISTINCT FROM 'verified' THEN RETURN; END IF;
  SELECT * INTO m FROM measures WHERE id = l.measure_id;
  v := coalesce(sv_pence(l.quantity_hundredths, m.proxy_pence_per_unit, m.deadweight_bps, m.attribution_bps), 0);
  PERFORM sv_add_figure(q, l.measure_id, l.districts, d, 0, 0, 0, 0, s * l.quantity_hundredths, s * v,
    CASE WHEN extra THEN s * l.quantity_hundredths ELSE 0 END, CASE WHEN extra THEN s * v ELSE 0 END, s);
  UPDATE sv_contract_figures SET verified_pence = verified_pence + s * v,
    additional_pence = additional_pence + CASE WHEN extra THEN s * v ELSE 0 END, verified_lines = verified_lines + s
  WHERE contract_id = d.contract_id;
  IF NOT extra THEN
    UPDATE sv_commitment_figures SET verified_hundredths = verified_hundredths + s * l.quantity_hundredths,
      verified_pence = verified_pence + s * v, verified_lines = verified_lines + s
    WHERE commitment_id = l.commitment_id;
    IF v <> 0 THEN
      UPDATE sv_contract_quarters SET verified_pence = verified_pence + s * v WHERE contract_id = d.contract_id AND quarter >= q;
    END IF;
  END IF;
END $$;
--> statement-breakpoint
-- What a commitment promised and commits to (s = 1), or stops counting (s = -1).
CREATE OR REPLACE FUNCTION sv_apply_commitment(cm contract_commitments, s integer, d sv_dims) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  m measures;
  ch record;
  v bigint;
  promised bigint := 0;
  committed bigint := 0;
BEGIN
  SELECT * INTO m FROM measures WHERE id = cm.original_measure_id;
  FOR ch IN SELECT * FROM sv_profile_chunks(cm.original_profile, cm.original_quantity_hundredths, d.end_date) LOOP
    v := coalesce(sv_pence(ch.hundredths, m.proxy_pence_per_unit, m.deadweight_bps, m.attribution_bps), 0);
    promised := promised + v;
    PERFORM sv_add_figure(ch.quarter, m.id, cm.districts, d, s * ch.hundredths, s * v, 0, 0, 0, 0, 0, 0, 0);
  END LOOP;
  SELECT * INTO m FROM measures WHERE id = cm.measure_id;
  FOR ch IN SELECT * FROM sv_profile_chunks(cm.profile, cm.quantity_hundredths, d.end_date) LOOP
    v := coalesce(sv_pence(ch.hundredths, m.proxy_pence_per_unit, m.deadweight_bps, m.attribution_bps), 0);
    committed := committed + v;
    PERFORM sv_add_figure(ch.quarter, m.id, cm.districts, d, 0, 0, s * ch.hundredths, s * v, 0, 0, 0, 0, 0);
    IF v <> 0 THEN
      UPDATE sv_contract_quarters SET due_pence = due_pence + s * v WHERE contract_id = d.contract_id AND quarter >= ch.quarter;
    END IF;
  END LOOP;
  UPDATE sv_contract_figures SET promised_pence = promised_pence + s * promised, committed_pence = committed_pence + s * committed
  WHERE contract_id = d.contract_id;
END $$;
--> statement-breakpoint
-- Everything a contract counts: itself, its commitments and its verified lines.
CREATE OR REPLACE FUNCTION sv_apply_contract(c contracts, d sv_dims, s integer) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  cm contract_commitments;
  r record;
BEGIN
  INSERT INTO sv_contract_totals AS t (scope, directorate, start_quarter, contracts, in_scope_contracts, value_pence,
    size_known_value_pence, sme_value_pence, vcse_value_pence, local_value_pence)
  SELECT sc, dir, sv_quarter(c.start_date), s, CASE WHEN c.applicability <> 'out_of_scope' THEN s ELSE 0 END, s * c.value_pence,
    CASE WHEN d.sme <> 'unknown' THEN s * c.value_pence ELSE 0 END, CASE WHEN d.sme = 'yes' THEN s * c.value_pence ELSE 0 END,
    CASE WHEN d.vcse THEN s * c.value_pence ELSE 0 END, CASE WHEN d.local THEN s * c.value_pence ELSE 0 END
  FROM unnest(CASE WHEN d.published THEN ARRAY['all', 'published'] ELSE ARRAY['all'] END) sc, unnest(ARRAY['*', d.directorate]) dir
  ON CONFLICT (scope, directorate, start_quarter) DO UPDATE SET
    contracts = t.contracts + excluded.contracts, in_scope_contracts = t.in_scope_contracts + excluded.in_scope_contracts,
    value_pence = t.value_pence + excluded.value_pence, size_known_value_pence = t.size_known_value_pence + excluded.size_known_value_pence,
    sme_value_pence = t.sme_value_pence + excluded.sme_value_pence, vcse_value_pence = t.vcse_value_pence + excluded.vcse_value_pence,
    local_value_pence = t.local_value_pence + excluded.local_value_pence;
  DELETE FROM sv_contract_totals t WHERE t.start_quarter = sv_quarter(c.start_date) AND t.contracts = 0;
  FOR cm IN SELECT * FROM contract_commitments WHERE contract_id = c.id LOOP
    PERFORM sv_apply_commitment(cm, s, d);
  END LOOP;
  FOR r IN
    SELECT l AS line, rp.period_end FROM report_lines l JOIN delivery_reports rp ON rp.id = l.report_id
    WHERE rp.contract_id = c.id AND l.status = 'verified'
  LOOP
    PERFORM sv_apply_line(r.line, s, d, r.period_end);
  END LOOP;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION sv_create_contract_quarters(c contracts) RETURNS void LANGUAGE sql AS $$
  INSERT INTO sv_contract_quarters (contract_id, quarter)
  SELECT c.id, gs::date FROM generate_series(sv_quarter(c.start_date), sv_quarter(c.end_date), interval '3 months') gs
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION sv_contracts_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO sv_contract_figures (contract_id) VALUES (NEW.id);
    PERFORM sv_create_contract_quarters(NEW);
    PERFORM sv_apply_contract(NEW, sv_dims_of(NEW), 1);
    RETURN NULL;
  ELSIF TG_OP = 'DELETE' THEN
    -- before the delete: its rows in the summaries go with it (foreign keys), its share of the figures goes here
    PERFORM sv_apply_contract(OLD, sv_dims_of(OLD), -1);
    RETURN OLD;
  END IF;
  IF (OLD.directorate, OLD.supplier_id, OLD.published_at IS NULL, OLD.start_date, OLD.end_date, OLD.value_pence, OLD.applicability)
     IS NOT DISTINCT FROM (NEW.directorate, NEW.supplier_id, NEW.published_at IS NULL, NEW.start_date, NEW.end_date, NEW.value_pence, NEW.applicability) THEN
    RETURN NULL;
  END IF;
  PERFORM sv_apply_contract(OLD, sv_dims_of(OLD), -1);
  IF (OLD.start_date, OLD.end_date) IS DISTINCT FROM (NEW.start_date, NEW.end_date) THEN
    DELETE FROM sv_contract_quarters WHERE contract_id = NEW.id;
    PERFORM sv_create_contract_quarters(NEW);
  END IF;
  PERFORM sv_apply_contract(NEW, sv_dims_of(NEW), 1);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER sv_contracts_summaries AFTER INSERT OR UPDATE ON contracts FOR EACH ROW EXECUTE FUNCTION sv_contracts_changed();
--> statement-breakpoint
CREATE TRIGGER sv_contracts_summaries_delete BEFORE DELETE ON contracts FOR EACH ROW EXECUTE FUNCTION sv_contracts_changed();
--> statement-breakpoint
-- A supplier's flags (size, VCSE, local) are read as they are now: when they change, its contracts move.
CREATE OR REPLACE FUNCTION sv_organisations_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  c contracts;
BEGIN
  IF (sv_sme(OLD.size), OLD.is_vcse, OLD.is_local) IS NOT DISTINCT FROM (sv_sme(NEW.size), NEW.is_vcse, NEW.is_local) THEN
    RETURN NULL;
  END IF;
  FOR c IN SELECT * FROM contracts WHERE supplier_id = NEW.id LOOP
    PERFORM sv_apply_contract(c, sv_dims_for(c, OLD), -1);
    PERFORM sv_apply_contract(c, sv_dims_for(c, NEW), 1);
  END LOOP;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER sv_organisations_summaries AFTER UPDATE ON organisations FOR EACH ROW EXECUTE FUNCTION sv_organisations_changed();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION sv_commitments_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  c contracts;
BEGIN
  IF TG_OP = 'UPDATE' AND (OLD.contract_id, OLD.measure_id, OLD.quantity_hundredths, OLD.profile, OLD.districts,
      OLD.original_measure_id, OLD.original_quantity_hundredths, OLD.original_profile)
    IS NOT DISTINCT FROM (NEW.contract_id, NEW.measure_id, NEW.quantity_hundredths, NEW.profile, NEW.districts,
      NEW.original_measure_id, NEW.original_quantity_hundredths, NEW.original_profile) THEN
    RETURN NULL;
  END IF;
  IF TG_OP <> 'INSERT' THEN
    -- a commitment deleted with its contract finds no contract: the contract's delete took its share away
    SELECT * INTO c FROM contracts WHERE id = OLD.contract_id;
    IF FOUND THEN PERFORM sv_apply_commitment(OLD, -1, sv_dims_of(c)); END IF;
  END IF;
  IF TG_OP <> 'DELETE' THEN
    SELECT * INTO c FROM contracts WHERE id = NEW.contract_id;
    PERFORM sv_apply_commitment(NEW, 1, sv_dims_of(c));
    INSERT INTO sv_commitment_figures AS f (commitment_id, contract_id, promised_hundredths, promised_pence, committed_hundredths, committed_pence)
    VALUES (NEW.id, NEW.contract_id, NEW.original_quantity_hundredths,
      sv_profile_pence(NEW.original_profile, NEW.original_quantity_hundredths, NEW.original_measure_id),
      NEW.quantity_hundredths, sv_profile_pence(NEW.profile, NEW.quantity_hundredths, NEW.measure_id))
    ON CONFLICT (commitment_id) DO UPDATE SET contract_id = excluded.contract_id,
      promised_hundredths = excluded.promised_hundredths, promised_pence = excluded.promised_pence,
      committed_hundredths = excluded.committed_hundredths, committed_pence = excluded.committed_pence;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER sv_commitments_summaries AFTER INSERT OR UPDATE OR DELETE ON contract_commitments
  FOR EACH ROW EXECUTE FUNCTION sv_commitments_changed();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION sv_apply_report(rid uuid, cid uuid, p_end date, s integer) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  c contracts;
  d sv_dims;
  l report_lines;
BEGIN
  SELECT * INTO c FROM contracts WHERE id = cid;
  IF NOT FOUND THEN RETURN; END IF;
  d := sv_dims_of(c);
  FOR l IN SELECT * FROM report_lines WHERE report_id = rid AND status = 'verified' LOOP
    PERFORM sv_apply_line(l, s, d, p_end);
  END LOOP;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION sv_reports_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    -- before the delete: the lines' own triggers then find no report and leave the figures alone
    PERFORM sv_apply_report(OLD.id, OLD.contract_id, OLD.period_end, -1);
    RETURN OLD;
  END IF;
  IF (OLD.contract_id, OLD.period_end) IS DISTINCT FROM (NEW.contract_id, NEW.period_end) THEN
    PERFORM sv_apply_report(OLD.id, OLD.contract_id, OLD.period_end, -1);
    PERFORM sv_apply_report(NEW.id, NEW.contract_id, NEW.period_end, 1);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER sv_reports_summaries AFTER UPDATE ON delivery_reports FOR EACH ROW EXECUTE FUNCTION sv_reports_changed();
--> statement-breakpoint
CREATE TRIGGER sv_reports_summaries_delete BEFORE DELETE ON delivery_reports FOR EACH ROW EXECUTE FUNCTION sv_reports_changed();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION sv_lines_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  c contracts;
  rp delivery_reports;
BEGIN
  -- a line deleted with its report (or contract) finds no report: that delete took its share away
  IF TG_OP <> 'INSERT' AND OLD.status = 'verified' THEN
    SELECT * INTO rp FROM delivery_reports WHERE id = OLD.report_id;
    SELECT * INTO c FROM contracts WHERE id = rp.contract_id;
    IF FOUND THEN PERFORM sv_apply_line(OLD, -1, sv_dims_of(c), rp.period_end); END IF;
  END IF;
  IF TG_OP <> 'DELETE' AND NEW.status = 'verified' THEN
    SELECT * INTO rp FROM delivery_reports WHERE id = NEW.report_id;
    SELECT * INTO c FROM contracts WHERE id = rp.contract_id;
    IF FOUND THEN PERFORM sv_apply_line(NEW, 1, sv_dims_of(c), rp.period_end); END IF;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER sv_lines_summaries AFTER INSERT OR UPDATE OR DELETE ON report_lines FOR EACH ROW EXECUTE FUNCTION sv_lines_changed();
--> statement-breakpoint
-- The dashboard's rollup follows sv_figures: what a row of it held is taken away, what it holds now is added.
CREATE OR REPLACE FUNCTION sv_rollup_add(f sv_figures, s integer) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO sv_rollup AS r (scope, directorate, subject, district, quarter, promised_hundredths, promised_pence,
    committed_hundredths, committed_pence, verified_hundredths, verified_pence, additional_hundredths, additional_pence, verified_lines)
  SELECT sc, dir, subj, f.district, f.quarter, s * f.promised_hundredths, s * f.promised_pence, s * f.committed_hundredths,
    s * f.committed_pence, s * f.verified_hundredths, s * f.verified_pence, s * f.additional_hundredths, s * f.additional_pence,
    s * f.verified_lines
  FROM unnest(CASE WHEN f.published THEN ARRAY['all', 'published'] ELSE ARRAY['all'] END) sc,
    unnest(ARRAY['*', f.directorate]) dir,
    unnest(ARRAY['*', 'measure:' || f.measure_id,
      'outcome:' || (SELECT o.code FROM measures m JOIN outcomes o ON o.id = m.outcome_id WHERE m.id = f.measure_id)]) subj
  ON CONFLICT (scope, directorate, subject, district, quarter) DO UPDATE SET
    promised_hundredths = r.promised_hundredths + excluded.promised_hundredths,
    promised_pence = r.promised_pence + excluded.promised_pence,
    committed_hundredths = r.committed_hundredths + excluded.committed_hundredths,
    committed_pence = r.committed_pence + excluded.committed_pence,
    verified_hundredths = r.verified_hundredths + excluded.verified_hundredths,
    verified_pence = r.verified_pence + excluded.verified_pence,
    additional_hundredths = r.additional_hundredths + excluded.additional_hundredths,
    additional_pence = r.additional_pence + excluded.additional_pence,
    verified_lines = r.verified_lines + excluded.verified_lines;
  DELETE FROM sv_rollup r
  WHERE r.district = f.district AND r.quarter = f.quarter AND r.directorate IN ('*', f.directorate)
    AND r.promised_hundredths = 0 AND r.promised_pence = 0 AND r.committed_hundredths = 0 AND r.committed_pence = 0
    AND r.verified_hundredths = 0 AND r.verified_pence = 0 AND r.additional_hundredths = 0 AND r.additional_pence = 0
    AND r.verified_lines = 0;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION sv_figures_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN PERFORM sv_rollup_add(OLD, -1); END IF;
  IF TG_OP <> 'DELETE' THEN PERFORM sv_rollup_add(NEW, 1); END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER sv_figures_rollup AFTER INSERT OR UPDATE OR DELETE ON sv_figures FOR EACH ROW EXECUTE FUNCTION sv_figures_changed();
