import { PASSWORD_MIN_LENGTH } from '../../platform/password.js';

export const PASSWORD_MAX_LENGTH = 1000;

/** Checks a new password and its confirmation; returns [field, message] pairs for what is wrong. */
export function newPasswordProblems(password: string, confirmation: string): [string, string][] {
  const problems: [string, string][] = [];
  const length = [...password].length;
  if (!password) problems.push(['password', 'Enter a password']);
  else if (length < PASSWORD_MIN_LENGTH) problems.push(['password', `Enter a password that is ${PASSWORD_MIN_LENGTH} characters or more`]);
  else if (length > PASSWORD_MAX_LENGTH) problems.push(['password', 'Enter a password of 1,000 characters or fewer']);
  if (!confirmation) problems.push(['confirmPassword', 'Enter your password again']);
  else if (password && confirmation !== password) problems.push(['confirmPassword', 'Enter the same password in both boxes']);
  return problems;
}
