import { describe, expect, it } from 'vitest';
import { buildMatcher } from './matcher.js';
import { isRedactedName, matchingName, numbersFromIdentifier, supplierKey } from './names.js';

describe('supplier names', () => {
  it.each([
    ['The Acme Company (UK) Ltd.', 'acme uk'],
    ['ACME LIMITED', 'acme'],
    ['Smith & Sons PLC', 'smith and sons'],
    ['Soar Valley Community Enterprise CIC', 'soar valley community enterprise'],
    ['The Company Ltd', 'the company ltd'],
  ])('matches %j as %j', (name, expected) => expect(matchingName(name)).toBe(expected));

  it('keys a name ignoring case and spacing only', () => {
    expect(supplierKey('  ACME   Ltd ')).toBe('acme ltd');
  });

  it.each(['Redacted', 'REDACTED PERSONAL DATA', 'Redacted Data', 'withheld', ''])('takes %j as redacted', (name) => expect(isRedactedName(name)).toBe(true));
  it.each(['Redactable Ltd', 'D HIRST', 'Personal Budgets'])('does not take %j as redacted', (name) => expect(isRedactedName(name)).toBe(false));

  it('reads registration numbers from 360Giving identifiers', () => {
    expect(numbersFromIdentifier('GB-CHC-1146179')).toEqual({ companyNumber: null, charityNumber: '1146179' });
    expect(numbersFromIdentifier('GB-COH-7962245')).toEqual({ companyNumber: '07962245', charityNumber: null });
    expect(numbersFromIdentifier('GB-SC-SC012345')).toEqual({ companyNumber: null, charityNumber: 'SC012345' });
    expect(numbersFromIdentifier('360G-trafford-be_active')).toEqual({ companyNumber: null, charityNumber: null });
  });
});

describe('matching suppliers to the directory', () => {
  const matcher = buildMatcher([
    { id: 'acme', name: 'Acme Limited', companiesHouseNumber: '01234567', charityNumber: null },
    { id: 'larder', name: 'Melton Community Larder', companiesHouseNumber: null, charityNumber: '1187654' },
    { id: 'bridge', name: 'Wigston Bridge Builders Ltd', companiesHouseNumber: null, charityNumber: null },
  ]);

  it('matches by company number, then charity number, whatever the name', () => {
    expect(matcher.match({ name: 'Something Else', companyNumber: '01234567', charityNumber: null })).toMatchObject({
      organisationId: 'acme',
      matchedBy: 'company number',
    });
    expect(matcher.match({ name: 'MCL', companyNumber: null, charityNumber: '1187654' })).toMatchObject({
      organisationId: 'larder',
      matchedBy: 'charity number',
    });
  });

  it('matches by name without Ltd, punctuation or case, unless the numbers disagree', () => {
    expect(matcher.match({ name: 'ACME LTD.', companyNumber: null, charityNumber: null })).toMatchObject({
      status: 'matched',
      organisationId: 'acme',
      matchedBy: 'name',
    });
    expect(matcher.match({ name: 'ACME LTD', companyNumber: '07654321', charityNumber: null }).status).not.toBe('matched');
  });

  it('puts a similar name to review, and leaves a different one unmatched', () => {
    expect(matcher.match({ name: 'Wigston Bridge Builder Ltd', companyNumber: null, charityNumber: null })).toMatchObject({
      status: 'review',
      candidateId: 'bridge',
    });
    expect(matcher.match({ name: 'Harrogate Hire Ltd', companyNumber: null, charityNumber: null })).toEqual({ status: 'unmatched' });
  });
});
