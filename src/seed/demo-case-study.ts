import { eq, inArray, sql } from 'drizzle-orm';
import type { Tx } from '../db/client.js';
import {
  caseStudies,
  caseStudyCommitments,
  caseStudyQuotes,
  contractCommitments,
  contracts,
  deliveryReports,
  frameworkVersions,
  measures,
  organisations,
  reportLines,
  users,
} from '../db/schema/index.js';
import { todayIso } from '../domain/dates.js';
import { reportingPeriods } from '../domain/reporting-periods.js';
import { quarterStartBefore } from './demo-requirements.js';

const SUPPLIER = 'Soar Valley Community Enterprise CIC';

/** What Soar Valley committed to each quarter, and delivered (and the council verified) in each quarter so far. */
const COMMITMENTS = [
  { code: 'GC01', perQuarter: 5_000, delivered: [6_200, 5_400], districts: ['Charnwood'] },
  { code: 'GC11', perQuarter: 4_000, delivered: [7_500, 5_000], districts: ['Charnwood'] },
  { code: 'SE02', perQuarter: 2_600, delivered: [2_600, 2_600], districts: ['Charnwood', 'Melton'] },
] as const;

const STORY = `When Soar Valley Community Enterprise took on the county's grounds maintenance in Charnwood, its team offered to do more than keep verges tidy.

## Planting with schools

Staff gave their time to plant native hedging and trees with pupils from primary schools along the River Soar, turning a strip of mown grass into a wildlife corridor. Each class looks after the trees it planted.

## Apprentices from the area

Two apprentices from Loughborough and Melton joined the crew, working towards a horticulture apprenticeship while learning on the job.

*The figures on this page are the delivery the council has verified so far.*`;

/**
 * A contract delivered and verified for two quarters, published, with a published case study: the demo of the
 * transparency site's case studies. Soar Valley Community Enterprise maintains green spaces in Charnwood from two
 * quarters ago; its first two quarterly reports are verified by the demo contract manager. Figures come from the
 * summaries, which the triggers fill as these rows are written. Call after the demo users and framework are loaded.
 */
export async function seedCaseStudyDemo(tx: Tx, today: string = todayIso()): Promise<void> {
  const people = await tx
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(inArray(users.email, ['manager@council.example', 'officer@council.example', 'supplier3@soarvalley.example']));
  const person = (email: string) => people.find((p) => p.email === email)!.id;
  const [supplier] = await tx.select({ id: organisations.id }).from(organisations).where(eq(organisations.name, SUPPLIER));
  const [version] = await tx.select({ id: frameworkVersions.id }).from(frameworkVersions).where(eq(frameworkVersions.status, 'active'));
  if (!supplier || !version || people.length < 3) throw new Error('The demo case study needs the demo organisations, users and framework');
  const measureRows = await tx
    .select({ id: measures.id, code: measures.code })
    .from(measures)
    .where(
      inArray(
        measures.code,
        COMMITMENTS.map((c) => c.code),
      ),
    );
  const measureId = (code: string) => measureRows.find((m) => m.code === code)!.id;

  const startDate = quarterStartBefore(today, 2);
  const [year, month] = startDate.split('-').map(Number) as [number, number];
  const endDate = new Date(Date.UTC(year + 2, month - 1, 0)).toISOString().slice(0, 10);
  const periods = reportingPeriods(startDate, endDate, 'quarterly');
  const reported = periods.slice(0, 2);
  const officer = person('officer@council.example');
  const manager = person('manager@council.example');

  const [contract] = await tx
    .insert(contracts)
    .values({
      reference: 'LCC-DEMO-GM-01',
      title: 'Grounds maintenance of council green spaces in Charnwood',
      directorate: 'Environment and Transport',
      supplierId: supplier.id,
      valuePence: 24_000_000,
      startDate,
      endDate,
      contractManagerId: manager,
      applicability: 'statutory',
      source: 'manual',
      frameworkVersionId: version.id,
      publishedAt: sql`now()`,
      publishedBy: officer,
    })
    .returning({ id: contracts.id });
  const commitmentIds: string[] = [];
  for (const c of COMMITMENTS) {
    const profile = periods.map((p) => ({ periodStart: p.periodStart, periodEnd: p.periodEnd, quantityHundredths: c.perQuarter }));
    const quantity = c.perQuarter * periods.length;
    const [row] = await tx
      .insert(contractCommitments)
      .values({
        contractId: contract!.id,
        measureId: measureId(c.code),
        quantityHundredths: quantity,
        profile,
        districts: [...c.districts],
        originalMeasureId: measureId(c.code),
        originalQuantityHundredths: quantity,
        originalProfile: profile,
      })
      .returning({ id: contractCommitments.id });
    commitmentIds.push(row!.id);
  }
  for (const [i, period] of reported.entries()) {
    // verified on the day the report was due, or today when that is still to come
    const verifiedAt = new Date(`${period.dueDate < today ? period.dueDate : today}T10:00:00Z`);
    const [report] = await tx
      .insert(deliveryReports)
      .values({
        contractId: contract!.id,
        periodStart: period.periodStart,
        periodEnd: period.periodEnd,
        dueDate: period.dueDate,
        status: 'verified',
        submittedAt: new Date(`${period.periodEnd}T12:00:00Z`),
        submittedBy: person('supplier3@soarvalley.example'),
      })
      .returning({ id: deliveryReports.id });
    await tx.insert(reportLines).values(
      COMMITMENTS.map((c, n) => ({
        reportId: report!.id,
        commitmentId: commitmentIds[n]!,
        measureId: measureId(c.code),
        quantityHundredths: c.delivered[i]!,
        districts: [...c.districts],
        status: 'verified' as const,
        decidedBy: manager,
        decidedAt: verifiedAt,
      })),
    );
  }
  const [caseStudy] = await tx
    .insert(caseStudies)
    .values({
      contractId: contract!.id,
      title: 'Trees, hedges and apprentices along the River Soar',
      summary:
        'A grounds maintenance contract in Charnwood where staff volunteered to plant trees with local schools, and two local apprentices joined the team.',
      story: STORY,
      outcomeCodes: ['GC', 'SE'],
      districts: ['Charnwood', 'Melton'],
      status: 'published',
      createdBy: person('supplier3@soarvalley.example'),
      submittedAt: sql`now()`,
      submittedBy: person('supplier3@soarvalley.example'),
      publishedAt: sql`now()`,
      publishedBy: officer,
    })
    .returning({ id: caseStudies.id });
  await tx.insert(caseStudyCommitments).values(commitmentIds.map((commitmentId, position) => ({ caseStudyId: caseStudy!.id, commitmentId, position })));
  await tx.insert(caseStudyQuotes).values([
    {
      caseStudyId: caseStudy!.id,
      text: 'The children check on their trees every week. They call it their wood.',
      attribution: 'A teacher at a Loughborough primary school',
    },
    { caseStudyId: caseStudy!.id, text: 'I wanted to work outdoors near home, and now I am learning a trade.', attribution: 'An apprentice from Melton' },
  ]);
}
