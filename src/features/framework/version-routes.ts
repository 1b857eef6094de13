import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Db } from '../../db/client.js';
import { formErrors } from '../../platform/forms.js';
import { confirmPage } from '../../platform/shared-pages.js';
import { activateDraft } from './activate-draft.js';
import { deleteDraft } from './delete-draft.js';
import { editVersionDetails } from './edit-version-details.js';
import { readVersionDetailsForm } from './forms.js';
import { countMeasures, findVersionByStatus, listOutcomes, type VersionRow } from './repository.js';
import { adminOnly, draftOrRefuse, frameworkFlash, refuse, refuseFrozen } from './route-support.js';

/** Changing a draft's name and notes, activating it, and deleting it. */
export async function versionRoutes(app: FastifyInstance, db: Db): Promise<void> {
  const admin = { config: { access: adminOnly } };

  const detailsForm = (version: VersionRow, values: { name: string; notes: string }) => ({
    pageTitle: `Name and notes of version ${version.number}`,
    backLink: { href: `/framework/${version.id}` },
    version,
    values,
  });

  app.get('/framework/:versionId/edit', admin, async (request, reply) => {
    const version = await draftOrRefuse(db, request, reply);
    if (!version) return reply;
    return reply.page('framework/views/version-form.njk', detailsForm(version, { name: version.name, notes: version.notes ?? '' }));
  });

  app.post('/framework/:versionId/edit', admin, async (request, reply) => {
    const version = await draftOrRefuse(db, request, reply);
    if (!version) return reply;
    const form = readVersionDetailsForm(request.body);
    if (!form.details) return reply.code(400).page('framework/views/version-form.njk', { ...detailsForm(version, form.values), ...formErrors(form.problems) });
    const result = await editVersionDetails(db, request.actor, version, form.details);
    if (result.status === 'missing') return reply.callNotFound();
    if (result.status === 'frozen') return refuseFrozen(reply, version);
    return reply.redirect(frameworkFlash.path(`/framework/${version.id}`, 'details-saved'), 303);
  });

  const cannotActivateEmpty = (reply: FastifyReply, version: VersionRow) =>
    refuse(reply, `Version ${version.number} cannot be activated yet`, ['It has no measures. Add at least one measure before you activate it.'], {
      href: `/framework/${version.id}`,
      text: `Go back to version ${version.number}`,
    });

  app.get('/framework/:versionId/activate', admin, async (request, reply) => {
    const version = await draftOrRefuse(db, request, reply);
    if (!version) return reply;
    const measures = await countMeasures(db, { versionId: version.id });
    if (measures === 0) return cannotActivateEmpty(reply, version);
    const active = await findVersionByStatus(db, 'active');
    return confirmPage(reply, {
      pageTitle: `Activate version ${version.number}`,
      backLink: { href: `/framework/${version.id}` },
      caption: `Framework version ${version.number}`,
      heading: `Activate version ${version.number}?`,
      paragraphs: [
        `New tenders will use version ${version.number}, with its ${measures.toLocaleString('en-GB')} ${measures === 1 ? 'measure' : 'measures'}.`,
        active
          ? `Version ${active.number}, the active version now, will be retired. Tenders and contracts that already use it keep it.`
          : 'There is no active version now, so no version is retired.',
      ],
      warning: `Once it is active, version ${version.number} can never be changed. To change the framework after that, you create a new draft.`,
      action: `/framework/${version.id}/activate`,
      buttonText: `Activate version ${version.number}`,
      danger: false,
      cancelHref: `/framework/${version.id}`,
    });
  });

  app.post('/framework/:versionId/activate', admin, async (request, reply) => {
    const version = await draftOrRefuse(db, request, reply);
    if (!version) return reply;
    const result = await activateDraft(db, request.actor, version);
    if (result === 'missing') return reply.callNotFound();
    if (result === 'frozen') return refuseFrozen(reply, version);
    if (result === 'no-measures') return cannotActivateEmpty(reply, version);
    return reply.redirect(frameworkFlash.path(`/framework/${version.id}`, 'activated'), 303);
  });

  app.get('/framework/:versionId/delete', admin, async (request, reply) => {
    const version = await draftOrRefuse(db, request, reply);
    if (!version) return reply;
    const outcomes = (await listOutcomes(db, version.id)).length;
    const measures = await countMeasures(db, { versionId: version.id });
    return confirmPage(reply, {
      pageTitle: `Delete draft version ${version.number}`,
      backLink: { href: `/framework/${version.id}` },
      caption: `Framework version ${version.number}`,
      heading: `Delete draft version ${version.number}?`,
      paragraphs: [
        `This deletes the draft with its ${outcomes} ${outcomes === 1 ? 'outcome' : 'outcomes'} and ${measures} ${measures === 1 ? 'measure' : 'measures'}. The active version does not change.`,
      ],
      warning: 'You cannot undo this.',
      action: `/framework/${version.id}/delete`,
      buttonText: 'Delete this draft',
      danger: true,
      cancelHref: `/framework/${version.id}`,
    });
  });

  app.post('/framework/:versionId/delete', admin, async (request, reply) => {
    const version = await draftOrRefuse(db, request, reply);
    if (!version) return reply;
    const result = await deleteDraft(db, request.actor, version);
    if (result.status === 'missing') return reply.callNotFound();
    if (result.status === 'frozen') return refuseFrozen(reply, version);
    return reply.redirect(frameworkFlash.path('/framework', 'draft-deleted'), 303);
  });
}
