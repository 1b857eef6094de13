import { communityTypes, needTypes, type CommunityType, type NeedType } from '../../db/schema/index.js';
import { NAME_MAX, REASON_MAX } from '../../domain/limits.js';
import { normaliseCharityNumber } from '../../domain/organisation-numbers.js';
import { parsePostcode } from '../../domain/postcodes.js';
import { parseQuantity } from '../../domain/quantity.js';
import { normaliseText } from '../../domain/text.js';
import { readDateInput, wholeDateProblem, type DateValues, type DatePart } from '../../platform/date-input.js';
import { EMAIL, field, fieldList } from '../../platform/forms.js';
import { newPasswordProblems } from '../invitations/password-form.js';
import { districtChoices } from '../organisations/postcode-districts.js';

export const TITLE_MAX = 150;
export const TEXT_MAX = 2_000;

const text = (body: unknown, name: string) => normaliseText(field(body, name));
const tooLong = (value: string, max: number) => [...value].length > max;

export type Reading<V, I> = { ok: true; values: V; input: I } | { ok: false; values: V; problems: [string, string][]; dateParts?: DatePart[] };

// ---- registration ---------------------------------------------------------------------------------------------

export interface RegistrationValues {
  organisationName: string;
  communityType: string;
  charityNumber: string;
  postcode: string;
  description: string;
  name: string;
  email: string;
}

export interface RegistrationInput {
  organisationName: string;
  communityType: CommunityType;
  charityNumber: string | null;
  postcode: string;
  description: string | null;
  name: string;
  email: string;
  password: string;
}

export const emptyRegistration: RegistrationValues = {
  organisationName: '',
  communityType: '',
  charityNumber: '',
  postcode: '',
  description: '',
  name: '',
  email: '',
};

/** Reads the public registration form; the password is read but never kept in the values shown again. */
export function readRegistration(body: unknown): Reading<RegistrationValues, RegistrationInput> {
  const values: RegistrationValues = {
    organisationName: text(body, 'organisationName'),
    communityType: field(body, 'communityType'),
    charityNumber: field(body, 'charityNumber').trim(),
    postcode: field(body, 'postcode').trim(),
    description: text(body, 'description'),
    name: text(body, 'name'),
    email: field(body, 'email').trim(),
  };
  const problems: [string, string][] = [];
  if (!values.organisationName) problems.push(['organisationName', 'Enter the name of your organisation']);
  else if (tooLong(values.organisationName, NAME_MAX)) problems.push(['organisationName', `Enter a name of ${NAME_MAX} characters or fewer`]);
  const communityType = communityTypes.find((t) => t === values.communityType);
  if (!communityType) problems.push(['communityType', 'Select the type of organisation']);
  const charityNumber = values.charityNumber ? normaliseCharityNumber(values.charityNumber) : null;
  if (values.charityNumber && !charityNumber) problems.push(['charityNumber', 'Enter a charity number in the correct format, like 1187654 or SC012345']);
  const postcode = values.postcode ? parsePostcode(values.postcode) : null;
  if (!values.postcode) problems.push(['postcode', 'Enter the postcode of your organisation']);
  else if (!postcode) problems.push(['postcode', 'Enter a full UK postcode, like LE13 1AB']);
  if (tooLong(values.description, TEXT_MAX))
    problems.push(['description', `Describe your organisation in ${TEXT_MAX.toLocaleString('en-GB')} characters or fewer`]);
  if (!values.name) problems.push(['name', 'Enter your full name']);
  else if (tooLong(values.name, NAME_MAX)) problems.push(['name', `Enter a name of ${NAME_MAX} characters or fewer`]);
  if (!values.email) problems.push(['email', 'Enter your email address']);
  else if (!EMAIL.test(values.email) || values.email.length > 254)
    problems.push(['email', 'Enter an email address in the correct format, like name@example.com']);
  const password = field(body, 'password');
  problems.push(...newPasswordProblems(password, field(body, 'confirmPassword')));
  if (problems.length || !communityType || !postcode) return { ok: false, values, problems };
  return {
    ok: true,
    values,
    input: {
      organisationName: values.organisationName,
      communityType,
      charityNumber,
      postcode: postcode.postcode,
      description: values.description || null,
      name: values.name,
      email: values.email,
      password,
    },
  };
}

/** An officer's decision on a registration: approve, or decline with a reason the organisation will read. */
export function readDecision(body: unknown): Reading<{ decision: string; reason: string }, { approve: boolean; reason: string | null }> {
  const values = { decision: field(body, 'decision'), reason: text(body, 'reason') };
  const problems: [string, string][] = [];
  if (values.decision !== 'approve' && values.decision !== 'decline') problems.push(['decision', 'Select whether to approve or decline the registration']);
  else if (values.decision === 'decline' && !values.reason) problems.push(['reason', 'Enter why the registration is declined: the organisation will see it']);
  if (tooLong(values.reason, REASON_MAX)) problems.push(['reason', `Enter a reason of ${REASON_MAX.toLocaleString('en-GB')} characters or fewer`]);
  if (problems.length) return { ok: false, values, problems };
  return { ok: true, values, input: { approve: values.decision === 'approve', reason: values.reason || null } };
}

// ---- needs ----------------------------------------------------------------------------------------------------

export interface NeedValues {
  title: string;
  needType: string;
  description: string;
  district: string;
  postcode: string;
  outcome: string;
  neededBy: DateValues;
  howUsed: string;
  contactName: string;
  contactEmail: string;
  contactPhone: string;
  publishContact: string[];
}

export interface NeedInput {
  title: string;
  needType: NeedType;
  description: string;
  district: string;
  postcode: string | null;
  outcomeCode: string;
  neededBy: string;
  howUsed: string;
  contactName: string;
  contactEmail: string;
  contactPhone: string;
  publishContact: boolean;
}

export const NEEDED_BY = { id: 'neededBy', label: 'The date it is needed by', missing: 'Enter the date it is needed by' };

export function emptyNeed(contact: { name: string; email: string }): NeedValues {
  return {
    title: '',
    needType: '',
    description: '',
    district: '',
    postcode: '',
    outcome: '',
    neededBy: { day: '', month: '', year: '' },
    howUsed: '',
    contactName: contact.name,
    contactEmail: contact.email,
    contactPhone: '',
    publishContact: [],
  };
}

const PHONE = /^\+?[0-9 ()-]{6,20}$/;

/** Reads a need. The district is one of the county's (or Countywide); the outcome one of the active framework's. */
export function readNeed(body: unknown, choices: { outcomes: readonly string[] }, today: string, options: { isNew: boolean }): Reading<NeedValues, NeedInput> {
  const date = readDateInput(body, NEEDED_BY);
  const values: NeedValues = {
    title: text(body, 'title'),
    needType: field(body, 'needType'),
    description: text(body, 'description'),
    district: field(body, 'district'),
    postcode: field(body, 'postcode').trim(),
    outcome: field(body, 'outcome'),
    neededBy: date.values,
    howUsed: text(body, 'howUsed'),
    contactName: text(body, 'contactName'),
    contactEmail: field(body, 'contactEmail').trim(),
    contactPhone: field(body, 'contactPhone').trim(),
    publishContact: fieldList(body, 'publishContact'),
  };
  const problems: [string, string][] = [];
  if (!values.title) problems.push(['title', 'Enter a short title for what you need']);
  else if (tooLong(values.title, TITLE_MAX)) problems.push(['title', `Enter a title of ${TITLE_MAX} characters or fewer`]);
  const needType = needTypes.find((t) => t === values.needType);
  if (!needType) problems.push(['needType', 'Select what kind of help you need']);
  if (!values.description) problems.push(['description', 'Describe what you need']);
  else if (tooLong(values.description, TEXT_MAX))
    problems.push(['description', `Describe what you need in ${TEXT_MAX.toLocaleString('en-GB')} characters or fewer`]);
  if (!districtChoices.includes(values.district)) problems.push(['district', 'Select the district where it is needed, or Countywide']);
  const postcode = values.postcode ? parsePostcode(values.postcode) : null;
  if (values.postcode && !postcode) problems.push(['postcode', 'Enter a full UK postcode, like LE13 1AB, or leave it blank']);
  if (!choices.outcomes.includes(values.outcome)) problems.push(['outcome', 'Select the strategic outcome the need serves']);
  let reading = date;
  if (date.iso && options.isNew && date.iso < today) reading = wholeDateProblem(date, 'The date it is needed by must be today or in the future');
  if (reading.problem) problems.push(['neededBy', reading.problem.message]);
  if (!values.howUsed) problems.push(['howUsed', 'Say how the help will be used']);
  else if (tooLong(values.howUsed, TEXT_MAX)) problems.push(['howUsed', `Say how it will be used in ${TEXT_MAX.toLocaleString('en-GB')} characters or fewer`]);
  if (tooLong(values.contactName, NAME_MAX)) problems.push(['contactName', `Enter a name of ${NAME_MAX} characters or fewer`]);
  if (values.contactEmail && (!EMAIL.test(values.contactEmail) || values.contactEmail.length > 254)) {
    problems.push(['contactEmail', 'Enter an email address in the correct format, like name@example.com']);
  }
  if (values.contactPhone && !PHONE.test(values.contactPhone)) problems.push(['contactPhone', 'Enter a telephone number, like 0116 305 0000']);
  const publish = values.publishContact.includes('yes');
  if (publish && !values.contactEmail && !values.contactPhone)
    problems.push(['contactEmail', 'Enter an email address or telephone number to publish, or untick publishing']);
  if (problems.length || !needType || !reading.iso) return { ok: false, values, problems, dateParts: reading.problem?.parts ?? [] };
  return {
    ok: true,
    values,
    input: {
      title: values.title,
      needType,
      description: values.description,
      district: values.district,
      postcode: postcode?.postcode ?? null,
      outcomeCode: values.outcome,
      neededBy: reading.iso,
      howUsed: values.howUsed,
      contactName: values.contactName,
      contactEmail: values.contactEmail,
      contactPhone: values.contactPhone,
      publishContact: publish,
    },
  };
}

// ---- pledges --------------------------------------------------------------------------------------------------

/** What a pledge counts towards, as the form's choice: "commitment:<id>" or "additional:<contract id>". */
export interface PledgeTarget {
  value: string;
  contractId: string;
  commitmentId: string | null;
  /** the commitment's measure; null for additional social value, whose measure is chosen */
  measureId: string | null;
  unit: string | null;
}

export interface PledgeValues {
  target: string;
  measure: string;
  quantity: string;
  offer: string;
}

export interface PledgeInput {
  target: PledgeTarget;
  measureId: string;
  quantityHundredths: number;
  offer: string;
}

export const emptyPledge: PledgeValues = { target: '', measure: '', quantity: '', offer: '' };

/**
 * Reads a pledge. `targets` are the supplier's own contracts' commitments and additional social value on each of its
 * contracts: anything else (another supplier's commitment) is refused as not one of the choices.
 */
export function readPledge(body: unknown, targets: readonly PledgeTarget[], measures: ReadonlyMap<string, string>): Reading<PledgeValues, PledgeInput> {
  const values: PledgeValues = {
    target: field(body, 'target'),
    measure: field(body, 'measure'),
    quantity: field(body, 'quantity').trim(),
    offer: text(body, 'offer'),
  };
  const problems: [string, string][] = [];
  const target = targets.find((t) => t.value === values.target);
  if (!values.target) problems.push(['target', 'Select the commitment of your contract the pledge counts towards, or additional social value']);
  else if (!target) problems.push(['target', 'Select one of your own contracts’ commitments, or additional social value on one of your contracts']);
  let measureId = target?.measureId ?? null;
  if (target && !target.commitmentId) {
    measureId = measures.has(values.measure) ? values.measure : null;
    if (!measureId) problems.push(['measure', 'Select the measure of the additional social value']);
  }
  const quantity = values.quantity ? parseQuantity(values.quantity) : null;
  if (!values.quantity) problems.push(['quantity', 'Enter how much you pledge, in the measure’s unit, like 12 or 12.5']);
  else if (quantity === null || quantity === 0) problems.push(['quantity', 'Enter how much you pledge as a number greater than 0, like 12 or 12.5']);
  if (!values.offer) problems.push(['offer', 'Describe what you will provide']);
  else if (tooLong(values.offer, TEXT_MAX))
    problems.push(['offer', `Describe what you will provide in ${TEXT_MAX.toLocaleString('en-GB')} characters or fewer`]);
  if (problems.length || !target || !measureId || !quantity) return { ok: false, values, problems };
  return { ok: true, values, input: { target, measureId, quantityHundredths: quantity, offer: values.offer } };
}

export const MET_ON = { id: 'metOn', label: 'The date it was met', missing: 'Enter the date the pledge was met' };

export interface ConfirmationValues {
  quantity: string;
  delivered: string;
  metOn: DateValues;
}

/** The organisation's confirmation that a pledge was met: how much, what was delivered, and when (not in the future). */
export function readConfirmation(body: unknown, today: string): Reading<ConfirmationValues, { quantityHundredths: number; delivered: string; metOn: string }> {
  const date = readDateInput(body, MET_ON);
  const values = { quantity: field(body, 'quantity').trim(), delivered: text(body, 'delivered'), metOn: date.values };
  const problems: [string, string][] = [];
  const quantity = values.quantity ? parseQuantity(values.quantity) : null;
  if (!values.quantity) problems.push(['quantity', 'Enter how much was delivered, like 12 or 12.5']);
  else if (quantity === null || quantity === 0) problems.push(['quantity', 'Enter how much was delivered as a number greater than 0, like 12 or 12.5']);
  if (!values.delivered) problems.push(['delivered', 'Describe what was delivered']);
  else if (tooLong(values.delivered, TEXT_MAX))
    problems.push(['delivered', `Describe what was delivered in ${TEXT_MAX.toLocaleString('en-GB')} characters or fewer`]);
  let reading = date;
  if (date.iso && date.iso > today) reading = wholeDateProblem(date, 'The date it was met must be today or in the past');
  if (reading.problem) problems.push(['metOn', reading.problem.message]);
  if (problems.length || !quantity || !reading.iso) return { ok: false, values, problems, dateParts: reading.problem?.parts ?? [] };
  return { ok: true, values, input: { quantityHundredths: quantity, delivered: values.delivered, metOn: reading.iso } };
}
