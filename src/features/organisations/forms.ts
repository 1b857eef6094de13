import { organisationKinds, organisationSizes, type OrganisationKind } from '../../db/schema/index.js';
import { NAME_MAX } from '../../domain/limits.js';
import { normaliseCharityNumber, normaliseCompanyNumber } from '../../domain/organisation-numbers.js';
import { parsePostcode } from '../../domain/postcodes.js';
import { field, fieldList } from '../../platform/forms.js';
import type { OrganisationSize } from './labels.js';
import { cpvDivisionCodes } from '../requirements/categories.js';
import { localityOf } from './postcode-districts.js';

/** What was typed, kept as strings to show the form again. */
export interface OrganisationValues {
  name: string;
  kind: string;
  companiesHouseNumber: string;
  charityNumber: string;
  size: string;
  flags: string[];
  postcode: string;
  categories: string[];
  description: string;
}

/** A valid organisation, with its district and local flag worked out from the postcode. */
export interface OrganisationInput {
  name: string;
  kind: OrganisationKind;
  companiesHouseNumber: string | null;
  charityNumber: string | null;
  size: OrganisationSize | null;
  isVcse: boolean;
  isSocialEnterprise: boolean;
  postcode: string | null;
  district: string | null;
  isLocal: boolean;
  categories: string[];
  openToPartnering: boolean;
  description: string | null;
}

export type OrganisationForm = { ok: true; input: OrganisationInput } | { ok: false; problems: [string, string][] };

export const DESCRIPTION_MAX = 1000;

export function organisationValues(body: unknown): OrganisationValues {
  return {
    name: field(body, 'name').trim(),
    kind: field(body, 'kind'),
    companiesHouseNumber: field(body, 'companiesHouseNumber').trim(),
    charityNumber: field(body, 'charityNumber').trim(),
    size: field(body, 'size'),
    flags: fieldList(body, 'flags'),
    postcode: field(body, 'postcode').trim(),
    categories: fieldList(body, 'categories'),
    description: field(body, 'description').trim(),
  };
}

/**
 * Checks an organisation as typed. The district and local flag are worked out from the postcode with the areas that
 * count as local now (see features/local-areas).
 */
export function readOrganisationForm(values: OrganisationValues, localAreas: readonly { code: string; name: string }[]): OrganisationForm {
  const problems: [string, string][] = [];
  if (!values.name) problems.push(['name', "Enter the organisation's name"]);
  else if (values.name.length > NAME_MAX) problems.push(['name', `Enter a name of ${NAME_MAX} characters or fewer`]);

  const kind = organisationKinds.find((k) => k === values.kind);
  if (!kind) problems.push(['kind', 'Select the type of organisation']);

  const companiesHouseNumber = values.companiesHouseNumber ? normaliseCompanyNumber(values.companiesHouseNumber) : null;
  if (values.companiesHouseNumber && !companiesHouseNumber) {
    problems.push(['companiesHouseNumber', 'Enter a Companies House number in the correct format, like 01234567 or SC123456']);
  }
  const charityNumber = values.charityNumber ? normaliseCharityNumber(values.charityNumber) : null;
  if (values.charityNumber && !charityNumber) {
    problems.push(['charityNumber', 'Enter a charity number in the correct format, like 1187654 or SC012345']);
  }

  const size = organisationSizes.find((s) => s === values.size) ?? null;
  if (values.size && !size) problems.push(['size', 'Select the size of the organisation, or "Not known"']);

  const postcode = values.postcode ? parsePostcode(values.postcode) : null;
  if (values.postcode && !postcode) problems.push(['postcode', 'Enter a full UK postcode, like LE11 3AB']);

  const categories = cpvDivisionCodes.filter((code) => values.categories.includes(code));
  if (values.categories.some((code) => !cpvDivisionCodes.includes(code))) problems.push(['categories', 'Select categories of work from the list']);

  if (values.description.length > DESCRIPTION_MAX)
    problems.push(['description', `Enter a description of ${DESCRIPTION_MAX.toLocaleString('en-GB')} characters or fewer`]);

  if (problems.length || !kind) return { ok: false, problems };
  const locality = postcode ? localityOf(postcode, localAreas) : { district: null, isLocal: false };
  return {
    ok: true,
    input: {
      name: values.name,
      kind,
      companiesHouseNumber,
      charityNumber,
      size,
      isVcse: values.flags.includes('vcse'),
      isSocialEnterprise: values.flags.includes('social_enterprise'),
      postcode: postcode?.postcode ?? null,
      ...locality,
      categories,
      openToPartnering: values.flags.includes('open_to_partnering'),
      description: values.description || null,
    },
  };
}
