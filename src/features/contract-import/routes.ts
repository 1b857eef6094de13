import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Services } from '../../services.js';
import type { Role } from '../../db/schema/index.js';
import { hasAnyRole } from '../../platform/current-user.js';
import { formErrors, uploadedFile } from '../../platform/forms.js';
import { importContracts } from './import-contracts.js';
import { guessMapping, mappingFrom } from './mapping.js';
import { mappingValues, readMappingForm, valuesOf } from './mapping-form.js';
import { planImport, type ImportPlan } from './plan-import.js';
import { readRegisterFile } from './register-file.js';
import { findUpload, importedContracts, rememberedMapping, type Upload } from './repository.js';
import { saveMapping } from './save-mapping.js';
import { saveUpload } from './save-upload.js';
import { checkPage, columnsPage, type MappingSource } from './view-models.js';
import { recordInPath } from '../../platform/route-params.js';

/** Officers and admins import registers; each upload is seen only by the person who uploaded it. */
const importers = ['officer', 'admin'] as const satisfies readonly Role[];
const access = { access: importers };

function uploadPage(reply: FastifyReply, problem?: string, status = 400): FastifyReply {
  return reply.code(problem ? status : 200).page('contract-import/views/upload.njk', {
    pageTitle: 'Import contracts from a register',
    backLink: { href: '/contracts' },
    ...(problem ? formErrors([['file', problem]]) : {}),
  });
}

/** The file is over the size limit: the upload form again, saying so, for people who may use it. */
function tooLargeHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  if (error.code === 'FST_REQ_FILE_TOO_LARGE' && hasAnyRole(request.user, importers))
    return uploadPage(reply, 'The selected file must be smaller than 5MB', 413);
  throw error;
}

/** The result page lists this many of the imported contracts; the register has them all. */
const RESULT_LIST_LIMIT = 500;

const stepUrl = (upload: Upload, step: 'columns' | 'check' | '') => `/contracts/import/${upload.id}${step ? `/${step}` : ''}`;

/** Importing contracts from a register: upload a file, choose its columns, check every row, import them all. */
export async function contractImportRoutes(app: FastifyInstance, { database }: Services): Promise<void> {
  const { db } = database;

  /** The upload in the URL if it belongs to the signed-in person, else the 404 page (and null). */
  async function uploadOr404(request: FastifyRequest, reply: FastifyReply): Promise<Upload | null> {
    return recordInPath(request, reply, 'uploadId', async (uploadId) => (request.user ? findUpload(db, uploadId, request.user.id) : null));
  }

  function showCheck(reply: FastifyReply, upload: Upload, plan: ImportPlan, status = 200) {
    return reply.code(status).page('contract-import/views/check.njk', checkPage(upload, plan));
  }

  app.get('/contracts/import', { config: access }, async (_request, reply) => uploadPage(reply));

  app.post('/contracts/import', { config: access, errorHandler: tooLargeHandler }, async (request, reply) => {
    const file = uploadedFile(request.body);
    if (!file) return uploadPage(reply, 'Select a CSV file or an Excel workbook to import');
    const reading = await readRegisterFile(await file.toBuffer());
    if (!reading.ok) return uploadPage(reply, reading.message);
    const fileName = file.filename.replace(/^.*[\\/]/, '').slice(0, 200);
    const id = await saveUpload(db, request.actor, request.user!.id, fileName, reading.table);
    return reply.redirect(`/contracts/import/${id}/columns`, 303);
  });

  app.get('/contracts/import/:uploadId/columns', { config: access }, async (request, reply) => {
    const upload = await uploadOr404(request, reply);
    if (!upload) return reply;
    if (upload.importedAt) return reply.redirect(stepUrl(upload, ''), 303);
    const remembered = upload.mapping ? null : await rememberedMapping(db, upload.headerSignature);
    const stored = upload.mapping ?? remembered;
    const mapping = stored ? mappingFrom(stored, upload.columns) : guessMapping(upload.columns);
    const source: MappingSource = upload.mapping ? 'chosen' : remembered ? 'remembered' : 'guessed';
    return reply.page('contract-import/views/columns.njk', columnsPage(upload, valuesOf(mapping), source));
  });

  app.post('/contracts/import/:uploadId/columns', { config: access }, async (request, reply) => {
    const upload = await uploadOr404(request, reply);
    if (!upload) return reply;
    if (upload.importedAt) return reply.redirect(stepUrl(upload, ''), 303);
    const values = mappingValues(request.body);
    const form = readMappingForm(values, upload.columns);
    if (!form.ok) return reply.code(400).page('contract-import/views/columns.njk', { ...columnsPage(upload, values, 'chosen'), ...formErrors(form.problems) });
    await saveMapping(db, request.actor, upload, form.mapping);
    return reply.redirect(stepUrl(upload, 'check'), 303);
  });

  app.get('/contracts/import/:uploadId/check', { config: access }, async (request, reply) => {
    const upload = await uploadOr404(request, reply);
    if (!upload) return reply;
    if (upload.importedAt) return reply.redirect(stepUrl(upload, ''), 303);
    if (!upload.mapping) return reply.redirect(stepUrl(upload, 'columns'), 303);
    return showCheck(reply, upload, await planImport(db, upload, mappingFrom(upload.mapping, upload.columns)));
  });

  app.post('/contracts/import/:uploadId/check', { config: access }, async (request, reply) => {
    const upload = await uploadOr404(request, reply);
    if (!upload) return reply;
    const result = await importContracts(db, request.actor, request.user!.id, upload);
    switch (result.status) {
      case 'not-found':
        return reply.callNotFound();
      case 'not-ready':
        return reply.redirect(stepUrl(upload, 'columns'), 303);
      case 'in-progress':
        return reply.redirect(stepUrl(upload, 'check'), 303);
      case 'problems':
        return showCheck(reply, upload, result.plan, 409);
      default:
        return reply.redirect(stepUrl(upload, ''), 303);
    }
  });

  app.get('/contracts/import/:uploadId', { config: access }, async (request, reply) => {
    const upload = await uploadOr404(request, reply);
    if (!upload) return reply;
    if (!upload.importedAt) return reply.redirect(stepUrl(upload, upload.mapping ? 'check' : 'columns'), 303);
    const ids = upload.contractIds ?? [];
    return reply.page('contract-import/views/result.njk', {
      pageTitle: 'Contracts imported',
      upload,
      importedCount: ids.length,
      contracts: await importedContracts(db, ids.slice(0, RESULT_LIST_LIMIT)),
    });
  });
}
