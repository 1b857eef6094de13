import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Services } from '../../services.js';
import type { Role } from '../../db/schema/index.js';
import { formErrors, uploadedFile } from '../../platform/forms.js';
import { importAwards, matchAwardSuppliers } from './import-awards.js';
import { planImport } from './plan-import.js';
import { readReleasePackage } from './read-package.js';
import { importedContracts } from '../contract-import/repository.js';
import { findOcdsUpload, knownFor, type OcdsUpload } from './repository.js';
import { saveOcdsUpload } from './save-upload.js';
import { recordInPath } from '../../platform/route-params.js';

const importers = ['officer', 'admin'] as const satisfies readonly Role[];
const access = { access: importers };
const BASE = '/contracts/import-ocds';

/** The review and result pages list this many contracts; the register has them all. */
const LIST_LIMIT = 500;

/** Importing contracts from an OCDS release package: upload, review what it will do, import it all at once. */
export async function ocdsImportRoutes(app: FastifyInstance, { database }: Services): Promise<void> {
  const { db } = database;

  function uploadPage(reply: FastifyReply, problems: string[] = []) {
    return reply.code(problems.length ? 400 : 200).page('ocds/views/upload.njk', {
      pageTitle: 'Import contracts from an OCDS release package',
      backLink: { href: '/contracts' },
      problems,
      ...(problems.length
        ? formErrors([['file', problems.length === 1 ? problems[0]! : `The file has ${problems.length} problems, listed below. Nothing was imported`]])
        : {}),
    });
  }

  async function uploadOr404(request: FastifyRequest, reply: FastifyReply): Promise<OcdsUpload | null> {
    return recordInPath(request, reply, 'uploadId', (uploadId) => findOcdsUpload(db, uploadId, request.user!.id));
  }

  app.get(BASE, { config: access }, async (_request, reply) => uploadPage(reply));

  app.post(BASE, { config: access }, async (request, reply) => {
    const file = uploadedFile(request.body);
    if (!file) return uploadPage(reply, ['Select an OCDS release package (.json) to import']);
    const reading = readReleasePackage(await file.toBuffer());
    if (!reading.ok) return uploadPage(reply, reading.problems);
    const plan = planImport(reading.releases, await knownFor(db, reading.releases));
    const fileName = file.filename.replace(/^.*[\\/]/, '').slice(0, 200);
    const id = await saveOcdsUpload(db, request.actor, request.user!.id, fileName, plan);
    return reply.redirect(`${BASE}/${id}`, 303);
  });

  app.get(`${BASE}/:uploadId`, { config: access }, async (request, reply) => {
    const upload = await uploadOr404(request, reply);
    if (!upload) return reply;
    if (upload.importedAt) {
      const ids = upload.contractIds ?? [];
      return reply.page('ocds/views/result.njk', {
        pageTitle: 'Contracts imported',
        upload,
        importedCount: ids.length,
        contracts: await importedContracts(db, ids.slice(0, LIST_LIMIT)),
      });
    }
    const newAwards = upload.plan.awards.filter((a) => a.action === 'new');
    const matches = await matchAwardSuppliers(db, newAwards);
    return reply.page('ocds/views/review.njk', {
      pageTitle: 'Check the contracts before importing',
      backLink: { href: BASE },
      upload,
      newCount: newAwards.length,
      updateCount: upload.plan.awards.length - newAwards.length,
      newSupplierCount: matches.newSuppliers.length,
      matchedSupplierCount: matches.matchedCount,
      awards: upload.plan.awards.slice(0, LIST_LIMIT),
    });
  });

  app.post(`${BASE}/:uploadId`, { config: access }, async (request, reply) => {
    const upload = await uploadOr404(request, reply);
    if (!upload) return reply;
    const result = await importAwards(db, request.actor, request.user!.id, upload.id);
    if (result.status === 'not-found') return reply.callNotFound();
    return reply.redirect(`${BASE}/${upload.id}`, 303);
  });
}
