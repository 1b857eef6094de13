// The contract page of a contract with 30 commitments and 5 years of quarterly reports (20 reports of 30 verified
// lines each): server time per request, against a baseline of reading the same rows (the contract, its commitments
// and measures, reports, lines and latest history) with one query, both measured in turn in the same run
// (in-process, PGlite).
import { eq, sql } from 'drizzle-orm';
import { buildApp } from '../dist/app.js';
import { loadConfig } from '../dist/config.js';
import { openDatabase } from '../dist/db/client.js';
import { contractCommitments, contracts, deliveryReports, frameworkVersions, measures, organisations, reportLines, users } from '../dist/db/schema/index.js';
import { reportingPeriods } from '../dist/domain/reporting-periods.js';
import { seedIfEmpty } from '../dist/seed/demo.js';
import { signedInCookie, timeInTurn } from './in-process.js';

const COMMITMENTS = 30;
const START = '2021-04-01';
const END = '2026-03-31';

export async function buildContract(db) {
  const [version] = await db.select({ id: frameworkVersions.id }).from(frameworkVersions).where(eq(frameworkVersions.status, 'active'));
  const chosen = (await db.select({ id: measures.id }).from(measures).where(eq(measures.versionId, version.id)).orderBy(measures.code)).slice(0, COMMITMENTS);
  const [manager] = await db.select({ id: users.id }).from(users).where(eq(users.email, 'manager@council.example'));
  const [supplier] = await db.select({ id: organisations.id }).from(organisations).where(eq(organisations.name, 'Charnwood Care Services Ltd'));
  const [contract] = await db
    .insert(contracts)
    .values({
      reference: 'BENCH-1',
      title: 'Benchmark contract',
      supplierId: supplier.id,
      valuePence: 500_000_000,
      startDate: START,
      endDate: END,
      contractManagerId: manager.id,
      applicability: 'statutory',
      source: 'manual',
      frameworkVersionId: version.id,
    })
    .returning({ id: contracts.id });
  const periods = reportingPeriods(START, END, 'quarterly');
  const profile = periods.map((p) => ({ periodStart: p.periodStart, periodEnd: p.periodEnd, quantityHundredths: 1000 }));
  const commitments = await db
    .insert(contractCommitments)
    .values(
      chosen.map((m) => ({
        contractId: contract.id,
        measureId: m.id,
        quantityHundredths: 1000 * periods.length,
        profile,
        originalMeasureId: m.id,
        originalQuantityHundredths: 1000 * periods.length,
        originalProfile: profile,
        narrative: 'Delivered across the county.',
      })),
    )
    .returning({ id: contractCommitments.id, measureId: contractCommitments.measureId });
  for (const period of periods) {
    const [report] = await db
      .insert(deliveryReports)
      .values({
        contractId: contract.id,
        periodStart: period.periodStart,
        periodEnd: period.periodEnd,
        dueDate: period.dueDate,
        status: 'verified',
        submittedAt: new Date(),
        submittedBy: null,
      })
      .returning({ id: deliveryReports.id });
    await db.insert(reportLines).values(
      commitments.map((c, i) => ({
        reportId: report.id,
        commitmentId: c.id,
        measureId: c.measureId,
        quantityHundredths: 900 + i,
        narrative: 'As planned.',
        districts: ['Charnwood'],
        status: 'verified',
        decidedBy: manager.id,
        decidedAt: new Date(),
      })),
    );
  }
  return contract.id;
}

function baselineQuery(contractId) {
  return sql`select json_build_object(
    'contract', (select row_to_json(c) from contracts c where c.id = ${contractId}),
    'commitments', (select json_agg(json_build_object('commitment', cc, 'code', m.code, 'title', m.title, 'unit', m.unit,
        'proxy', m.proxy_pence_per_unit, 'deadweight', m.deadweight_bps, 'attribution', m.attribution_bps))
      from contract_commitments cc join measures m on m.id = cc.measure_id where cc.contract_id = ${contractId}),
    'reports', (select json_agg(r) from delivery_reports r where r.contract_id = ${contractId}),
    'lines', (select json_agg(l) from report_lines l join delivery_reports r on r.id = l.report_id where r.contract_id = ${contractId}),
    'history', (select json_agg(h) from (select id, at, actor_label, action, operation, entity_table from audit_events
      where (entity_table, entity_id) in (select 'contracts', ${contractId}::text
        union all select 'contract_commitments', id::text from contract_commitments where contract_id = ${contractId}
        union all select 'delivery_reports', id::text from delivery_reports where contract_id = ${contractId})
      order by id desc limit 50) h))`;
}

export async function contractPageBenchmark() {
  const database = await openDatabase({});
  await seedIfEmpty(database.db);
  const contractId = await buildContract(database.db);
  const app = await buildApp({ config: loadConfig({ LOG_LEVEL: 'silent' }), database, mailer: { send: async () => undefined } }, { logger: false });
  try {
    const cookie = await signedInCookie(app, 'manager@council.example');
    const request = () => app.inject({ url: `/contracts/${contractId}`, headers: { cookie } });
    const check = await request();
    if (check.statusCode !== 200) throw new Error(`contract page answered ${check.statusCode}`);
    const { a: pageMs, b: baselineMs } = await timeInTurn(40, request, () => database.db.execute(baselineQuery(contractId)));
    return { pageMs, baselineMs, ratio: pageMs / baselineMs };
  } finally {
    await app.close();
    await database.close();
  }
}
