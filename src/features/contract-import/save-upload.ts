import type { Db } from '../../db/client.js';
import { recordEvent, withAudit, type Actor } from '../../platform/audit.js';
import type { RegisterTable } from './register-file.js';
import { deleteUploadsBefore, insertUpload } from './repository.js';

const KEEP_UPLOADS_DAYS = 7;

/** Keeps an uploaded register for the next steps of its import, and clears away uploads more than a week old. */
export async function saveUpload(db: Db, actor: Actor, userId: string, fileName: string, table: RegisterTable): Promise<string> {
  const action = `Uploaded ${fileName} to import contracts`;
  return withAudit(db, actor, action, async (tx) => {
    await deleteUploadsBefore(tx, new Date(Date.now() - KEEP_UPLOADS_DAYS * 24 * 60 * 60 * 1000));
    const id = await insertUpload(tx, { uploadedBy: userId, fileName, ...table });
    const rows = table.rows.length;
    await recordEvent(tx, actor, `${action} (${rows.toLocaleString('en-GB')} ${rows === 1 ? 'row' : 'rows'})`, {
      entityTable: 'contract_imports',
      entityId: id,
    });
    return id;
  });
}
