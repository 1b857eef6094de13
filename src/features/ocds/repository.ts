import { and, eq, inArray } from 'drizzle-orm';
import type { DbOrTx, Tx } from '../../db/client.js';
import { contractAwards, contracts, ocdsImports, type OcdsImportPlan } from '../../db/schema/index.js';
import { inGroups } from '../contract-import/repository.js';
import { awardKey, type Known } from './plan-import.js';
import type { Release } from './read-package.js';

export type OcdsUpload = typeof ocdsImports.$inferSelect;

/** What the service knows of the awards and references the releases name. */
export async function knownFor(db: DbOrTx, releases: readonly Release[]): Promise<Known> {
  const ocids = [...new Set(releases.map((r) => r.ocid))];
  const references = [...new Set(releases.flatMap((r) => (r.awards ?? []).map((a) => a.id)))];
  const awards = new Map<string, string>();
  for (const group of inGroups(ocids, 2000)) {
    const rows = await db
      .select({ ocid: contractAwards.ocid, awardId: contractAwards.awardId, releaseDate: contractAwards.releaseDate })
      .from(contractAwards)
      .where(inArray(contractAwards.ocid, group));
    for (const row of rows) awards.set(awardKey(row.ocid, row.awardId), row.releaseDate.toISOString());
  }
  const taken = new Set<string>();
  for (const group of inGroups(references, 2000)) {
    const rows = await db.select({ reference: contracts.reference }).from(contracts).where(inArray(contracts.reference, group));
    for (const row of rows) taken.add(row.reference);
  }
  return { awards, references: taken };
}

export async function insertOcdsUpload(tx: Tx, values: { uploadedBy: string; fileName: string; plan: OcdsImportPlan }): Promise<string> {
  const [row] = await tx.insert(ocdsImports).values(values).returning({ id: ocdsImports.id });
  return row!.id;
}

/** An upload, only for the person who uploaded it; locked to the end of the transaction when `lock` is set. */
export async function findOcdsUpload(db: DbOrTx, id: string, userId: string, lock = false): Promise<OcdsUpload | null> {
  const query = db
    .select()
    .from(ocdsImports)
    .where(and(eq(ocdsImports.id, id), eq(ocdsImports.uploadedBy, userId)))
    .limit(1);
  const [row] = lock ? await query.for('update') : await query;
  return row ?? null;
}

/** The contracts that came from these awards, by award key. */
export async function contractsOfAwards(tx: Tx, plan: OcdsImportPlan): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  const ocids = [...new Set(plan.awards.map((a) => a.ocid))];
  for (const group of inGroups(ocids, 2000)) {
    const rows = await tx.select().from(contractAwards).where(inArray(contractAwards.ocid, group));
    for (const row of rows) found.set(awardKey(row.ocid, row.awardId), row.contractId);
  }
  return found;
}
