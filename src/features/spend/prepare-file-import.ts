import type { Db } from '../../db/client.js';
import type { SpendKind } from '../../db/schema/index.js';
import type { Actor } from '../../platform/audit.js';
import { readColumnChoices } from '../contract-import/mapping-form.js';
import { chooseColumns, createSpendImport, proposedColumns, type ColumnsSource } from './create-import.js';
import { fieldsOf, type SpendFieldKey } from './fields.js';
import type { FileLayout } from './read-file.js';
import { findImport, type SpendImport } from './repository.js';

export interface FileToImport {
  publisherName: string;
  kind: SpendKind;
  fileName: string;
  layout: FileLayout;
  /** columns chosen by the person importing, over those remembered or guessed */
  columns?: Partial<Record<SpendFieldKey, string>>;
}

export type PreparedImport =
  | { ok: true; spendImport: SpendImport & { publisherName: string }; chosen: Partial<Record<SpendFieldKey, string>>; source: ColumnsSource }
  | { ok: false; spendImport: SpendImport & { publisherName: string }; problems: [string, string][] };

/**
 * Records a file read from disk (not uploaded) to import, and chooses its columns without asking: those given, else
 * those remembered for the publisher's files, else a guess from the headers. The command line import and the demo data
 * use it; the web asks the person in the columns step instead.
 */
export async function prepareFileImport(db: Db, actor: Actor, file: FileToImport): Promise<PreparedImport> {
  const id = await createSpendImport(db, actor, {
    publisherName: file.publisherName,
    kind: file.kind,
    fileName: file.fileName,
    layout: file.layout,
    uploadedBy: null,
  });
  const spendImport = (await findImport(db, id))!;
  const fields = fieldsOf(file.kind);
  const { record, source } = await proposedColumns(db, spendImport);
  const values = Object.fromEntries(fields.map((f) => [f.key, file.columns?.[f.key] ?? record[f.key] ?? ''])) as Record<SpendFieldKey, string>;
  const { chosen, problems } = readColumnChoices(fields, values, spendImport.columns);
  if (problems.length) return { ok: false, spendImport, problems };
  await chooseColumns(db, actor, id, chosen as Record<string, string>);
  return { ok: true, spendImport, chosen, source };
}
