import type { FastifyInstance } from 'fastify';
import type { Services } from '../../services.js';
import { hasAnyRole, staffRoles } from '../../platform/current-user.js';
import { createDraft } from './create-draft.js';
import { loadVersionPage, VERSION_TEMPLATE } from './load-version-page.js';
import { measureRoutes } from './measure-routes.js';
import { outcomeRoutes } from './outcome-routes.js';
import { findMeasure, findOutcome, listVersions } from './repository.js';
import { adminOnly, frameworkFlash, versionOr404 } from './route-support.js';
import { param, uuidParam } from '../../platform/route-params.js';
import { transferRoutes } from './transfer-routes.js';
import { versionRoutes } from './version-routes.js';

/** The framework of outcomes and measures: reading it (staff), and changing drafts (admins). */
export async function frameworkRoutes(app: FastifyInstance, services: Services): Promise<void> {
  const { db } = services.database;

  app.get('/framework', { config: { access: staffRoles } }, async (request, reply) => {
    const versions = await listVersions(db);
    return reply.page('framework/views/list.njk', {
      pageTitle: 'Framework of outcomes and measures',
      versions,
      draft: versions.find((v) => v.status === 'draft'),
      isAdmin: hasAnyRole(request.user, adminOnly),
      flash: frameworkFlash.of(request),
    });
  });

  app.post('/framework/drafts', { config: { access: adminOnly } }, async (request, reply) => {
    const draft = await createDraft(db, request.actor);
    return reply.redirect(draft.created ? frameworkFlash.path(`/framework/${draft.id}`, 'created') : `/framework/${draft.id}`, 303);
  });

  app.get('/framework/:versionId', { config: { access: staffRoles } }, async (request, reply) => {
    const context = await loadVersionPage(db, param(request, 'versionId'), request.user);
    if (!context) return reply.callNotFound();
    return reply.page(VERSION_TEMPLATE, { ...context, flash: frameworkFlash.of(request) });
  });

  app.get('/framework/:versionId/measures/:measureId', { config: { access: staffRoles } }, async (request, reply) => {
    const version = await versionOr404(db, request, reply);
    if (!version) return reply;
    const measureId = uuidParam(request, 'measureId');
    const measure = measureId ? await findMeasure(db, version.id, measureId) : null;
    const outcome = measure ? await findOutcome(db, version.id, measure.outcomeId) : null;
    if (!measure || !outcome) return reply.callNotFound();
    return reply.page('framework/views/measure.njk', {
      pageTitle: `${measure.code}: ${measure.title}`,
      backLink: { href: `/framework/${version.id}#outcome-${outcome.id}`, text: `Back to version ${version.number}` },
      version,
      outcome,
      measure,
      canEdit: version.status === 'draft' && hasAnyRole(request.user, adminOnly),
      flash: frameworkFlash.of(request),
    });
  });

  await versionRoutes(app, db);
  await outcomeRoutes(app, db);
  await measureRoutes(app, db);
  await transferRoutes(app, db);
}
