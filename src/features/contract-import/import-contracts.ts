import { randomUUID } from 'node:crypto';
import type { Db, Tx } from '../../db/client.js';
import { contracts, organisations } from '../../db/schema/index.js';
import { applicability } from '../../domain/applicability.js';
import { withAudit, type Actor } from '../../platform/audit.js';
import { loadThresholds } from '../thresholds/repository.js';
import { mappingFrom } from './mapping.js';
import { planImport, type ImportPlan } from './plan-import.js';
import { insertMany, lockUpload, markImported, type Upload } from './repository.js';

export type ImportResult =
  | { status: 'imported'; contractIds: string[] }
  | { status: 'already-imported' }
  | { status: 'not-ready' }
  | { status: 'problems'; plan: ImportPlan }
  | { status: 'not-found' };

async function insertSuppliers(tx: Tx, plan: ImportPlan): Promise<Map<string, string>> {
  const idByKey = new Map(plan.newSuppliers.map((s) => [s.key, randomUUID()]));
  await insertMany(
    tx,
    organisations,
    plan.newSuppliers.map(({ key, ...supplier }) => ({ id: idByKey.get(key)!, kind: 'supplier' as const, ...supplier })),
  );
  return idByKey;
}

/**
 * Imports an upload's contracts in one audited transaction: the rows are checked again against the service as it
 * is now, new suppliers are added, then the contracts, a thousand rows per statement. Any problem, or any failure
 * part way, leaves nothing imported. Each contract's applicability uses the thresholds in force on its start date;
 * it has no contract manager yet and reports quarterly.
 */
export async function importContracts(db: Db, actor: Actor, userId: string, upload: Pick<Upload, 'id' | 'fileName'>): Promise<ImportResult> {
  return withAudit(db, actor, `Imported contracts from ${upload.fileName}`, async (tx) => {
    const current = await lockUpload(tx, upload.id, userId);
    if (!current) return { status: 'not-found' };
    if (current.importedAt) return { status: 'already-imported' };
    if (!current.mapping) return { status: 'not-ready' };
    const mapping = mappingFrom(current.mapping, current.columns);
    const plan = await planImport(tx, current, mapping);
    if (plan.problems.length) return { status: 'problems', plan };

    const supplierIds = await insertSuppliers(tx, plan);
    const thresholds = await loadThresholds(tx);
    const rows = plan.contracts.map((c) => ({
      id: randomUUID(),
      reference: c.reference,
      title: c.title,
      description: c.description,
      directorate: c.directorate,
      supplierId: 'existingId' in c.supplierChoice ? c.supplierChoice.existingId : supplierIds.get(c.supplierChoice.newKey)!,
      valuePence: c.valuePence,
      valueIncludesVat: mapping.valueIncludesVat,
      startDate: c.startDate,
      endDate: c.endDate,
      applicability: applicability(c.valuePence, mapping.valueIncludesVat, c.startDate, thresholds).level,
      source: 'import' as const,
      contractManagerId: null,
      reportingFrequency: 'quarterly' as const,
    }));
    await insertMany(tx, contracts, rows);
    const contractIds = rows.map((r) => r.id);
    await markImported(tx, current.id, contractIds);
    return { status: 'imported', contractIds };
  });
}
