/** Where an account stands: in use, waiting for its invitation to be accepted, or switched off by an admin. */
export const userStatuses = ['active', 'invited', 'deactivated'] as const;
export type UserStatus = (typeof userStatuses)[number];

export const statusLabels: Record<UserStatus, string> = {
  active: 'Active',
  invited: 'Invited',
  deactivated: 'Deactivated',
};

/** `canSignIn`: the person has set a password or signed in with the council's single sign-on. */
export function userStatus(user: { active: boolean; canSignIn: boolean }): UserStatus {
  if (!user.active) return 'deactivated';
  return user.canSignIn ? 'active' : 'invited';
}
