-- Spend figures kept up to date by triggers (see docs/architecture.md, "Local spend"): an import's payments are added
-- to spend_supplier_months when it is marked imported, and each change there is added to spend_figures under the
-- supplier's dimensions as they are now; a change of a supplier's match, or of its organisation's district, size,
-- VCSE or local flag, moves that supplier's months from its old dimensions to its new ones.

SELECT sv_audit_table('spend_publishers');--> statement-breakpoint
SELECT sv_audit_table('spend_suppliers');--> statement-breakpoint

CREATE TYPE spend_dims AS (district text, size text, vcse boolean, local boolean, match text);
--> statement-breakpoint

-- The dimensions a supplier's payments count under: its organisation's when it is matched, else its own status.
CREATE OR REPLACE FUNCTION spend_dims_of(s spend_suppliers, o organisations) RETURNS spend_dims LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE
    WHEN s.status = 'matched' AND o.id IS NOT NULL
      THEN ROW(coalesce(o.district, ''), coalesce(o.size, 'unknown'), o.is_vcse, o.is_local, 'matched')::spend_dims
    WHEN s.status = 'matched' THEN ROW('', 'unknown', false, false, 'unmatched')::spend_dims
    ELSE ROW('', 'unknown', false, false, s.status)::spend_dims
  END
$$;
--> statement-breakpoint

CREATE OR REPLACE FUNCTION spend_add(k text, pub uuid, m date, dir text, d spend_dims, p bigint, n integer) RETURNS void LANGUAGE sql AS $$
  INSERT INTO spend_figures AS f (kind, publisher_id, month, directorate, district, size, vcse, local, match, pence, payments)
  VALUES (k, pub, m, dir, (d).district, (d).size, (d).vcse, (d).local, (d).match, p, n)
  ON CONFLICT (kind, publisher_id, month, directorate, district, size, vcse, local, match)
  DO UPDATE SET pence = f.pence + excluded.pence, payments = f.payments + excluded.payments
$$;
--> statement-breakpoint

CREATE OR REPLACE FUNCTION spend_supplier_months_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  s spend_suppliers;
  o organisations;
BEGIN
  IF TG_OP <> 'INSERT' THEN
    SELECT * INTO s FROM spend_suppliers WHERE id = OLD.supplier_id;
    SELECT * INTO o FROM organisations WHERE id = s.organisation_id;
    PERFORM spend_add(OLD.kind, s.publisher_id, OLD.month, OLD.directorate, spend_dims_of(s, o), -OLD.pence, -OLD.payments);
  END IF;
  IF TG_OP <> 'DELETE' THEN
    SELECT * INTO s FROM spend_suppliers WHERE id = NEW.supplier_id;
    SELECT * INTO o FROM organisations WHERE id = s.organisation_id;
    PERFORM spend_add(NEW.kind, s.publisher_id, NEW.month, NEW.directorate, spend_dims_of(s, o), NEW.pence, NEW.payments);
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER spend_supplier_months_figures AFTER INSERT OR UPDATE OR DELETE ON spend_supplier_months
  FOR EACH ROW EXECUTE FUNCTION spend_supplier_months_changed();
--> statement-breakpoint

-- Moves one supplier's months from one set of dimensions to another.
CREATE OR REPLACE FUNCTION spend_move_supplier(supplier uuid, pub uuid, from_dims spend_dims, to_dims spend_dims) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  r spend_supplier_months;
BEGIN
  IF from_dims IS NOT DISTINCT FROM to_dims THEN RETURN; END IF;
  FOR r IN SELECT * FROM spend_supplier_months WHERE supplier_id = supplier LOOP
    PERFORM spend_add(r.kind, pub, r.month, r.directorate, from_dims, -r.pence, -r.payments);
    PERFORM spend_add(r.kind, pub, r.month, r.directorate, to_dims, r.pence, r.payments);
  END LOOP;
END
$$;
--> statement-breakpoint

CREATE OR REPLACE FUNCTION spend_suppliers_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  old_o organisations;
  new_o organisations;
BEGIN
  SELECT * INTO old_o FROM organisations WHERE id = OLD.organisation_id;
  SELECT * INTO new_o FROM organisations WHERE id = NEW.organisation_id;
  PERFORM spend_move_supplier(NEW.id, NEW.publisher_id, spend_dims_of(OLD, old_o), spend_dims_of(NEW, new_o));
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER spend_suppliers_figures AFTER UPDATE ON spend_suppliers
  FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.organisation_id IS DISTINCT FROM NEW.organisation_id)
  EXECUTE FUNCTION spend_suppliers_changed();
--> statement-breakpoint

CREATE OR REPLACE FUNCTION spend_organisations_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  s spend_suppliers;
BEGIN
  FOR s IN SELECT * FROM spend_suppliers WHERE organisation_id = NEW.id AND status = 'matched' LOOP
    PERFORM spend_move_supplier(s.id, s.publisher_id, spend_dims_of(s, OLD), spend_dims_of(s, NEW));
  END LOOP;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER spend_organisations_figures AFTER UPDATE ON organisations
  FOR EACH ROW WHEN ((OLD.district, OLD.size, OLD.is_vcse, OLD.is_local) IS DISTINCT FROM (NEW.district, NEW.size, NEW.is_vcse, NEW.is_local))
  EXECUTE FUNCTION spend_organisations_changed();
--> statement-breakpoint

-- Rebuilds the figures from spend_supplier_months (tests compare the triggers' figures with it).
CREATE OR REPLACE FUNCTION spend_recount() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM spend_figures;
  INSERT INTO spend_figures (kind, publisher_id, month, directorate, district, size, vcse, local, match, pence, payments)
  SELECT m.kind, s.publisher_id, m.month, m.directorate, (d).district, (d).size, (d).vcse, (d).local, (d).match, sum(m.pence), sum(m.payments)
  FROM spend_supplier_months m
  JOIN spend_suppliers s ON s.id = m.supplier_id
  LEFT JOIN organisations o ON o.id = s.organisation_id
  CROSS JOIN LATERAL (SELECT spend_dims_of(s, o) AS d) x
  GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9;
END
$$;
