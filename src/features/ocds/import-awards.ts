import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.js';
import { contractAwards, contracts, ocdsImports, organisations, type PlannedAward } from '../../db/schema/index.js';
import { applicability } from '../../domain/applicability.js';
import { parsePostcode } from '../../domain/postcodes.js';
import { withAudit, type Actor } from '../../platform/audit.js';
import { matchSuppliers, nameKey, type SupplierMatches } from '../contract-import/match-suppliers.js';
import { insertMany, supplierCandidates } from '../contract-import/repository.js';
import type { SupplierDetails } from '../contract-import/read-rows.js';
import { rematchSpendSuppliers } from '../spend/rematch-suppliers.js';
import { loadThresholds } from '../thresholds/repository.js';
import { awardKey } from './plan-import.js';
import { contractsOfAwards, findOcdsUpload } from './repository.js';
import { loadLocalAreas } from '../local-areas/repository.js';

export type OcdsImportResult = { status: 'imported'; contractIds: string[] } | { status: 'already-imported' } | { status: 'not-found' };

function supplierDetails(award: PlannedAward): { supplier: SupplierDetails } {
  const { supplier } = award;
  return {
    supplier: {
      name: supplier.name,
      companyNumber: supplier.companiesHouseNumber,
      postcode: supplier.postcode ? parsePostcode(supplier.postcode) : null,
      isSme: supplier.size === null ? null : supplier.size !== 'large',
    },
  };
}

/** Matches the new awards' suppliers to suppliers in the service (by Companies House number, else name) as the register import does. */
export async function matchAwardSuppliers(db: Db | Tx, awards: PlannedAward[]): Promise<SupplierMatches> {
  const rows = awards.map(supplierDetails);
  const numbers = [...new Set(rows.flatMap((r) => (r.supplier.companyNumber ? [r.supplier.companyNumber] : [])))];
  const names = [...new Set(rows.map((r) => nameKey(r.supplier.name)))];
  return matchSuppliers(rows, await supplierCandidates(db, numbers, names), await loadLocalAreas(db));
}

/** Adds the suppliers not in the service, each with the size and VCSE flag of the first award that gives them. */
async function insertSuppliers(tx: Tx, awards: PlannedAward[], matches: SupplierMatches): Promise<Map<string, string>> {
  const vcseByKey = new Map<string, boolean>();
  const sizeByKey = new Map<string, PlannedAward['supplier']['size']>();
  matches.choices.forEach((choice, i) => {
    if (!('newKey' in choice)) return;
    const { isVcse, size } = awards[i]!.supplier;
    if (isVcse !== null && !vcseByKey.has(choice.newKey)) vcseByKey.set(choice.newKey, isVcse);
    if (size !== null && !sizeByKey.has(choice.newKey)) sizeByKey.set(choice.newKey, size);
  });
  const idByKey = new Map(matches.newSuppliers.map((s) => [s.key, randomUUID()]));
  await insertMany(
    tx,
    organisations,
    matches.newSuppliers.map(({ key, ...supplier }) => ({
      id: idByKey.get(key)!,
      kind: 'supplier' as const,
      ...supplier,
      size: sizeByKey.get(key) ?? supplier.size,
      isVcse: vcseByKey.get(key) ?? false,
    })),
  );
  return idByKey;
}

/**
 * Applies a reviewed OCDS import in one audited transaction: new awards become contracts (with their suppliers
 * matched or added), and awards the service already has are updated with the newer notice's value and dates.
 * Applicability uses the thresholds in force on each contract's start date. Nothing is kept if any part fails.
 */
export async function importAwards(db: Db, actor: Actor, userId: string, uploadId: string): Promise<OcdsImportResult> {
  return withAudit(db, actor, 'Imported contracts from an OCDS release package', async (tx) => {
    const upload = await findOcdsUpload(tx, uploadId, userId, true);
    if (!upload) return { status: 'not-found' };
    if (upload.importedAt) return { status: 'already-imported' };
    const thresholds = await loadThresholds(tx);
    const existing = await contractsOfAwards(tx, upload.plan);
    const toAdd = upload.plan.awards.filter((a) => !existing.has(awardKey(a.ocid, a.awardId)));
    const toUpdate = upload.plan.awards.filter((a) => existing.has(awardKey(a.ocid, a.awardId)));
    const level = (a: PlannedAward) => applicability(a.valuePence, false, a.startDate, thresholds).level;

    const matches = await matchAwardSuppliers(tx, toAdd);
    const supplierIds = await insertSuppliers(tx, toAdd, matches);
    await rematchSpendSuppliers(tx, [...supplierIds.values()]);
    const rows = toAdd.map((a, i) => {
      const choice = matches.choices[i]!;
      return {
        id: randomUUID(),
        reference: a.awardId,
        title: a.title,
        description: a.description,
        supplierId: 'existingId' in choice ? choice.existingId : supplierIds.get(choice.newKey)!,
        valuePence: a.valuePence,
        valueIncludesVat: false,
        startDate: a.startDate,
        endDate: a.endDate,
        applicability: level(a),
        source: 'import' as const,
        reportingFrequency: 'quarterly' as const,
      };
    });
    await insertMany(tx, contracts, rows);
    await insertMany(
      tx,
      contractAwards,
      toAdd.map((a, i) => ({ contractId: rows[i]!.id, ocid: a.ocid, awardId: a.awardId, releaseId: a.releaseId, releaseDate: new Date(a.releaseDate) })),
    );
    for (const a of toUpdate) {
      const contractId = existing.get(awardKey(a.ocid, a.awardId))!;
      await tx
        .update(contracts)
        .set({ valuePence: a.valuePence, startDate: a.startDate, endDate: a.endDate, applicability: level(a), updatedAt: new Date() })
        .where(eq(contracts.id, contractId));
      await tx
        .update(contractAwards)
        .set({ releaseId: a.releaseId, releaseDate: new Date(a.releaseDate) })
        .where(eq(contractAwards.contractId, contractId));
    }
    const contractIds = [...rows.map((r) => r.id), ...toUpdate.map((a) => existing.get(awardKey(a.ocid, a.awardId))!)];
    await tx.update(ocdsImports).set({ importedAt: new Date(), contractIds }).where(eq(ocdsImports.id, upload.id));
    return { status: 'imported', contractIds };
  });
}
