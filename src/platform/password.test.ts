import { scryptSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from './password.js';

describe('passwords', () => {
  it('verifies the right password and refuses a wrong one', async () => {
    const hash = await hashPassword('correct horse battery');
    expect(hash).toMatch(/^scrypt\$\d+\$8\$\d\$/);
    expect(await verifyPassword('correct horse battery', hash)).toBe(true);
    expect(await verifyPassword('correct horse batterY', hash)).toBe(false);
  });

  it('salts every hash', async () => {
    expect(await hashPassword('same password')).not.toBe(await hashPassword('same password'));
  });

  it('verifies a hash made with the production cost, using the parameters it records', async () => {
    const salt = Buffer.from('0123456789abcdef');
    const key = scryptSync('x'.normalize('NFKC'), salt, 32, { N: 2 ** 15, r: 8, p: 3, maxmem: 256 * 2 ** 15 * 8 });
    const production = ['scrypt', 32768, 8, 3, salt.toString('base64url'), key.toString('base64url')].join('$');
    expect(await verifyPassword('x', production)).toBe(true);
    expect(await verifyPassword('y', production)).toBe(false);
  });

  it('refuses a missing or malformed hash without throwing', async () => {
    expect(await verifyPassword('x', null)).toBe(false);
    expect(await verifyPassword('x', 'md5$abc')).toBe(false);
  });
});
