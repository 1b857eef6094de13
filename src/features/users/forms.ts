import { NAME_MAX } from '../../domain/limits.js';
import { EMAIL, field, fieldList, isUuid } from '../../platform/forms.js';
import { isRole } from './roles.js';
const EMAIL_MAX = 254;

export interface InviteValues {
  name: string;
  email: string;
  organisation: string;
  roles: string[];
}

export interface UserValues {
  name: string;
  roles: string[];
}

/** The order of the fields on the forms, which the error summary follows. */
const fieldOrder = ['name', 'email', 'organisation', 'roles'];

export function inOrder(problems: [string, string][]): [string, string][] {
  return [...problems].sort(([a], [b]) => fieldOrder.indexOf(a) - fieldOrder.indexOf(b));
}

export function inviteValues(body: unknown): InviteValues {
  return {
    name: field(body, 'name').trim(),
    email: field(body, 'email').trim(),
    organisation: field(body, 'organisation'),
    roles: fieldList(body, 'roles'),
  };
}

export function userValues(body: unknown): UserValues {
  return { name: field(body, 'name').trim(), roles: fieldList(body, 'roles') };
}

export function nameProblems(name: string): [string, string][] {
  if (!name) return [['name', 'Enter their full name']];
  if (name.length > NAME_MAX) return [['name', `Enter a name of ${NAME_MAX} characters or fewer`]];
  return [];
}

/** What can be checked without the database: the organisation's type and existing accounts are checked when saving. */
export function inviteProblems(values: InviteValues): [string, string][] {
  const problems = nameProblems(values.name);
  if (!values.email) problems.push(['email', 'Enter their email address']);
  else if (!EMAIL.test(values.email) || values.email.length > EMAIL_MAX) {
    problems.push(['email', 'Enter an email address in the correct format, like name@example.com']);
  }
  if (!isUuid(values.organisation)) problems.push(['organisation', 'Select their organisation']);
  if (values.roles.length === 0) problems.push(['roles', 'Select at least one role']);
  else if (values.roles.some((role) => !isRole(role))) problems.push(['roles', 'Select roles from the list']);
  return problems;
}
