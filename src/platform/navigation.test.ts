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
