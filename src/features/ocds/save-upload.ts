import { lt } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { ocdsImports, type OcdsImportPlan } from '../../db/schema/index.js';
import { recordEvent, withAudit, type Actor } from '../../platform/audit.js';
import { insertOcdsUpload } from './repository.js';

const KEEP_UPLOADS_DAYS = 7;

/** Keeps a checked release package's plan for review, and clears away uploads more than a week old. Audited. */
export async function saveOcdsUpload(db: Db, actor: Actor, userId: string, fileName: string, plan: OcdsImportPlan): Promise<string> {
  const action = `Uploaded the OCDS release package ${fileName} to import contracts`;
  return withAudit(db, actor, action, async (tx) => {
    await tx.delete(ocdsImports).where(lt(ocdsImports.createdAt, new Date(Date.now() - KEEP_UPLOADS_DAYS * 24 * 60 * 60 * 1000)));
    const id = await insertOcdsUpload(tx, { uploadedBy: userId, fileName, plan });
    await recordEvent(tx, actor, `${action} (${plan.releaseCount} releases, ${plan.awards.length} awards to import, ${plan.skipped.length} skipped)`, {
      entityTable: 'ocds_imports',
      entityId: id,
    });
    return id;
  });
}
