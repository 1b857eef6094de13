import type { OrganisationKind, Role } from '../db/schema/index.js';

export interface CurrentUser {
  id: string;
  email: string;
  name: string;
  roles: Role[];
  organisationId: string;
  organisationName: string;
  organisationKind: OrganisationKind;
}

export const staffRoles = ['admin', 'officer', 'evaluator', 'contract_manager', 'viewer'] as const satisfies readonly Role[];

export function hasAnyRole(user: CurrentUser | null, allowed: readonly Role[]): boolean {
  return !!user && user.roles.some((role) => allowed.includes(role));
}
