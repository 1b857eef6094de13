import type { Db } from '../../db/client.js';
import { withAudit, type Actor } from '../../platform/audit.js';
import { mappingRecord, type ColumnMapping } from './mapping.js';
import { rememberMapping, setUploadMapping, type Upload } from './repository.js';

/** Uses the chosen columns for this upload, and remembers them for the next file with the same header row. */
export async function saveMapping(db: Db, actor: Actor, upload: Upload, mapping: ColumnMapping): Promise<void> {
  const record = mappingRecord(mapping);
  await withAudit(db, actor, `Chose the columns to import contracts from ${upload.fileName}`, async (tx) => {
    await setUploadMapping(tx, upload.id, record);
    await rememberMapping(tx, upload.headerSignature, record);
  });
}
