import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Services } from '../../services.js';
import { organisationKinds, organisationSizes } from '../../db/schema/index.js';
import { pageFrom, paginationLinks, shownRange } from '../../domain/pagination.js';
import { flashMessages } from '../../platform/flash.js';
import { field, formErrors } from '../../platform/forms.js';
import { loadLocalAreas } from '../local-areas/repository.js';
import { cpvDivisionCodes, cpvDivisions } from '../requirements/categories.js';
import { organisationValues, readOrganisationForm, type OrganisationValues } from './forms.js';
import { kindHints, kindLabels, kindPlurals, sizeHints, sizeLabels } from './labels.js';
import { countUsersOf, findOrganisation, listOrganisations, type Organisation } from './repository.js';
import { createOrganisation, updateOrganisation } from './save-organisation.js';
import { recordInPath } from '../../platform/route-params.js';

const PAGE_SIZE = 50;
const admin = { access: ['admin'] } as const;

/** The success message after each change, by the `done` query parameter of the page it returns to. */
const flash = flashMessages({ added: 'Organisation added', saved: 'Changes saved' });

export function valuesOf(organisation: Organisation): OrganisationValues {
  return {
    name: organisation.name,
    kind: organisation.kind,
    companiesHouseNumber: organisation.companiesHouseNumber ?? '',
    charityNumber: organisation.charityNumber ?? '',
    size: organisation.size ?? '',
    flags: [
      ...(organisation.isVcse ? ['vcse'] : []),
      ...(organisation.isSocialEnterprise ? ['social_enterprise'] : []),
      ...(organisation.openToPartnering ? ['open_to_partnering'] : []),
    ],
    postcode: organisation.postcode ?? '',
    categories: organisation.categories,
    description: organisation.description ?? '',
  };
}

/** The radios and checkboxes of an organisation's profile, shared by the administrators' form and a supplier's own. */
export function profileItems(values: OrganisationValues) {
  return {
    sizeItems: [
      ...organisationSizes.map((size) => ({ value: size, text: sizeLabels[size], hint: { text: sizeHints[size] }, checked: values.size === size })),
      { divider: 'or' },
      { value: '', text: 'Not known', checked: values.size === '' },
    ],
    flagItems: [
      { value: 'vcse', text: 'Voluntary, community or social enterprise (VCSE)', checked: values.flags.includes('vcse') },
      {
        value: 'social_enterprise',
        text: 'Social enterprise',
        hint: { text: 'A business with social or environmental aims that reinvests most of its profits in them' },
        checked: values.flags.includes('social_enterprise'),
      },
      {
        value: 'open_to_partnering',
        text: 'Open to partnering',
        hint: { text: 'Willing to bid with other organisations in a consortium, or as a subcontractor' },
        checked: values.flags.includes('open_to_partnering'),
      },
    ],
    categoryItems: cpvDivisionCodes.map((code) => ({ value: code, text: cpvDivisions[code], checked: values.categories.includes(code) })),
  };
}

function renderForm(
  reply: FastifyReply,
  options: { heading: string; action: string; backHref: string; values: OrganisationValues; problems?: [string, string][] },
) {
  const { values, problems = [] } = options;
  return reply.code(problems.length ? 400 : 200).page('organisations/views/form.njk', {
    pageTitle: options.heading,
    heading: options.heading,
    action: options.action,
    backLink: { href: options.backHref },
    values,
    kindItems: organisationKinds.map((kind) => ({ value: kind, text: kindLabels[kind], hint: { text: kindHints[kind] }, checked: values.kind === kind })),
    ...profileItems(values),
    ...formErrors(problems),
  });
}

/** Admins keep the list of organisations: the council, suppliers, community organisations and partners. */
export async function organisationRoutes(app: FastifyInstance, { database }: Services): Promise<void> {
  const { db } = database;

  app.get('/admin/organisations', { config: admin }, async (request, reply) => {
    const kind = organisationKinds.find((k) => k === field(request.query, 'kind')) ?? null;
    const page = pageFrom(field(request.query, 'page'), PAGE_SIZE);
    const { rows, total } = await listOrganisations(db, { kind }, page);
    const hrefFor = (n: number) => `/admin/organisations?${new URLSearchParams({ ...(kind ? { kind } : {}), page: String(n) }).toString()}`;
    return reply.page('organisations/views/list.njk', {
      pageTitle: 'Organisations',
      organisations: rows,
      ...shownRange(page, rows.length, total),
      kind,
      kindLabels,
      kindPlurals,
      sizeLabels,
      kindItems: [{ value: '', text: 'All types' }, ...organisationKinds.map((k) => ({ value: k, text: kindLabels[k], selected: k === kind }))],
      pagination: paginationLinks(page, total, hrefFor),
    });
  });

  const addForm = { heading: 'Add an organisation', action: '/admin/organisations/new', backHref: '/admin/organisations' };

  app.get('/admin/organisations/new', { config: admin }, async (_request, reply) => renderForm(reply, { ...addForm, values: organisationValues({}) }));

  app.post('/admin/organisations/new', { config: admin }, async (request, reply) => {
    const values = organisationValues(request.body);
    const form = readOrganisationForm(values, await loadLocalAreas(db));
    if (!form.ok) {
      return renderForm(reply, { ...addForm, values, problems: form.problems });
    }
    const id = await createOrganisation(db, request.actor, form.input);
    return reply.redirect(flash.path(`/admin/organisations/${id}`, 'added'), 303);
  });

  app.get('/admin/organisations/:id', { config: admin }, async (request, reply) => {
    const organisation = await recordInPath(request, reply, 'id', (id) => findOrganisation(db, id));
    if (!organisation) return reply;
    return reply.page('organisations/views/view.njk', {
      pageTitle: organisation.name,
      organisation,
      userCount: await countUsersOf(db, organisation.id),
      categoryNames: organisation.categories.map((c) => `${c} ${cpvDivisions[c] ?? ''}`),
      kindLabels,
      sizeLabels,
      flash: flash.of(request),
      backLink: { href: '/admin/organisations', text: 'All organisations' },
    });
  });

  const editForm = (organisation: Organisation) => ({
    heading: `Change ${organisation.name}`,
    action: `/admin/organisations/${organisation.id}/edit`,
    backHref: `/admin/organisations/${organisation.id}`,
  });

  app.get('/admin/organisations/:id/edit', { config: admin }, async (request, reply) => {
    const organisation = await recordInPath(request, reply, 'id', (id) => findOrganisation(db, id));
    if (!organisation) return reply;
    return renderForm(reply, { ...editForm(organisation), values: valuesOf(organisation) });
  });

  app.post('/admin/organisations/:id/edit', { config: admin }, async (request, reply) => {
    const organisation = await recordInPath(request, reply, 'id', (id) => findOrganisation(db, id));
    if (!organisation) return reply;
    const values = organisationValues(request.body);
    const form = readOrganisationForm(values, await loadLocalAreas(db));
    if (!form.ok) return renderForm(reply, { ...editForm(organisation), values, problems: form.problems });
    const result = await updateOrganisation(db, request.actor, organisation.id, form.input);
    if ('notFound' in result) return reply.callNotFound();
    if (!result.ok) return renderForm(reply, { ...editForm(organisation), values, problems: [result.problem] });
    return reply.redirect(flash.path(`/admin/organisations/${organisation.id}`, 'saved'), 303);
  });
}
