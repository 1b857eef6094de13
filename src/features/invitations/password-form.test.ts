import { describe, expect, it } from 'vitest';
import { newPasswordProblems } from './password-form.js';

describe('new password', () => {
  it('accepts a password of 12 characters or more typed twice', () => {
    expect(newPasswordProblems('correct horse', 'correct horse')).toEqual([]);
    expect(newPasswordProblems('x'.repeat(12), 'x'.repeat(12))).toEqual([]);
  });

  it('asks for both boxes', () => {
    expect(newPasswordProblems('', '')).toEqual([
      ['password', 'Enter a password'],
      ['confirmPassword', 'Enter your password again'],
    ]);
  });

  it('refuses a password shorter than 12 characters, counting characters rather than bytes', () => {
    expect(newPasswordProblems('x'.repeat(11), 'x'.repeat(11))).toEqual([['password', 'Enter a password that is 12 characters or more']]);
    expect(newPasswordProblems('🔑'.repeat(11), '🔑'.repeat(11))).toEqual([['password', 'Enter a password that is 12 characters or more']]);
  });

  it('refuses a very long password', () => {
    const long = 'x'.repeat(1001);
    expect(newPasswordProblems(long, long)).toEqual([['password', 'Enter a password of 1,000 characters or fewer']]);
  });

  it('says when the two boxes differ', () => {
    expect(newPasswordProblems('correct horse', 'correct horse!')).toEqual([['confirmPassword', 'Enter the same password in both boxes']]);
  });
});
