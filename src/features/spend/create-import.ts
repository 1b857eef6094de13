import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { spendImportFiles, spendImports, type SpendKind } from '../../db/schema/index.js';
import { recordEvent, withAudit, type Actor } from '../../platform/audit.js';
import { guessColumns } from '../contract-import/mapping.js';
import { rememberedMapping, rememberMapping } from '../contract-import/repository.js';
import { fieldsOf } from './fields.js';
import type { FileLayout } from './read-file.js';
import { findImport, mappingKind, publisherNamed, type SpendImport } from './repository.js';

export interface NewSpendImport {
  publisherName: string;
  kind: SpendKind;
  fileName: string;
  layout: FileLayout;
  uploadedBy: string | null;
  /** the file's bytes, kept in the database until it is imported (web uploads); the command line reads its file again */
  data?: Buffer;
}

/** Uploaded files not imported within a week are let go of (the import's record stays). */
const KEEP_FILES_DAYS = 7;

/** Records a file to import for a publisher (added when new), in the audit trail. Returns its id. */
export async function createSpendImport(db: Db, actor: Actor, upload: NewSpendImport): Promise<string> {
  const { layout } = upload;
  return withAudit(db, actor, `Uploaded ${upload.fileName} to import`, async (tx) => {
    await tx.execute(sql`delete from spend_import_files f using spend_imports i
      where i.id = f.import_id and i.status <> 'importing' and i.created_at < now() - make_interval(days => ${KEEP_FILES_DAYS})`);
    const publisher = await publisherNamed(tx, upload.publisherName);
    const [row] = await tx
      .insert(spendImports)
      .values({
        kind: upload.kind,
        publisherId: publisher.id,
        fileName: upload.fileName,
        checksum: layout.checksum,
        sizeBytes: layout.sizeBytes,
        uploadedBy: upload.uploadedBy,
        columns: layout.columns,
        encoding: layout.encoding,
        separator: layout.separator,
        headerIndex: layout.headerIndex,
        headerSignature: layout.headerSignature,
        sample: layout.sample.slice(0, 3),
        linesTotal: layout.lines,
      })
      .returning({ id: spendImports.id });
    if (upload.data) await tx.insert(spendImportFiles).values({ importId: row!.id, data: upload.data });
    await recordEvent(tx, actor, `Uploaded ${upload.fileName} (${upload.kind}) for ${publisher.name}`, { entityTable: 'spend_imports', entityId: row!.id });
    return row!.id;
  });
}

export type ColumnsSource = 'chosen' | 'remembered' | 'guessed';

/** The columns to offer for an import: those chosen for it, else those last chosen for the publisher's files, else a guess. */
export async function proposedColumns(db: Db, spendImport: SpendImport): Promise<{ record: Record<string, string>; source: ColumnsSource }> {
  if (spendImport.mapping) return { record: spendImport.mapping, source: 'chosen' };
  const remembered = await rememberedMapping(db, spendImport.headerSignature, mappingKind(spendImport.kind, spendImport.publisherId), { anyLayout: true });
  if (remembered) return { record: remembered, source: 'remembered' };
  return { record: guessColumns(fieldsOf(spendImport.kind), spendImport.columns) as Record<string, string>, source: 'guessed' };
}

/** Uses these columns for the import, and remembers them for the publisher's next file. */
export async function chooseColumns(db: Db, actor: Actor, id: string, chosen: Record<string, string>): Promise<void> {
  await withAudit(db, actor, 'Chose the columns to import', async (tx) => {
    await tx.update(spendImports).set({ mapping: chosen }).where(eq(spendImports.id, id));
    const spendImport = (await findImport(tx, id))!;
    await rememberMapping(tx, spendImport.headerSignature, chosen, mappingKind(spendImport.kind, spendImport.publisherId));
  });
}
