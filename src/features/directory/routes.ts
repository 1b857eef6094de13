import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Services } from '../../services.js';
import { organisationSizes } from '../../db/schema/index.js';
import { pageFrom, paginationLinks } from '../../domain/pagination.js';
import { hasAnyRole, staffRoles } from '../../platform/current-user.js';
import { field, formErrors } from '../../platform/forms.js';
import { loadLocalAreas } from '../local-areas/repository.js';
import { organisationValues, readOrganisationForm, type OrganisationValues } from '../organisations/forms.js';
import { kindLabels, sizeLabels } from '../organisations/labels.js';
import { findOrganisation, type Organisation } from '../organisations/repository.js';
import { profileItems, valuesOf } from '../organisations/routes.js';
import { updateOrganisation } from '../organisations/save-organisation.js';
import { cpvDivisionCodes, cpvDivisions } from '../requirements/categories.js';
import { inviteSupplier } from '../tenders/invite-supplier.js';
import { directoryFlags, filterQuery, readDirectoryFilter, type DirectoryFilter } from './filters.js';
import { directoryDistricts, directoryEntry, draftTendersFor, searchDirectory } from './repository.js';
import { recordInPath } from '../../platform/route-params.js';
import { flashMessages } from '../../platform/flash.js';

const PAGE_SIZE = 25;
const staff = { access: staffRoles };
const inviters = { access: ['officer', 'admin'] } as const;
/** Suppliers and community organisations keep their own profile. */
const profileKeepers = { access: ['supplier', 'community'] } as const;

const flagLabels: Record<(typeof directoryFlags)[number], string> = {
  sme: 'Small or medium-sized (SME)',
  vcse: 'Voluntary, community or social enterprise (VCSE)',
  social_enterprise: 'Social enterprise',
  local: 'Local',
  open_to_partnering: 'Open to partnering',
};

/** What an organisation is, in a few words, for the results and its page. */
export function facts(o: Pick<Organisation, 'size' | 'isVcse' | 'isSocialEnterprise' | 'isLocal' | 'district' | 'openToPartnering'>): string[] {
  return [
    o.size ? sizeLabels[o.size] : 'Size not known',
    ...(o.isVcse ? ['VCSE'] : []),
    ...(o.isSocialEnterprise ? ['Social enterprise'] : []),
    o.isLocal ? `Local${o.district ? ` (${o.district})` : ''}` : 'Not local',
    ...(o.openToPartnering ? ['Open to partnering'] : []),
  ];
}

const flash = flashMessages({
  invited: 'Invited to the tender. They are sent an email when the tender is published.',
  already: 'Already invited to that tender: nothing has changed.',
  saved: 'Your profile has been saved',
});

/** The supplier directory: officers find organisations for a tender and invite them; suppliers keep their profile. */
export async function directoryRoutes(app: FastifyInstance, { database }: Services): Promise<void> {
  const { db } = database;

  app.get('/directory', { config: staff }, async (request, reply) => {
    const districts = await directoryDistricts(db);
    const reading = readDirectoryFilter(request.query, districts);
    const filter: DirectoryFilter = reading.filter;
    const page = pageFrom(field(request.query, 'page'), PAGE_SIZE);
    const { rows, total } = await searchDirectory(db, filter, page);
    const query = filterQuery(filter);
    const hrefFor = (n: number) => `/directory?${new URLSearchParams([...query, ['page', String(n)]]).toString()}`;
    return reply.code(reading.ok ? 200 : 400).page('directory/views/search.njk', {
      pageTitle: 'Supplier directory',
      filter,
      results: rows.map((r) => ({ ...r, kindLabel: kindLabels[r.kind], facts: facts(r), categoryNames: r.categories.map((c) => cpvDivisions[c] ?? c) })),
      total,
      first: page.offset + 1,
      last: page.offset + rows.length,
      pagination: paginationLinks(page, total, hrefFor),
      sizeItems: organisationSizes.map((s) => ({ value: s, text: sizeLabels[s], checked: filter.sizes.includes(s) })),
      flagItems: directoryFlags.map((f) => ({ value: f, text: flagLabels[f], checked: filter.flags.includes(f) })),
      categoryItems: [
        { value: '', text: 'Any category' },
        ...cpvDivisionCodes.map((c) => ({ value: c, text: `${c} ${cpvDivisions[c]}`, selected: filter.category === c })),
      ],
      districtItems: [{ value: '', text: 'Any district' }, ...districts.map((d) => ({ value: d, text: d, selected: filter.district === d }))],
      ...(reading.ok ? {} : formErrors(reading.problems)),
    });
  });

  async function entryPage(reply: FastifyReply, organisation: Organisation, canInvite: boolean, flash?: string, problems: [string, string][] = []) {
    const tenders = canInvite && organisation.kind === 'supplier' ? await draftTendersFor(db, organisation.id) : [];
    return reply.code(problems.length ? 400 : 200).page('directory/views/entry.njk', {
      pageTitle: organisation.name,
      backLink: { href: '/directory', text: 'Supplier directory' },
      organisation,
      kindLabel: kindLabels[organisation.kind],
      facts: facts(organisation),
      sizeLabel: organisation.size ? sizeLabels[organisation.size] : 'Not known',
      categoryNames: organisation.categories.map((c) => `${c} ${cpvDivisions[c] ?? ''}`),
      canInvite: canInvite && organisation.kind === 'supplier',
      tenderItems: tenders.filter((t) => !t.invited).map((t) => ({ value: t.id, text: `Tender ${t.number}: ${t.title}` })),
      invitedTo: tenders.filter((t) => t.invited),
      flash,
      ...formErrors(problems),
    });
  }

  app.get('/directory/:id', { config: staff }, async (request, reply) => {
    const organisation = await recordInPath(request, reply, 'id', (id) => directoryEntry(db, id));
    if (!organisation) return reply;
    return entryPage(reply, organisation, hasAnyRole(request.user, inviters.access), flash.of(request));
  });

  app.post('/directory/:id/invite', { config: inviters }, async (request, reply) => {
    const organisation = await recordInPath(request, reply, 'id', async (id) => {
      const entry = await directoryEntry(db, id);
      return entry?.kind === 'supplier' ? entry : null;
    });
    if (!organisation) return reply;
    const tenderId = field(request.body, 'tender');
    const open = await draftTendersFor(db, organisation.id);
    if (!open.some((t) => t.id === tenderId)) {
      return entryPage(reply, organisation, true, undefined, [['tender', 'Select the tender to invite them to']]);
    }
    const result = await inviteSupplier(db, request.actor, tenderId, organisation);
    if (result.status === 'missing') return reply.callNotFound();
    if (result.status === 'frozen') {
      return entryPage(reply, organisation, true, undefined, [['tender', 'Select a tender that is still being set up: that one has been published']]);
    }
    return reply.redirect(flash.path(`/directory/${organisation.id}`, result.value ? 'invited' : 'already'), 303);
  });

  async function profileForm(reply: FastifyReply, organisation: Organisation, values: OrganisationValues, flash?: string, problems: [string, string][] = []) {
    return reply.code(problems.length ? 400 : 200).page('directory/views/profile.njk', {
      pageTitle: 'Your organisation’s profile',
      organisation,
      values,
      ...profileItems(values),
      flash,
      ...formErrors(problems),
    });
  }

  async function ownOrganisation(organisationId: string | null | undefined) {
    return organisationId ? findOrganisation(db, organisationId) : null;
  }

  app.get('/directory/profile', { config: profileKeepers }, async (request, reply) => {
    const organisation = await ownOrganisation(request.user?.organisationId);
    if (!organisation) return reply.callNotFound();
    return profileForm(reply, organisation, valuesOf(organisation), flash.of(request));
  });

  app.post('/directory/profile', { config: profileKeepers }, async (request, reply) => {
    const organisation = await ownOrganisation(request.user?.organisationId);
    if (!organisation) return reply.callNotFound();
    // The type of organisation decides its people's roles: only an administrator changes it.
    const values = { ...organisationValues(request.body), kind: organisation.kind };
    const form = readOrganisationForm(values, await loadLocalAreas(db));
    if (!form.ok) return profileForm(reply, organisation, values, undefined, form.problems);
    const result = await updateOrganisation(db, request.actor, organisation.id, form.input);
    if (!result.ok) return profileForm(reply, organisation, values, undefined, 'problem' in result ? [result.problem] : []);
    return reply.redirect(flash.path('/directory/profile', 'saved'), 303);
  });
}
