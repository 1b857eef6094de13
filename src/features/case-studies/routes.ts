import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Services } from '../../services.js';
import { caseStudyStatuses } from '../../db/schema/index.js';
import { pageFrom, paginationLinks } from '../../domain/pagination.js';
import { ForbiddenError } from '../../platform/access.js';
import { hasAnyRole, staffRoles } from '../../platform/current-user.js';
import { field, formErrors, isUuid, uploadedFile, type FormErrors } from '../../platform/forms.js';
import { districtNames } from '../organisations/postcode-districts.js';
import { outcomeTitles } from '../summaries/read.js';
import { caseStudyAuthors, caseStudyInPath, caseStudyReaders, mayAuthor, mayPublish, writesForCouncil } from './access.js';
import { takeStep } from './change-status.js';
import { emptyDetails, readAltText, readCommitments, readDetails, readQuote, type DetailsValues, type QuoteValues } from './forms.js';
import { addImage, IMAGE_MAX_BYTES, IMAGE_TYPES_TEXT, removeImage } from './images.js';
import { caseStudyPdf } from './case-study-pdf.js';
import { liveFigures } from './live-figures.js';
import {
  chosenCommitmentIds,
  commitmentsOfContract,
  contractById,
  contractByReference,
  contractsOfSupplier,
  imagesOf,
  imageWithContent,
  listCaseStudies,
  quotesOf,
  type CaseStudyRecord,
} from './repository.js';
import { addQuote, changeDetails, chooseCommitments, createCaseStudy, removeQuote } from './save-case-study.js';
import { storyHtml } from './story.js';
import { isStepName, statusLabels, statusTagClasses, steps, stepsFrom } from './workflow.js';
import { flashMessages, withDone } from '../../platform/flash.js';
import { param, recordInPath, uuidParam } from '../../platform/route-params.js';

const PAGE_SIZE = 25;

const flash = flashMessages({
  created: 'Case study drafted. Choose its statistics, add images and quotes, then send it for review.',
  changed: 'Case study changed.',
  statistics: 'Statistics chosen. They show what has been verified as delivered, and follow each new verification.',
  image: 'Image added.',
  'image-removed': 'Image removed.',
  quote: 'Quote added.',
  'quote-removed': 'Quote removed.',
  ...Object.fromEntries(Object.entries(steps).map(([name, step]) => [name, step.done])),
});

const casePath = (id: string, done?: string) => (done ? withDone(`/case-studies/${id}`, done) : `/case-studies/${id}`);

interface PageForms {
  image?: { altText: string };
  quote?: QuoteValues;
  errors?: FormErrors;
}

/** Case studies for staff and suppliers: draft, change, choose the statistics, add images and quotes, review and publish. */
export async function caseStudyRoutes(app: FastifyInstance, services: Services): Promise<void> {
  const { db } = services.database;
  const readers = { access: caseStudyReaders };
  const authors = { access: caseStudyAuthors };

  async function choices() {
    const outcomes = await outcomeTitles(db);
    return { outcomes: [...outcomes.keys()], outcomeTitles: outcomes, districts: districtNames };
  }

  /** The case study in the path, for a person who may change it, while it is a draft; else null after replying. */
  async function draftInPath(request: FastifyRequest, reply: FastifyReply): Promise<CaseStudyRecord | null> {
    const caseStudy = await caseStudyInPath(db, request, reply);
    if (!caseStudy) return null;
    if (!mayAuthor(request.user, caseStudy)) throw new ForbiddenError('Only officers and the contract’s supplier can change a case study');
    if (caseStudy.status !== 'draft') {
      reply.redirect(casePath(caseStudy.id), 303);
      return null;
    }
    return caseStudy;
  }

  app.get('/case-studies', { config: readers }, async (request, reply) => {
    const statusText = field(request.query, 'status');
    const status = caseStudyStatuses.find((s) => s === statusText) ?? '';
    const page = pageFrom(field(request.query, 'page'), PAGE_SIZE);
    // staff see every case study; a supplier those of its own organisation's contracts
    const supplierId = hasAnyRole(request.user, staffRoles) ? null : request.user!.organisationId;
    const { rows, total } = await listCaseStudies(db, { status, supplierId }, page);
    const hrefFor = (n: number) => `/case-studies?${new URLSearchParams({ ...(status ? { status } : {}), page: String(n) }).toString()}`;
    return reply.page('case-studies/views/list.njk', {
      pageTitle: 'Case studies',
      caseStudies: rows.map((r) => ({ ...r, statusLabel: statusLabels[r.status], statusClass: statusTagClasses[r.status] })),
      total,
      status,
      statusItems: [{ value: '', text: 'Any status' }, ...caseStudyStatuses.map((s) => ({ value: s, text: statusLabels[s], selected: s === status }))],
      canDraft: hasAnyRole(request.user, caseStudyAuthors),
      pagination: paginationLinks(page, total, hrefFor),
    });
  });

  async function renderDetailsForm(
    request: FastifyRequest,
    reply: FastifyReply,
    form: { caseStudy: CaseStudyRecord | null; values: DetailsValues; errors?: FormErrors },
  ) {
    const { outcomeTitles: titles, districts } = await choices();
    const { caseStudy, values } = form;
    const supplierContracts = !caseStudy && !writesForCouncil(request.user) ? await contractsOfSupplier(db, request.user!.organisationId) : null;
    return reply.page('case-studies/views/details.njk', {
      pageTitle: caseStudy ? `Change ${caseStudy.title}` : 'Draft a case study',
      backLink: { href: caseStudy ? casePath(caseStudy.id) : '/case-studies' },
      caseStudy,
      action: caseStudy ? `/case-studies/${caseStudy.id}/edit` : '/case-studies',
      values,
      supplierContracts: supplierContracts?.map((c) => ({ value: c.reference, text: `${c.reference}: ${c.title}`, selected: c.reference === values.contract })),
      outcomeItems: [...titles].map(([code, title]) => ({ value: code, text: title, checked: values.outcomes.includes(code) })),
      districtItems: districts.map((d) => ({ value: d, text: d, checked: values.districts.includes(d) })),
      ...form.errors,
    });
  }

  app.get('/case-studies/new', { config: authors }, async (request, reply) => {
    const contractId = field(request.query, 'contract');
    const contract = isUuid(contractId) ? await contractById(db, contractId) : null;
    const mine = contract && (writesForCouncil(request.user) || contract.supplierId === request.user!.organisationId);
    return renderDetailsForm(request, reply, { caseStudy: null, values: { ...emptyDetails, contract: mine ? contract.reference : '' } });
  });

  app.post('/case-studies', { config: authors }, async (request, reply) => {
    const { outcomes, districts } = await choices();
    const reading = readDetails(request.body, { outcomes, districts }, { withContract: true });
    const contract = reading.values.contract ? await contractByReference(db, reading.values.contract) : null;
    // A supplier drafts only about its own organisation's contracts; it is not told whether another's exists.
    const allowed = contract && (writesForCouncil(request.user) || contract.supplierId === request.user!.organisationId);
    const contractProblem: [string, string] | null =
      reading.values.contract && !allowed
        ? [
            'contract',
            writesForCouncil(request.user)
              ? `There is no contract with the reference ${reading.values.contract}`
              : 'Choose one of your organisation’s contracts',
          ]
        : null;
    if (!reading.ok || contractProblem) {
      const problems = reading.ok ? [] : Object.entries(reading.errors.errors);
      const errors = formErrors(contractProblem ? [contractProblem, ...problems] : problems);
      return renderDetailsForm(request, reply.code(400), { caseStudy: null, values: reading.values, errors });
    }
    const id = await createCaseStudy(db, request.actor, contract!, reading.input);
    return reply.redirect(casePath(id, 'created'), 303);
  });

  async function renderCaseStudy(request: FastifyRequest, reply: FastifyReply, caseStudy: CaseStudyRecord, forms: PageForms = {}) {
    const [figures, images, quotes, titles] = await Promise.all([
      liveFigures(db, caseStudy.id),
      imagesOf(db, caseStudy.id),
      quotesOf(db, caseStudy.id),
      outcomeTitles(db),
    ]);
    const author = mayAuthor(request.user, caseStudy);
    const officer = mayPublish(request.user);
    const editable = author && caseStudy.status === 'draft';
    return reply.page('case-studies/views/case-study.njk', {
      pageTitle: caseStudy.title,
      backLink: { href: '/case-studies', text: 'All case studies' },
      caseStudy,
      statusLabel: statusLabels[caseStudy.status],
      statusClass: statusTagClasses[caseStudy.status],
      outcomes: caseStudy.outcomeCodes.map((code) => titles.get(code) ?? code),
      story: storyHtml(caseStudy.story),
      ...figures,
      images: images.map((i) => ({ ...i, src: `/case-studies/${caseStudy.id}/images/${i.id}` })),
      quotes,
      editable,
      steps: stepsFrom(caseStudy.status, { author, officer }).map((name) => ({ name, button: steps[name].button, warning: name === 'withdraw' })),
      // a published case study shows on the transparency site only while its contract is published too
      contractUnpublished: caseStudy.contractPublishedAt === null,
      imageHint: `${IMAGE_TYPES_TEXT[0]!.toUpperCase()}${IMAGE_TYPES_TEXT.slice(1)}, smaller than ${IMAGE_MAX_BYTES / (1024 * 1024)}MB.`,
      imageValues: forms.image ?? { altText: '' },
      quoteValues: forms.quote ?? { quote: '', attribution: '' },
      ...forms.errors,
      flash: flash.of(request),
    });
  }

  app.get('/case-studies/:id', { config: readers }, async (request, reply) => {
    const caseStudy = await caseStudyInPath(db, request, reply);
    if (!caseStudy) return reply;
    return renderCaseStudy(request, reply, caseStudy);
  });

  app.get('/case-studies/:id/case-study.pdf', { config: readers }, async (request, reply) => {
    const caseStudy = await caseStudyInPath(db, request, reply);
    if (!caseStudy) return reply;
    const [figures, quotes, titles] = await Promise.all([liveFigures(db, caseStudy.id), quotesOf(db, caseStudy.id), outcomeTitles(db)]);
    const pdf = await caseStudyPdf({ ...caseStudy, outcomes: caseStudy.outcomeCodes.map((c) => titles.get(c) ?? c), quotes }, figures);
    return reply.header('content-disposition', `inline; filename="case-study-${caseStudy.id}.pdf"`).type('application/pdf').send(pdf);
  });

  app.get('/case-studies/:id/edit', { config: authors }, async (request, reply) => {
    const caseStudy = await draftInPath(request, reply);
    if (!caseStudy) return reply;
    const values: DetailsValues = {
      contract: '',
      title: caseStudy.title,
      summary: caseStudy.summary,
      story: caseStudy.story,
      outcomes: caseStudy.outcomeCodes,
      districts: caseStudy.districts,
    };
    return renderDetailsForm(request, reply, { caseStudy, values });
  });

  app.post('/case-studies/:id/edit', { config: authors }, async (request, reply) => {
    const caseStudy = await draftInPath(request, reply);
    if (!caseStudy) return reply;
    const reading = readDetails(request.body, await choices(), { withContract: false });
    if (!reading.ok) return renderDetailsForm(request, reply.code(400), { caseStudy, values: reading.values, errors: reading.errors });
    await changeDetails(db, request.actor, caseStudy, reading.input);
    return reply.redirect(casePath(caseStudy.id, 'changed'), 303);
  });

  async function renderStatistics(reply: FastifyReply, caseStudy: CaseStudyRecord, chosen: string[]) {
    const commitments = await commitmentsOfContract(db, caseStudy.contractId);
    return reply.page('case-studies/views/statistics.njk', {
      pageTitle: `Statistics of ${caseStudy.title}`,
      backLink: { href: casePath(caseStudy.id) },
      caseStudy,
      items: commitments.map((c) => ({
        value: c.id,
        text: `${c.measureCode} ${c.measureTitle}`,
        hint: { text: c.proxyPencePerUnit === null ? `Counted in ${c.unit}` : `Counted in ${c.unit} and in pounds` },
        checked: chosen.includes(c.id),
      })),
    });
  }

  app.get('/case-studies/:id/statistics', { config: authors }, async (request, reply) => {
    const caseStudy = await draftInPath(request, reply);
    if (!caseStudy) return reply;
    return renderStatistics(reply, caseStudy, await chosenCommitmentIds(db, caseStudy.id));
  });

  app.post('/case-studies/:id/statistics', { config: authors }, async (request, reply) => {
    const caseStudy = await draftInPath(request, reply);
    if (!caseStudy) return reply;
    const offered = (await commitmentsOfContract(db, caseStudy.contractId)).map((c) => c.id);
    await chooseCommitments(db, request.actor, caseStudy, readCommitments(request.body, offered));
    return reply.redirect(casePath(caseStudy.id, 'statistics'), 303);
  });

  /** A form too large for the buffered upload: the page again, with the image field's error. */
  async function imageTooLarge(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
    if (error.code !== 'FST_REQ_FILE_TOO_LARGE') throw error;
    const caseStudy = await caseStudyInPath(db, request, reply);
    if (!caseStudy) return reply;
    const message = `The image must be smaller than ${IMAGE_MAX_BYTES / (1024 * 1024)}MB`;
    return renderCaseStudy(request, reply.code(413), caseStudy, { errors: formErrors([['image', message]]) });
  }

  app.post('/case-studies/:id/images', { config: authors, errorHandler: imageTooLarge }, async (request, reply) => {
    const caseStudy = await draftInPath(request, reply);
    if (!caseStudy) return reply;
    const alt = readAltText(request.body);
    const file = uploadedFile(request.body, 'image');
    const problems: [string, string][] = [];
    if (!file) problems.push(['image', 'Select an image to upload']);
    if (alt.problem) problems.push(['altText', alt.problem]);
    if (file && !alt.problem) {
      const result = await addImage(db, request.actor, caseStudy, { filename: file.filename, content: await file.toBuffer(), altText: alt.value });
      if (result.ok) return reply.redirect(`${casePath(caseStudy.id, 'image')}#images`, 303);
      if ('notDraft' in result) return reply.redirect(casePath(caseStudy.id), 303);
      problems.push(['image', result.problem]);
    }
    return renderCaseStudy(request, reply.code(400), caseStudy, { image: { altText: alt.value }, errors: formErrors(problems) });
  });

  app.post('/case-studies/:id/images/:imageId/remove', { config: authors }, async (request, reply) => {
    const caseStudy = await draftInPath(request, reply);
    if (!caseStudy) return reply;
    const imageId = uuidParam(request, 'imageId');
    if (!imageId) return reply.callNotFound();
    await removeImage(db, request.actor, caseStudy, imageId);
    return reply.redirect(`${casePath(caseStudy.id, 'image-removed')}#images`, 303);
  });

  app.get('/case-studies/:id/images/:imageId', { config: readers }, async (request, reply) => {
    const caseStudy = await caseStudyInPath(db, request, reply);
    if (!caseStudy) return reply;
    const image = await recordInPath(request, reply, 'imageId', (imageId) => imageWithContent(db, caseStudy.id, imageId));
    if (!image) return reply;
    return reply.header('cache-control', 'private, no-store').type(image.contentType).send(image.data);
  });

  app.post('/case-studies/:id/quotes', { config: authors }, async (request, reply) => {
    const caseStudy = await draftInPath(request, reply);
    if (!caseStudy) return reply;
    const reading = readQuote(request.body);
    if (!reading.ok) return renderCaseStudy(request, reply.code(400), caseStudy, { quote: reading.values, errors: reading.errors });
    await addQuote(db, request.actor, caseStudy, reading.input);
    return reply.redirect(`${casePath(caseStudy.id, 'quote')}#quotes`, 303);
  });

  app.post('/case-studies/:id/quotes/:quoteId/remove', { config: authors }, async (request, reply) => {
    const caseStudy = await draftInPath(request, reply);
    if (!caseStudy) return reply;
    const quoteId = uuidParam(request, 'quoteId');
    if (!quoteId) return reply.callNotFound();
    await removeQuote(db, request.actor, caseStudy, quoteId);
    return reply.redirect(`${casePath(caseStudy.id, 'quote-removed')}#quotes`, 303);
  });

  app.post('/case-studies/:id/steps/:step', { config: authors }, async (request, reply) => {
    const caseStudy = await caseStudyInPath(db, request, reply);
    if (!caseStudy) return reply;
    const name = param(request, 'step');
    if (!isStepName(name)) return reply.callNotFound();
    const step = steps[name];
    if (step.by === 'officer' ? !mayPublish(request.user) : !mayAuthor(request.user, caseStudy)) {
      throw new ForbiddenError(
        step.by === 'officer' ? 'Only an officer can publish or withdraw a case study' : 'Only officers and the contract’s supplier can do this',
      );
    }
    if (caseStudy.status !== step.from) return reply.redirect(casePath(caseStudy.id), 303);
    const problem = await stepProblem(caseStudy, name);
    if (problem) return renderCaseStudy(request, reply.code(400), caseStudy, { errors: formErrors([['steps', problem]]) });
    const moved = await takeStep(db, request.actor, caseStudy, name);
    return reply.redirect(casePath(caseStudy.id, moved ? name : undefined), 303);
  });

  /** What stops a step: a case study goes for review with statistics, and is published only with its contract. */
  async function stepProblem(caseStudy: CaseStudyRecord, name: string): Promise<string | null> {
    if (name === 'submit' && (await chosenCommitmentIds(db, caseStudy.id)).length === 0) {
      return 'Choose at least one commitment for the statistics before sending the case study for review';
    }
    if (name === 'publish' && caseStudy.contractPublishedAt === null) {
      return `Publish contract ${caseStudy.contractReference} on the transparency site before publishing a case study about it`;
    }
    return null;
  }
}
