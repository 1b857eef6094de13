import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';

/**
 * Rebuilds every summary from the detail tables in one transaction, set-based (the same rules as the triggers in
 * migration 0009, written as whole-table queries). Used after a bulk load with the triggers off, and by the tests.
 */
export async function recountSummaries(db: DbOrTx): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(sql`TRUNCATE sv_figures, sv_rollup, sv_contract_totals, sv_contract_figures, sv_commitment_figures, sv_contract_quarters`);
    // the rollup is rebuilt below in one statement rather than row by row
    await tx.execute(sql`ALTER TABLE sv_figures DISABLE TRIGGER sv_figures_rollup`);
    await tx.execute(sql`CREATE TEMPORARY TABLE sv_parts AS ${parts}`);
    await tx.execute(figuresFromParts(sql`'*'`, sql``));
    await tx.execute(
      figuresFromParts(
        sql`dist.x`,
        sql`CROSS JOIN LATERAL (SELECT DISTINCT x FROM unnest(CASE WHEN cardinality(p.districts) > 0 THEN p.districts ELSE ARRAY[''] END) x) dist`,
      ),
    );
    await tx.execute(sql`ALTER TABLE sv_figures ENABLE TRIGGER sv_figures_rollup`);
    await tx.execute(sql`
      INSERT INTO sv_rollup (scope, directorate, subject, district, quarter, promised_hundredths, promised_pence, committed_hundredths,
        committed_pence, verified_hundredths, verified_pence, additional_hundredths, additional_pence, verified_lines)
      SELECT sc, dir, subj, f.district, f.quarter, sum(f.promised_hundredths), sum(f.promised_pence), sum(f.committed_hundredths),
        sum(f.committed_pence), sum(f.verified_hundredths), sum(f.verified_pence), sum(f.additional_hundredths), sum(f.additional_pence),
        sum(f.verified_lines)
      FROM sv_figures f JOIN measures m ON m.id = f.measure_id JOIN outcomes o ON o.id = m.outcome_id
      CROSS JOIN LATERAL unnest(CASE WHEN f.published THEN ARRAY['all', 'published'] ELSE ARRAY['all'] END) sc
      CROSS JOIN LATERAL unnest(ARRAY['*', f.directorate]) dir
      CROSS JOIN LATERAL unnest(ARRAY['*', 'measure:' || f.measure_id, 'outcome:' || o.code]) subj
      GROUP BY 1, 2, 3, 4, 5`);
    await tx.execute(sql`
      INSERT INTO sv_contract_totals (scope, directorate, start_quarter, contracts, in_scope_contracts, value_pence, size_known_value_pence,
        sme_value_pence, vcse_value_pence, local_value_pence)
      SELECT sc, dir, sv_quarter(c.start_date), count(*), count(*) FILTER (WHERE c.applicability <> 'out_of_scope'), sum(c.value_pence),
        coalesce(sum(c.value_pence) FILTER (WHERE o.size IS NOT NULL), 0), coalesce(sum(c.value_pence) FILTER (WHERE sv_sme(o.size) = 'yes'), 0),
        coalesce(sum(c.value_pence) FILTER (WHERE o.is_vcse), 0), coalesce(sum(c.value_pence) FILTER (WHERE o.is_local), 0)
      FROM contracts c JOIN organisations o ON o.id = c.supplier_id
      CROSS JOIN LATERAL unnest(CASE WHEN c.published_at IS NOT NULL THEN ARRAY['all', 'published'] ELSE ARRAY['all'] END) sc
      CROSS JOIN LATERAL unnest(ARRAY['*', c.directorate]) dir
      GROUP BY 1, 2, 3`);
    await tx.execute(sql`
      INSERT INTO sv_contract_figures (contract_id, promised_pence, committed_pence, verified_pence, additional_pence, verified_lines)
      SELECT c.id, coalesce(sum(p.promised_pence), 0), coalesce(sum(p.committed_pence), 0), coalesce(sum(p.verified_pence), 0),
        coalesce(sum(p.additional_pence), 0), coalesce(sum(p.verified_lines), 0)
      FROM contracts c LEFT JOIN sv_parts p ON p.contract_id = c.id
      GROUP BY c.id`);
    await tx.execute(sql`
      INSERT INTO sv_commitment_figures (commitment_id, contract_id, promised_hundredths, promised_pence, committed_hundredths, committed_pence,
        verified_hundredths, verified_pence, verified_lines)
      SELECT cm.id, cm.contract_id, cm.original_quantity_hundredths,
        sv_profile_pence(cm.original_profile, cm.original_quantity_hundredths, cm.original_measure_id),
        cm.quantity_hundredths, sv_profile_pence(cm.profile, cm.quantity_hundredths, cm.measure_id),
        coalesce(v.hundredths, 0), coalesce(v.pence, 0), coalesce(v.lines, 0)
      FROM contract_commitments cm
      LEFT JOIN (
        SELECT commitment_id, sum(verified_hundredths) AS hundredths, sum(verified_pence) AS pence, sum(verified_lines) AS lines
        FROM sv_parts WHERE commitment_id IS NOT NULL AND verified_lines > 0 GROUP BY commitment_id
      ) v ON v.commitment_id = cm.id`);
    await tx.execute(sql`
      INSERT INTO sv_contract_quarters (contract_id, quarter, due_pence, verified_pence)
      SELECT q.contract_id, q.quarter,
        sum(coalesce(d.due, 0)) OVER (PARTITION BY q.contract_id ORDER BY q.quarter),
        sum(coalesce(d.verified, 0)) OVER (PARTITION BY q.contract_id ORDER BY q.quarter)
      FROM (
        SELECT c.id AS contract_id, gs::date AS quarter, sv_quarter(c.start_date) AS first
        FROM contracts c, generate_series(sv_quarter(c.start_date), sv_quarter(c.end_date), interval '3 months') gs
      ) q
      LEFT JOIN (
        SELECT p.contract_id, greatest(p.quarter, sv_quarter(c.start_date)) AS quarter,
          sum(p.committed_pence) AS due, sum(p.verified_pence - p.additional_pence) AS verified
        FROM sv_parts p JOIN contracts c ON c.id = p.contract_id
        GROUP BY 1, 2
      ) d ON d.contract_id = q.contract_id AND d.quarter = q.quarter`);
    await tx.execute(sql`DROP TABLE sv_parts`);
  });
}

/**
 * Every part that counts in a figure, with its dimensions: each profile period (and unprofiled rest) of each
 * commitment's promise and current commitment, and each verified line.
 */
const parts = sql`
  WITH dims AS (
    SELECT c.id AS contract_id, c.directorate, sv_sme(o.size) AS sme, o.is_vcse AS vcse, o.is_local AS local,
      c.published_at IS NOT NULL AS published, c.end_date
    FROM contracts c JOIN organisations o ON o.id = c.supplier_id
  )
  SELECT d.*, ch.quarter, cm.original_measure_id AS measure_id, cm.districts, NULL::uuid AS commitment_id,
    ch.hundredths AS promised_hundredths, coalesce(sv_pence(ch.hundredths, m.proxy_pence_per_unit, m.deadweight_bps, m.attribution_bps), 0) AS promised_pence,
    0::bigint AS committed_hundredths, 0::bigint AS committed_pence, 0::bigint AS verified_hundredths, 0::bigint AS verified_pence,
    0::bigint AS additional_hundredths, 0::bigint AS additional_pence, 0 AS verified_lines
  FROM contract_commitments cm JOIN dims d ON d.contract_id = cm.contract_id JOIN measures m ON m.id = cm.original_measure_id
  CROSS JOIN LATERAL sv_profile_chunks(cm.original_profile, cm.original_quantity_hundredths, d.end_date) ch
  UNION ALL
  SELECT d.*, ch.quarter, cm.measure_id, cm.districts, NULL::uuid,
    0, 0, ch.hundredths, coalesce(sv_pence(ch.hundredths, m.proxy_pence_per_unit, m.deadweight_bps, m.attribution_bps), 0),
    0, 0, 0, 0, 0
  FROM contract_commitments cm JOIN dims d ON d.contract_id = cm.contract_id JOIN measures m ON m.id = cm.measure_id
  CROSS JOIN LATERAL sv_profile_chunks(cm.profile, cm.quantity_hundredths, d.end_date) ch
  UNION ALL
  SELECT d.*, sv_quarter(r.period_end), l.measure_id, l.districts, l.commitment_id,
    0, 0, 0, 0, l.quantity_hundredths, v.pence,
    CASE WHEN l.commitment_id IS NULL THEN l.quantity_hundredths ELSE 0 END, CASE WHEN l.commitment_id IS NULL THEN v.pence ELSE 0 END, 1
  FROM report_lines l JOIN delivery_reports r ON r.id = l.report_id JOIN dims d ON d.contract_id = r.contract_id
  JOIN measures m ON m.id = l.measure_id
  CROSS JOIN LATERAL (SELECT coalesce(sv_pence(l.quantity_hundredths, m.proxy_pence_per_unit, m.deadweight_bps, m.attribution_bps), 0) AS pence) v
  WHERE l.status = 'verified'`;

function figuresFromParts(district: ReturnType<typeof sql>, expand: ReturnType<typeof sql>) {
  return sql`
    INSERT INTO sv_figures (quarter, measure_id, district, directorate, sme, vcse, local, published,
      promised_hundredths, promised_pence, committed_hundredths, committed_pence, verified_hundredths, verified_pence,
      additional_hundredths, additional_pence, verified_lines)
    SELECT * FROM (
      SELECT p.quarter, p.measure_id, ${district} AS district, p.directorate, p.sme, p.vcse, p.local, p.published,
        sum(p.promised_hundredths) AS a, sum(p.promised_pence) AS b, sum(p.committed_hundredths) AS c, sum(p.committed_pence) AS d,
        sum(p.verified_hundredths) AS e, sum(p.verified_pence) AS f, sum(p.additional_hundredths) AS g, sum(p.additional_pence) AS h,
        sum(p.verified_lines) AS i
      FROM sv_parts p ${expand}
      GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
    ) s
    WHERE (a, b, c, d, e, f, g, h, i) <> (0, 0, 0, 0, 0, 0, 0, 0, 0)`;
}
