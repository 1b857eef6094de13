import { describe, expect, it } from 'vitest';
import { userStatus } from './status.js';

describe('user status', () => {
  it('is active once the person can sign in', () => {
    expect(userStatus({ active: true, canSignIn: true })).toBe('active');
  });
  it('is invited until the person has set a password', () => {
    expect(userStatus({ active: true, canSignIn: false })).toBe('invited');
  });
  it('is deactivated whatever else is true', () => {
    expect(userStatus({ active: false, canSignIn: true })).toBe('deactivated');
    expect(userStatus({ active: false, canSignIn: false })).toBe('deactivated');
  });
});
