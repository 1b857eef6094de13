import { eq } from 'drizzle-orm';
import type { Db } from '../../src/db/client.js';
import { contracts, deliveryReports, mailOutbox, reportLines, users } from '../../src/db/schema/index.js';
import type { Role } from '../../src/db/schema/people.js';
import { reportingPeriods } from '../../src/domain/reporting-periods.js';
import { demoMeasures, insertContract, organisationOf, quarters } from './contracts-fixtures.js';

export const quiet = { info: () => undefined, error: () => undefined };

export async function insertUser(db: Db, email: string, options: { organisationOf: string; roles: Role[]; active?: boolean }): Promise<string> {
  const [row] = await db
    .insert(users)
    .values({
      email,
      name: email.split('@')[0]!,
      organisationId: await organisationOf(db, options.organisationOf),
      roles: options.roles,
      active: options.active ?? true,
    })
    .returning({ id: users.id });
  return row!.id;
}

/** A contract (1 April 2025 to 31 March 2027, quarterly) of the organisation of `supplierEmail`, with one commitment. */
export async function contractFor(db: Db, supplierEmail: string, managerId: string | null = null) {
  const { valued } = await demoMeasures(db);
  const contract = await insertContract(db, {
    supplierId: await organisationOf(db, supplierEmail),
    managerId,
    commitments: [{ measureId: valued.id, quantityHundredths: 400, profile: quarters(100) }],
  });
  const [row] = await db.select({ reference: contracts.reference, title: contracts.title }).from(contracts).where(eq(contracts.id, contract.id));
  return { ...contract, ...row!, measureId: valued.id };
}

/** A report for the contract's period starting `periodStart`, in `status`, with lines in the given statuses. */
export async function insertReport(
  db: Db,
  contract: { id: string; measureId: string },
  periodStart: string,
  status: 'draft' | 'submitted' | 'queried' | 'verified',
  lineStatuses: ('pending' | 'verified' | 'queried' | 'rejected')[] = [],
): Promise<string> {
  const period = reportingPeriods('2025-04-01', '2027-03-31', 'quarterly').find((p) => p.periodStart === periodStart)!;
  const [report] = await db
    .insert(deliveryReports)
    .values({ contractId: contract.id, periodStart, periodEnd: period.periodEnd, dueDate: period.dueDate, status })
    .returning({ id: deliveryReports.id });
  for (const lineStatus of lineStatuses) {
    await db.insert(reportLines).values({ reportId: report!.id, measureId: contract.measureId, quantityHundredths: 100, status: lineStatus });
  }
  return report!.id;
}

export async function outbox(db: Db) {
  return db.select({ to: mailOutbox.to, subject: mailOutbox.subject, text: mailOutbox.text }).from(mailOutbox).orderBy(mailOutbox.to, mailOutbox.subject);
}
