import type { OrganisationKind, organisationSizes } from '../../db/schema/index.js';

export const kindLabels: Record<OrganisationKind, string> = {
  council: 'Council',
  supplier: 'Supplier',
  community: 'Community organisation',
  partner: 'Partner',
};

/** For headings and sentences about several organisations of one kind. */
export const kindPlurals: Record<OrganisationKind, string> = {
  council: 'Councils',
  supplier: 'Suppliers',
  community: 'Community organisations',
  partner: 'Partners',
};

export const kindHints: Record<OrganisationKind, string> = {
  council: 'The council itself. Its people can be administrators, officers, evaluators, contract managers or viewers',
  supplier: 'A business or charity that bids for or delivers contracts',
  community: 'A voluntary or community group that posts its needs',
  partner: 'A public body or other partner whose people can view the data',
};

export type OrganisationSize = (typeof organisationSizes)[number];

export const sizeLabels: Record<OrganisationSize, string> = {
  micro: 'Micro',
  small: 'Small',
  medium: 'Medium',
  large: 'Large',
};

export const sizeHints: Record<OrganisationSize, string> = {
  micro: 'Fewer than 10 employees',
  small: '10 to 49 employees',
  medium: '50 to 249 employees',
  large: '250 employees or more',
};
