import { Readable } from 'node:stream';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { eq } from 'drizzle-orm';
import type { Services } from '../../services.js';
import { spendImportFiles, spendKinds, type Role, type SpendKind } from '../../db/schema/index.js';
import type { Actor } from '../../platform/audit.js';
import { field, formErrors } from '../../platform/forms.js';
import { readColumnChoices } from '../contract-import/mapping-form.js';
import { discardUnreadFiles, readFieldsBeforeFiles, streamedFiles } from '../delivery-reports/streamed-files.js';
import { chooseColumns, createSpendImport, proposedColumns, type ColumnsSource } from './create-import.js';
import { fieldsOf, kindLabels, type SpendFieldKey } from './fields.js';
import { readLayout } from './read-file.js';
import { findImport, listPublishers, recentImports, type SpendImport } from './repository.js';
import { importSpend } from './run-import.js';
import { recordInPath } from '../../platform/route-params.js';

/** Officers and administrators import spend and grants files. */
export const spendImporters = ['officer', 'admin'] as const satisfies readonly Role[];
const access = { access: spendImporters };

/** The largest file the web upload takes; larger ones are imported with npm run import:spend. */
export const MAX_UPLOAD_BYTES = 100 * 1024 * 1024;

interface UploadValues {
  publisher: string;
  kind: string;
}

async function readUpload(request: FastifyRequest): Promise<{ fileName: string; data: Buffer; tooLarge: boolean } | null> {
  for await (const part of streamedFiles(request)) {
    if (part.fieldname !== 'file' || !part.filename) {
      part.file.resume();
      continue;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of part.file as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size <= MAX_UPLOAD_BYTES) chunks.push(chunk);
    }
    return { fileName: part.filename.replace(/^.*[\\/]/, '').slice(0, 200), data: Buffer.concat(chunks), tooLarge: size > MAX_UPLOAD_BYTES };
  }
  return null;
}

/** Uploading a spend or grants file, choosing its columns, and following its import on a status page. */
export async function spendImportRoutes(app: FastifyInstance, { database }: Services): Promise<void> {
  const { db } = database;

  /** Runs an import in this process, after the response: the status page follows it from the database. */
  function startInBackground(actor: Actor, id: string) {
    void (async () => {
      const [file] = await db.select({ data: spendImportFiles.data }).from(spendImportFiles).where(eq(spendImportFiles.importId, id));
      if (!file) return;
      await importSpend(db, actor, id, () => Readable.from([file.data]), { databaseKind: database.kind });
    })().catch((error: unknown) => app.log.error({ err: error, importId: id }, 'spend import failed'));
  }

  async function uploadPage(reply: FastifyReply, values: UploadValues, problems: [string, string][] = [], status = 400) {
    return reply.code(problems.length ? status : 200).page('spend/views/upload.njk', {
      pageTitle: 'Import spend or grants',
      backLink: { href: '/spend/imports' },
      values,
      publishers: (await listPublishers(db)).map((p) => p.name),
      kindItems: spendKinds.map((k) => ({ value: k, text: kindLabels[k], checked: values.kind === k })),
      ...formErrors(problems),
    });
  }

  app.get('/spend/imports', { config: access }, async (_request, reply) =>
    reply.page('spend/views/imports.njk', { pageTitle: 'Spend and grants imports', imports: await recentImports(db, 50), kindLabels }),
  );

  app.get('/spend/imports/new', { config: access }, async (_request, reply) => uploadPage(reply, { publisher: '', kind: 'spend' }));

  app.post(
    '/spend/imports/new',
    {
      config: { ...access, streamsFiles: true },
      preValidation: readFieldsBeforeFiles(MAX_UPLOAD_BYTES),
      onResponse: async (request) => discardUnreadFiles(request),
    },
    async (request, reply) => {
      const values = { publisher: field(request.body, 'publisher').trim(), kind: field(request.body, 'kind') };
      const problems: [string, string][] = [];
      if (!values.publisher) problems.push(['publisher', 'Enter the name of the council or body that published the file']);
      else if (values.publisher.length > 200) problems.push(['publisher', 'Enter a name of 200 characters or fewer']);
      const kind = spendKinds.find((k) => k === values.kind);
      if (!kind) problems.push(['kind', 'Select what the file holds']);
      const upload = await readUpload(request);
      if (!upload) problems.push(['file', 'Select a CSV file to import']);
      else if (upload.tooLarge) problems.push(['file', 'The selected file must be smaller than 100MB. Import larger files with npm run import:spend']);
      if (problems.length || !upload || !kind) return uploadPage(reply, values, problems);
      const layout = await readLayout(() => Readable.from([upload.data]));
      if (!layout.ok) return uploadPage(reply, values, [['file', layout.message]]);
      const id = await createSpendImport(db, request.actor, {
        publisherName: values.publisher,
        kind: kind as SpendKind,
        fileName: upload.fileName,
        layout: layout.layout,
        uploadedBy: request.user!.id,
        data: upload.data,
      });
      return reply.redirect(`/spend/imports/${id}/columns`, 303);
    },
  );

  const importOr404 = (request: FastifyRequest, reply: FastifyReply) => recordInPath(request, reply, 'id', (id) => findImport(db, id));

  function columnsPage(
    reply: FastifyReply,
    spendImport: SpendImport & { publisherName: string },
    values: Record<string, string>,
    source: ColumnsSource,
    problems: [string, string][] = [],
  ) {
    const fields = fieldsOf(spendImport.kind);
    return reply.code(problems.length ? 400 : 200).page('spend/views/columns.njk', {
      pageTitle: 'Choose the columns to import',
      backLink: { href: '/spend/imports' },
      spendImport,
      source,
      fields: fields.map((f) => ({
        key: f.key,
        label: f.required ? f.label : `${f.label} (optional)`,
        hint: f.hint,
        items: [
          { value: '', text: f.required ? 'Choose a column' : 'Not in the file', selected: !values[f.key] },
          ...spendImport.columns.map((column) => ({ value: column, text: column, selected: values[f.key] === column })),
        ],
      })),
      columns: spendImport.columns.map((name, i) => ({ name, examples: spendImport.sample.map((row) => row[i] ?? '').filter((cell) => cell !== '') })),
      ...formErrors(problems),
    });
  }

  app.get('/spend/imports/:id/columns', { config: access }, async (request, reply) => {
    const spendImport = await importOr404(request, reply);
    if (!spendImport) return reply;
    if (spendImport.status === 'imported' || spendImport.status === 'importing') return reply.redirect(`/spend/imports/${spendImport.id}`, 303);
    const { record, source } = await proposedColumns(db, spendImport);
    return columnsPage(reply, spendImport, record, source);
  });

  app.post('/spend/imports/:id/columns', { config: access }, async (request, reply) => {
    const spendImport = await importOr404(request, reply);
    if (!spendImport) return reply;
    if (spendImport.status === 'imported' || spendImport.status === 'importing') return reply.redirect(`/spend/imports/${spendImport.id}`, 303);
    const fields = fieldsOf(spendImport.kind);
    const values = Object.fromEntries(fields.map((f) => [f.key, field(request.body, f.key)])) as Record<SpendFieldKey, string>;
    const { chosen, problems } = readColumnChoices(fields, values, spendImport.columns);
    if (problems.length) return columnsPage(reply, spendImport, values, 'chosen', problems);
    await chooseColumns(db, request.actor, spendImport.id, chosen as Record<string, string>);
    startInBackground(request.actor, spendImport.id);
    return reply.redirect(`/spend/imports/${spendImport.id}`, 303);
  });

  app.post('/spend/imports/:id/start', { config: access }, async (request, reply) => {
    const spendImport = await importOr404(request, reply);
    if (!spendImport) return reply;
    if (spendImport.status === 'failed' && spendImport.mapping) startInBackground(request.actor, spendImport.id);
    return reply.redirect(`/spend/imports/${spendImport.id}`, 303);
  });

  app.get('/spend/imports/:id', { config: access }, async (request, reply) => {
    const spendImport = await importOr404(request, reply);
    if (!spendImport) return reply;
    const [file] = await db.select({ importId: spendImportFiles.importId }).from(spendImportFiles).where(eq(spendImportFiles.importId, spendImport.id));
    const fields = fieldsOf(spendImport.kind);
    return reply.page('spend/views/status.njk', {
      pageTitle: `Import of ${spendImport.fileName}`,
      backLink: { href: '/spend/imports' },
      spendImport,
      kindLabel: kindLabels[spendImport.kind],
      // Lines include the header and lines within quoted values: the bar is an estimate, and never shows more than done.
      percent: spendImport.linesTotal > 0 ? Math.min(99, Math.floor((spendImport.rowsRead * 100) / spendImport.linesTotal)) : 0,
      canRetry: spendImport.status === 'failed' && !!file && !!spendImport.mapping,
      columnsChosen: fields.filter((f) => spendImport.mapping?.[f.key]).map((f) => ({ key: { text: f.label }, value: { text: spendImport.mapping![f.key] } })),
    });
  });
}
