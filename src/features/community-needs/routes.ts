import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Services } from '../../services.js';
import { todayIso } from '../../domain/dates.js';
import { quantityToDecimal } from '../../domain/quantity.js';
import { dateInputValues } from '../../platform/date-input.js';
import { flashMessages } from '../../platform/flash.js';
import { refusedPage } from '../../platform/shared-pages.js';
import { communityPeople, ownNeedInPath, ownOrganisation, pledgeToOwnNeedInPath } from './access.js';
import { confirmPledge } from './confirm-pledge.js';
import { emptyNeed, MET_ON, NEEDED_BY, readConfirmation, readNeed, type ConfirmationValues, type NeedValues } from './forms.js';
import { approvalLabels, approvalTags, communityTypeLabels } from './labels.js';
import { needView, pledgeView } from './presenters.js';
import { needsOfOrganisation, pledgesOfNeed, pledgesToConfirm, type NeedRecord, type PledgeRecord } from './repository.js';
import { districtItems, needChoices, needTypeItems, pageErrors, selectItems } from './route-support.js';
import { changeNeed, postNeed, setNeedStatus } from './save-need.js';

const flash = flashMessages({
  posted: 'Need posted. Suppliers can now see it on the needs board and pledge to meet it.',
  changed: 'Need changed.',
  closed: 'Need closed. It is no longer on the needs board.',
  reopened: 'Need reopened. It is back on the needs board.',
  registered: 'Thank you for registering. An officer of the council will check your registration, and we will email you the decision.',
  confirmed: 'Thank you. The pledge is confirmed as met, and goes to the council with the supplier’s next delivery report.',
  'too-late':
    'The pledge is confirmed as met. It came after the contract’s last delivery report was handed in, so it cannot be counted in a report. The supplier and the council have been told.',
  'already-decided': 'This pledge was already confirmed or withdrawn.',
});

/** A community organisation's own pages: its registration's status, its needs, and the pledges to confirm. */
export async function communityNeedRoutes(app: FastifyInstance, services: Services): Promise<void> {
  const { db } = services.database;
  const config = { access: communityPeople };

  /** The person's organisation when it is approved; otherwise the status page is sent and null returned. */
  async function approved(request: FastifyRequest, reply: FastifyReply) {
    const organisation = await ownOrganisation(db, request);
    if (organisation?.approvalStatus === 'approved') return organisation;
    const why =
      organisation?.approvalStatus === 'declined'
        ? [
            `The council declined the registration of ${organisation.name}.`,
            ...(organisation.approvalReason ? [`The reason given: ${organisation.approvalReason}`] : []),
          ]
        : organisation
          ? [
              `The council has not yet approved the registration of ${organisation.name}. You can post needs and confirm pledges once an officer has approved it.`,
            ]
          : ['Only approved community organisations can post needs and confirm pledges.'];
    await refusedPage(
      reply,
      { heading: 'Your organisation cannot post needs yet', paragraphs: why, link: { href: '/community', text: 'Go to your organisation’s page' } },
      403,
    );
    return null;
  }

  app.get('/community', { config }, async (request, reply) => {
    const organisation = await ownOrganisation(db, request);
    if (!organisation) return reply.callNotFound();
    const approvedNow = organisation.approvalStatus === 'approved';
    const [{ outcomeTitles }, needs, toConfirm] = await Promise.all([
      needChoices(db),
      approvedNow ? needsOfOrganisation(db, organisation.id) : Promise.resolve([]),
      approvedNow ? pledgesToConfirm(db, organisation.id) : Promise.resolve([]),
    ]);
    return reply.page('community-needs/views/community-home.njk', {
      pageTitle: 'Your needs',
      organisation: {
        ...organisation,
        statusLabel: approvalLabels[organisation.approvalStatus],
        statusTag: approvalTags[organisation.approvalStatus],
        typeLabel: organisation.communityType ? communityTypeLabels[organisation.communityType] : 'Community organisation',
      },
      approved: approvedNow,
      needs: needs.map((n) => needView(n, outcomeTitles, { showContact: true })),
      toConfirm: toConfirm.map(pledgeView),
      flash: flash.of(request),
    });
  });

  async function needForm(reply: FastifyReply, form: { need: NeedRecord | null; values: NeedValues; errors?: object }) {
    const { outcomeList } = await needChoices(db);
    const { need, values } = form;
    return reply.page('community-needs/views/need-form.njk', {
      pageTitle: need ? `Change the need: ${need.title}` : 'Post a need',
      backLink: { href: need ? `/community/needs/${need.id}` : '/community' },
      need,
      action: need ? `/community/needs/${need.id}/edit` : '/community/needs',
      values,
      typeItems: needTypeItems.map((t) => ({ ...t, checked: t.value === values.needType })),
      districtItems: selectItems('Choose a district', districtItems, values.district),
      outcomeItems: outcomeList.map((o) => ({ value: o.code, text: o.title, checked: o.code === values.outcome })),
      ...form.errors,
    });
  }

  app.get('/community/needs/new', { config }, async (request, reply) => {
    if (!(await approved(request, reply))) return reply;
    return needForm(reply, { need: null, values: emptyNeed({ name: request.user!.name, email: request.user!.email }) });
  });

  app.post('/community/needs', { config }, async (request, reply) => {
    const organisation = await approved(request, reply);
    if (!organisation) return reply;
    const { outcomes } = await needChoices(db);
    const reading = readNeed(request.body, { outcomes }, todayIso(), { isNew: true });
    if (!reading.ok) {
      return needForm(reply.code(400), {
        need: null,
        values: reading.values,
        errors: pageErrors(reading.problems, { input: NEEDED_BY, parts: reading.dateParts }),
      });
    }
    const id = await postNeed(db, request.actor, request.user!.id, organisation.id, reading.input);
    return reply.redirect(flash.path(`/community/needs/${id}`, 'posted'), 303);
  });

  app.get('/community/needs/:id', { config }, async (request, reply) => {
    const need = await ownNeedInPath(db, request, reply);
    if (!need) return reply;
    const [{ outcomeTitles }, pledges] = await Promise.all([needChoices(db), pledgesOfNeed(db, need.id)]);
    return reply.page('community-needs/views/own-need.njk', {
      pageTitle: need.title,
      backLink: { href: '/community' },
      need: needView(need, outcomeTitles, { showContact: true }),
      pledges: pledges.map(pledgeView),
      flash: flash.of(request),
    });
  });

  const valuesOf = (need: NeedRecord): NeedValues => ({
    title: need.title,
    needType: need.needType,
    description: need.description,
    district: need.district,
    postcode: need.postcode ?? '',
    outcome: need.outcomeCode,
    neededBy: dateInputValues(need.neededBy),
    howUsed: need.howUsed,
    contactName: need.contactName,
    contactEmail: need.contactEmail,
    contactPhone: need.contactPhone,
    publishContact: need.publishContact ? ['yes'] : [],
  });

  app.get('/community/needs/:id/edit', { config }, async (request, reply) => {
    const need = await ownNeedInPath(db, request, reply);
    if (!need) return reply;
    if (need.status !== 'open') return reply.redirect(`/community/needs/${need.id}`, 303);
    return needForm(reply, { need, values: valuesOf(need) });
  });

  app.post('/community/needs/:id/edit', { config }, async (request, reply) => {
    const need = await ownNeedInPath(db, request, reply);
    if (!need) return reply;
    if (!(await approved(request, reply))) return reply;
    const { outcomes } = await needChoices(db);
    const reading = readNeed(request.body, { outcomes }, todayIso(), { isNew: false });
    if (!reading.ok) {
      return needForm(reply.code(400), { need, values: reading.values, errors: pageErrors(reading.problems, { input: NEEDED_BY, parts: reading.dateParts }) });
    }
    const changed = await changeNeed(db, request.actor, need, reading.input);
    return reply.redirect(changed ? flash.path(`/community/needs/${need.id}`, 'changed') : `/community/needs/${need.id}`, 303);
  });

  for (const [path, status, done] of [
    ['close', 'closed', 'closed'],
    ['reopen', 'open', 'reopened'],
  ] as const) {
    app.post(`/community/needs/:id/${path}`, { config }, async (request, reply) => {
      const need = await ownNeedInPath(db, request, reply);
      if (!need) return reply;
      if (!(await approved(request, reply))) return reply;
      if (need.status !== status) await setNeedStatus(db, request.actor, need, status);
      return reply.redirect(flash.path(`/community/needs/${need.id}`, done), 303);
    });
  }

  async function confirmForm(reply: FastifyReply, pledge: PledgeRecord, values: ConfirmationValues, errors?: object) {
    return reply.page('community-needs/views/confirm.njk', {
      pageTitle: `Confirm the pledge of ${pledge.supplierName} was met`,
      backLink: { href: `/community/needs/${pledge.needId}` },
      pledge: pledgeView(pledge),
      values,
      ...errors,
    });
  }

  app.get('/community/pledges/:id/confirm', { config }, async (request, reply) => {
    const pledge = await pledgeToOwnNeedInPath(db, request, reply);
    if (!pledge) return reply;
    if (pledge.status !== 'pledged') return reply.redirect(flash.path(`/community/needs/${pledge.needId}`, 'already-decided'), 303);
    return confirmForm(reply, pledge, { quantity: quantityToDecimal(pledge.quantityHundredths), delivered: '', metOn: { day: '', month: '', year: '' } });
  });

  app.post('/community/pledges/:id/confirm', { config }, async (request, reply) => {
    const pledge = await pledgeToOwnNeedInPath(db, request, reply);
    if (!pledge) return reply;
    if (!(await approved(request, reply))) return reply;
    const reading = readConfirmation(request.body, todayIso());
    if (!reading.ok) return confirmForm(reply.code(400), pledge, reading.values, pageErrors(reading.problems, { input: MET_ON, parts: reading.dateParts }));
    const outcome = await confirmPledge(db, request.actor, pledge, reading.input, services.config.baseUrl);
    return reply.redirect(flash.path(`/community/needs/${pledge.needId}`, outcome), 303);
  });
}
