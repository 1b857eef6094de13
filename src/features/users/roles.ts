import { roles, type OrganisationKind, type Role } from '../../db/schema/index.js';
import { staffRoles } from '../../platform/current-user.js';

export const roleLabels: Record<Role, string> = {
  admin: 'Administrator',
  officer: 'Officer',
  evaluator: 'Evaluator',
  contract_manager: 'Contract manager',
  viewer: 'Viewer',
  supplier: 'Supplier',
  community: 'Community organisation',
};

export const roleHints: Record<Role, string> = {
  admin: 'Council staff. Manages users, organisations, the framework and thresholds',
  officer: 'Council staff. Plans requirements and runs procurements',
  evaluator: 'Council staff. Scores the bids they are given',
  contract_manager: 'Council staff. Checks and verifies what suppliers deliver',
  viewer: 'Council staff or partners. Sees the data but cannot change it',
  supplier: "People from suppliers. Their own organisation's bids, contracts and reports",
  community: "People from community organisations. Their own organisation's needs",
};

/** The roles that people from each kind of organisation may hold. */
export const rolesByKind: Record<OrganisationKind, readonly Role[]> = {
  council: staffRoles,
  supplier: ['supplier'],
  community: ['community'],
  partner: ['viewer'],
};

export function isRole(value: string): value is Role {
  return (roles as readonly string[]).includes(value);
}

const kindNames: Record<OrganisationKind, string> = {
  council: 'council staff',
  supplier: "a supplier's users",
  community: "a community organisation's users",
  partner: "a partner's users",
};

function listOf(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}

/**
 * Checks the roles chosen for someone in an organisation of the given kind. Returns the message for the
 * roles field, or null when the choice is allowed.
 */
export function rolesProblem(chosen: readonly string[], kind: OrganisationKind): string | null {
  if (chosen.length === 0) return 'Select at least one role';
  const allowed = rolesByKind[kind];
  if (chosen.every((role) => (allowed as readonly string[]).includes(role))) return null;
  const names = allowed.map((role) => roleLabels[role].toLowerCase());
  return allowed.length === 1
    ? `Select only the ${names[0]} role: it is the only role for ${kindNames[kind]}`
    : `Select roles for ${kindNames[kind]} only: ${listOf(names)}`;
}
