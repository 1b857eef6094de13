import type { DbOrTx } from '../../db/client.js';
import type { RegisterRow } from '../../db/schema/index.js';
import type { ColumnMapping } from './mapping.js';
import { matchSuppliers, nameKey, type NewSupplier, type SupplierChoice } from './match-suppliers.js';
import { inFileOrder, readContractRows, type ContractRow, type RowProblem } from './read-rows.js';
import { loadLocalAreas } from '../local-areas/repository.js';
import { existingReferences, supplierCandidates } from './repository.js';

export interface PlannedContract extends ContractRow {
  supplierChoice: SupplierChoice;
}

/** What importing a file would do, or every problem that stops it. */
export interface ImportPlan {
  rowCount: number;
  problems: RowProblem[];
  /** the rows that can be imported (all of them when there are no problems) */
  contracts: PlannedContract[];
  newSuppliers: NewSupplier[];
  matchedSupplierCount: number;
  totalValuePence: number;
}

/**
 * Checks every row of an upload with the chosen columns, against the service as it is now: references already used
 * by a contract, and which suppliers are already known. Changes nothing.
 */
export async function planImport(db: DbOrTx, upload: { columns: string[]; rows: RegisterRow[] }, mapping: ColumnMapping): Promise<ImportPlan> {
  const read = readContractRows(upload.rows, upload.columns, mapping);
  const taken = await existingReferences(db, [...read.references.keys()]);
  const referenceColumn = mapping.columns.reference ?? '';
  const inService: RowProblem[] = [...taken].map((reference) => ({
    row: read.references.get(reference)!,
    field: 'reference',
    column: referenceColumn,
    message: `A contract with the reference ${reference} is already in the service. Take the row out of the file, or give the contract a different reference`,
  }));
  const contracts = read.contracts.filter((c) => !taken.has(c.reference));
  const numbers = [...new Set(contracts.flatMap((c) => (c.supplier.companyNumber ? [c.supplier.companyNumber] : [])))];
  const names = [...new Set(contracts.map((c) => nameKey(c.supplier.name)))];
  const matches = matchSuppliers(contracts, await supplierCandidates(db, numbers, names), await loadLocalAreas(db));
  return {
    rowCount: upload.rows.length,
    problems: inFileOrder([...read.problems, ...inService]),
    contracts: contracts.map((c, i) => ({ ...c, supplierChoice: matches.choices[i]! })),
    newSuppliers: matches.newSuppliers,
    matchedSupplierCount: matches.matchedCount,
    totalValuePence: contracts.reduce((sum, c) => sum + c.valuePence, 0),
  };
}
