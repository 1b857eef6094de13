import type { organisationSizes } from '../../db/schema/index.js';
import { localityOf } from '../organisations/postcode-districts.js';
import type { ContractRow } from './read-rows.js';

/** A supplier organisation already in the service that a row may name. */
export interface ExistingSupplier {
  id: string;
  name: string;
  companiesHouseNumber: string | null;
}

/** A supplier organisation the import will add, from the first row that names it. */
export interface NewSupplier {
  key: string;
  name: string;
  companiesHouseNumber: string | null;
  postcode: string | null;
  district: string | null;
  isLocal: boolean;
  size: (typeof organisationSizes)[number] | null;
}

/** The supplier of each contract: an organisation in the service, or one of the new suppliers. */
export type SupplierChoice = { existingId: string } | { newKey: string };

export interface SupplierMatches {
  /** one per contract, in the same order */
  choices: SupplierChoice[];
  newSuppliers: NewSupplier[];
  /** how many different suppliers in the service the file names */
  matchedCount: number;
}

/** Names are compared ignoring case and the spaces at either end. */
export function nameKey(name: string): string {
  return name.trim().toLowerCase();
}

/**
 * Matches each contract's supplier to a supplier in the service: by Companies House number, else by name (but not to
 * a supplier whose number is different). Suppliers not in the service become new suppliers, one per company number,
 * or per name when there is none; a row without a number joins the new supplier of the same name that has one.
 * Each new supplier takes its details from the first of its rows that gives them. An SME is recorded as small and a
 * supplier marked not an SME as large; the postcode gives the district.
 */
export function matchSuppliers(
  contracts: readonly Pick<ContractRow, 'supplier'>[],
  existing: readonly ExistingSupplier[],
  localAreas: readonly { code: string; name: string }[],
): SupplierMatches {
  const byNumber = new Map<string, ExistingSupplier>();
  const byName = new Map<string, ExistingSupplier>();
  for (const s of existing) {
    if (s.companiesHouseNumber && !byNumber.has(s.companiesHouseNumber)) byNumber.set(s.companiesHouseNumber, s);
    if (!byName.has(nameKey(s.name))) byName.set(nameKey(s.name), s);
  }
  const inService = (c: Pick<ContractRow, 'supplier'>): ExistingSupplier | undefined => {
    const { companyNumber, name } = c.supplier;
    const numbered = companyNumber ? byNumber.get(companyNumber) : undefined;
    if (numbered) return numbered;
    const named = byName.get(nameKey(name));
    return named && (!companyNumber || !named.companiesHouseNumber) ? named : undefined;
  };
  const matches = contracts.map(inService);

  const numberedKeyByName = new Map<string, string>();
  contracts.forEach((c, i) => {
    const { companyNumber, name } = c.supplier;
    if (!matches[i] && companyNumber && !numberedKeyByName.has(nameKey(name))) numberedKeyByName.set(nameKey(name), `number:${companyNumber}`);
  });
  const newByKey = new Map<string, NewSupplier>();
  const choices = contracts.map((c, i): SupplierChoice => {
    const match = matches[i];
    if (match) return { existingId: match.id };
    const { companyNumber, name, postcode, isSme } = c.supplier;
    const key = companyNumber ? `number:${companyNumber}` : (numberedKeyByName.get(nameKey(name)) ?? `name:${nameKey(name)}`);
    const supplier = newByKey.get(key) ?? { key, name, companiesHouseNumber: companyNumber, postcode: null, district: null, isLocal: false, size: null };
    if (!supplier.companiesHouseNumber && companyNumber) supplier.companiesHouseNumber = companyNumber;
    if (!supplier.postcode && postcode) Object.assign(supplier, { postcode: postcode.postcode, ...localityOf(postcode, localAreas) });
    if (!supplier.size && isSme !== null) supplier.size = isSme ? 'small' : 'large';
    newByKey.set(key, supplier);
    return { newKey: key };
  });
  const matchedCount = new Set(matches.filter((m) => m !== undefined).map((m) => m.id)).size;
  return { choices, newSuppliers: [...newByKey.values()], matchedCount };
}
