import { describe, expect, it } from 'vitest';
import type { CurrentUser } from './current-user.js';
import { navigationFor } from './navigation.js';

const supplier: CurrentUser = {
  id: 'u',
  email: 'supplier@supplier.example',
  name: 'Supplier',
  roles: ['supplier'],
  organisationId: 'o',
  organisationName: 'Supplier Ltd',
  organisationKind: 'supplier',
};

const activeOn = (url: string) =>
  navigationFor(supplier, url)
    .filter((item) => item.active)
    .map((item) => item.text);

describe('navigationFor', () => {
  it('marks only the most specific section as current', () => {
    expect(activeOn('/supplier')).toEqual(['Your contracts']);
    expect(activeOn('/supplier/contracts/x/reports/y')).toEqual(['Your contracts']);
    expect(activeOn('/supplier/tenders/3')).toEqual(['Your tenders']);
    expect(activeOn('/')).toEqual(['Home']);
  });
});

describe('the Reports link', () => {
  const withRoles = (roles: CurrentUser['roles']): CurrentUser => ({ ...supplier, roles, organisationKind: 'council' });
  it('is shown to every council role, as the dashboard is, and not to suppliers or community organisations', () => {
    for (const role of ['admin', 'officer', 'evaluator', 'contract_manager', 'viewer'] as const) {
      expect(navigationFor(withRoles([role]), '/reports/annual/2026').find((i) => i.text === 'Reports')).toMatchObject({ href: '/reports', active: true });
    }
    expect(navigationFor(supplier, '/').some((i) => i.text === 'Reports')).toBe(false);
    expect(navigationFor({ ...supplier, roles: ['community'], organisationKind: 'community' }, '/').some((i) => i.text === 'Reports')).toBe(false);
  });
});
