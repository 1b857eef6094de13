import type { Db } from '../../src/db/client.js';
import {
  contractCommitments,
  contracts,
  deliveryReports,
  measures,
  organisations,
  outcomes,
  reportLines,
  svCommitmentFigures,
  svContractFigures,
  svContractQuarters,
  svContractTotals,
  svFigures,
  svRollup,
} from '../../src/db/schema/index.js';
import type { ProfilePeriod } from '../../src/db/schema/procurement.js';
import { addQuarters, quarterOf } from '../../src/domain/quarters.js';
import { socialValuePence } from '../../src/domain/social-value.js';

/**
 * The summaries worked out again in TypeScript from the detail tables, row by row, with the domain's own valuation
 * (src/domain/social-value.ts): an independent count to compare the triggers and recountSummaries() with.
 * Every table comes back as a sorted list of plain rows without zero rows.
 */
export async function independentCount(db: Db) {
  const [allContracts, orgs, allMeasures, allOutcomes, commitments, reports, lines] = await Promise.all([
    db.select().from(contracts),
    db.select().from(organisations),
    db.select().from(measures),
    db.select().from(outcomes),
    db.select().from(contractCommitments),
    db.select().from(deliveryReports),
    db.select().from(reportLines),
  ]);
  const orgById = new Map(orgs.map((o) => [o.id, o]));
  const measureById = new Map(allMeasures.map((m) => [m.id, m]));
  const outcomeCode = new Map(allOutcomes.map((o) => [o.id, o.code]));
  const reportById = new Map(reports.map((r) => [r.id, r]));
  const value = (hundredths: number, measureId: string) => socialValuePence(hundredths, measureById.get(measureId)!);

  const dims = new Map(
    allContracts.map((c) => {
      const o = orgById.get(c.supplierId)!;
      const sme = o.size === null ? 'unknown' : o.size === 'large' ? 'no' : 'yes';
      return [c.id, { directorate: c.directorate, sme, vcse: o.isVcse, local: o.isLocal, published: c.publishedAt !== null }];
    }),
  );

  const figures = new Map<string, number[]>();
  const add = (map: Map<string, number[]>, key: unknown[], amounts: number[]) => {
    const k = JSON.stringify(key);
    const now = map.get(k) ?? amounts.map(() => 0);
    map.set(
      k,
      now.map((v, i) => v + amounts[i]!),
    );
  };
  // amounts: promised h, promised p, committed h, committed p, verified h, verified p, additional h, additional p, lines
  const addFigure = (quarter: string, measureId: string, districts: string[], contractId: string, amounts: number[]) => {
    const d = dims.get(contractId)!;
    const named = districts.length ? [...new Set(districts)] : [''];
    for (const district of ['*', ...named]) add(figures, [quarter, measureId, district, d.directorate, d.sme, d.vcse, d.local, d.published], amounts);
  };
  const contractFigures = new Map<string, number[]>(allContracts.map((c) => [JSON.stringify([c.id]), [0, 0, 0, 0, 0]]));
  const commitmentFigures = new Map<string, number[]>();
  const contractDeltas: { contractId: string; quarter: string; due: number; verified: number }[] = [];

  const chunks = (profile: ProfilePeriod[], total: number, endDate: string) => {
    const parts = profile.map((p) => ({ quarter: quarterOf(p.periodEnd), hundredths: p.quantityHundredths }));
    const rest = total - profile.reduce((s, p) => s + p.quantityHundredths, 0);
    if (rest !== 0) parts.push({ quarter: quarterOf(endDate), hundredths: rest });
    return parts;
  };

  const contractOf = new Map(allContracts.map((c) => [c.id, c]));
  for (const cm of commitments) {
    const contract = contractOf.get(cm.contractId)!;
    let promised = 0;
    let committed = 0;
    const promisedValued = measureById.get(cm.originalMeasureId)!.proxyPencePerUnit !== null;
    const committedValued = measureById.get(cm.measureId)!.proxyPencePerUnit !== null;
    for (const ch of chunks(cm.originalProfile, cm.originalQuantityHundredths, contract.endDate)) {
      const v = value(ch.hundredths, cm.originalMeasureId) ?? 0;
      promised += v;
      addFigure(ch.quarter, cm.originalMeasureId, cm.districts, cm.contractId, [ch.hundredths, v, 0, 0, 0, 0, 0, 0, 0]);
    }
    for (const ch of chunks(cm.profile, cm.quantityHundredths, contract.endDate)) {
      const v = value(ch.hundredths, cm.measureId) ?? 0;
      committed += v;
      addFigure(ch.quarter, cm.measureId, cm.districts, cm.contractId, [0, 0, ch.hundredths, v, 0, 0, 0, 0, 0]);
      contractDeltas.push({ contractId: cm.contractId, quarter: ch.quarter, due: v, verified: 0 });
    }
    add(contractFigures, [cm.contractId], [promised, committed, 0, 0, 0]);
    commitmentFigures.set(
      JSON.stringify([
        cm.id,
        cm.contractId,
        cm.originalQuantityHundredths,
        promisedValued ? promised : null,
        cm.quantityHundredths,
        committedValued ? committed : null,
      ]),
      [0, 0, 0],
    );
  }
  const commitmentKey = new Map([...commitmentFigures.keys()].map((k) => [JSON.parse(k)[0] as string, k]));

  for (const line of lines) {
    if (line.status !== 'verified') continue;
    const report = reportById.get(line.reportId)!;
    const quarter = quarterOf(report.periodEnd);
    const v = value(line.quantityHundredths, line.measureId) ?? 0;
    const extra = line.commitmentId === null;
    addFigure(quarter, line.measureId, line.districts, report.contractId, [
      0,
      0,
      0,
      0,
      line.quantityHundredths,
      v,
      extra ? line.quantityHundredths : 0,
      extra ? v : 0,
      1,
    ]);
    add(contractFigures, [report.contractId], [0, 0, v, extra ? v : 0, 1]);
    if (!extra) {
      const key = commitmentKey.get(line.commitmentId!)!;
      const now = commitmentFigures.get(key)!;
      commitmentFigures.set(key, [now[0]! + line.quantityHundredths, now[1]! + v, now[2]! + 1]);
      contractDeltas.push({ contractId: report.contractId, quarter, due: 0, verified: v });
    }
  }

  const contractQuarters: unknown[][] = [];
  for (const c of allContracts) {
    const first = quarterOf(c.startDate);
    const last = quarterOf(c.endDate);
    for (let q = first; q <= last; q = addQuarters(q, 1)) {
      const upTo = contractDeltas.filter((d) => d.contractId === c.id && d.quarter <= q);
      const due = upTo.reduce((s, d) => s + d.due, 0);
      const verified = upTo.reduce((s, d) => s + d.verified, 0);
      contractQuarters.push([c.id, q, due, verified, due - verified]);
    }
  }

  const totals = new Map<string, number[]>();
  for (const c of allContracts) {
    const d = dims.get(c.id)!;
    for (const scope of d.published ? ['all', 'published'] : ['all']) {
      for (const directorate of ['*', d.directorate]) {
        add(
          totals,
          [scope, directorate, quarterOf(c.startDate)],
          [
            1,
            c.applicability === 'out_of_scope' ? 0 : 1,
            c.valuePence,
            d.sme === 'unknown' ? 0 : c.valuePence,
            d.sme === 'yes' ? c.valuePence : 0,
            d.vcse ? c.valuePence : 0,
            d.local ? c.valuePence : 0,
          ],
        );
      }
    }
  }

  const rollup = new Map<string, number[]>();
  for (const [k, amounts] of figures) {
    const [quarter, measureId, district, directorate, , , , published] = JSON.parse(k) as [string, string, string, string, string, boolean, boolean, boolean];
    const code = outcomeCode.get(measureById.get(measureId)!.outcomeId)!;
    for (const scope of published ? ['all', 'published'] : ['all']) {
      for (const dir of ['*', directorate]) {
        for (const subject of ['*', `measure:${measureId}`, `outcome:${code}`]) add(rollup, [scope, dir, subject, district, quarter], amounts);
      }
    }
  }

  const rows = (map: Map<string, number[]>) =>
    [...map]
      .filter(([, amounts]) => amounts.some((a) => a !== 0))
      .map(([k, amounts]) => [...(JSON.parse(k) as unknown[]), ...amounts])
      .sort(compare);
  return {
    figures: rows(figures),
    rollup: rows(rollup),
    contractTotals: rows(totals),
    contractFigures: [...contractFigures].map(([k, a]) => [...(JSON.parse(k) as unknown[]), ...a]).sort(compare),
    commitmentFigures: [...commitmentFigures].map(([k, a]) => [...(JSON.parse(k) as unknown[]), ...a]).sort(compare),
    contractQuarters: contractQuarters.sort(compare),
  };
}

/** The summary tables as they are, in the same shape as independentCount(). */
export async function summaryTables(db: Db) {
  const f = await db.select().from(svFigures);
  const r = await db.select().from(svRollup);
  const t = await db.select().from(svContractTotals);
  const cf = await db.select().from(svContractFigures);
  const cm = await db.select().from(svCommitmentFigures);
  const cq = await db.select().from(svContractQuarters);
  return {
    figures: f
      .map((x) => [
        x.quarter,
        x.measureId,
        x.district,
        x.directorate,
        x.sme,
        x.vcse,
        x.local,
        x.published,
        x.promisedHundredths,
        x.promisedPence,
        x.committedHundredths,
        x.committedPence,
        x.verifiedHundredths,
        x.verifiedPence,
        x.additionalHundredths,
        x.additionalPence,
        x.verifiedLines,
      ])
      .sort(compare),
    rollup: r
      .map((x) => [
        x.scope,
        x.directorate,
        x.subject,
        x.district,
        x.quarter,
        x.promisedHundredths,
        x.promisedPence,
        x.committedHundredths,
        x.committedPence,
        x.verifiedHundredths,
        x.verifiedPence,
        x.additionalHundredths,
        x.additionalPence,
        x.verifiedLines,
      ])
      .sort(compare),
    contractTotals: t
      .map((x) => [
        x.scope,
        x.directorate,
        x.startQuarter,
        x.contracts,
        x.inScopeContracts,
        x.valuePence,
        x.sizeKnownValuePence,
        x.smeValuePence,
        x.vcseValuePence,
        x.localValuePence,
      ])
      .sort(compare),
    contractFigures: cf.map((x) => [x.contractId, x.promisedPence, x.committedPence, x.verifiedPence, x.additionalPence, x.verifiedLines]).sort(compare),
    commitmentFigures: cm
      .map((x) => [
        x.commitmentId,
        x.contractId,
        x.promisedHundredths,
        x.promisedPence,
        x.committedHundredths,
        x.committedPence,
        x.verifiedHundredths,
        x.verifiedPence,
        x.verifiedLines,
      ])
      .sort(compare),
    contractQuarters: cq.map((x) => [x.contractId, x.quarter, x.duePence, x.verifiedPence, x.shortfallPence]).sort(compare),
  };
}

function compare(a: unknown[], b: unknown[]): number {
  const x = JSON.stringify(a);
  const y = JSON.stringify(b);
  return x < y ? -1 : x > y ? 1 : 0;
}
