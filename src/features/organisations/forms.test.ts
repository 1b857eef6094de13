import { describe, expect, it } from 'vitest';
import { defaultLocalAreas } from './postcode-districts.js';
import { normaliseCharityNumber, normaliseCompanyNumber } from '../../domain/organisation-numbers.js';
import { organisationValues, readOrganisationForm } from './forms.js';

const valid = { name: 'Loughborough Lunch Club', kind: 'community', companiesHouseNumber: '', charityNumber: '', size: 'micro', postcode: 'le11 3ab' };

describe('organisation form', () => {
  it('normalises the postcode and works out the district and local flag from it', () => {
    const form = readOrganisationForm(organisationValues({ ...valid, flags: ['vcse', 'social_enterprise'] }), defaultLocalAreas);
    expect(form).toEqual({
      ok: true,
      input: {
        name: 'Loughborough Lunch Club',
        kind: 'community',
        companiesHouseNumber: null,
        charityNumber: null,
        size: 'micro',
        isVcse: true,
        isSocialEnterprise: true,
        postcode: 'LE11 3AB',
        district: 'Charnwood',
        isLocal: true,
        categories: [],
        openToPartnering: false,
        description: null,
      },
    });
  });

  it('leaves the district empty and the organisation not local without a postcode', () => {
    const form = readOrganisationForm(organisationValues({ ...valid, postcode: '', size: '' }), defaultLocalAreas);
    expect(form.ok && form.input).toMatchObject({ postcode: null, district: null, isLocal: false, size: null, isVcse: false });
  });

  it('names every field that is wrong', () => {
    const form = readOrganisationForm(
      organisationValues({ name: ' ', kind: 'club', companiesHouseNumber: 'ABC', charityNumber: '12', size: 'huge', postcode: 'LE11' }),
      defaultLocalAreas,
    );
    expect(form).toEqual({
      ok: false,
      problems: [
        ['name', "Enter the organisation's name"],
        ['kind', 'Select the type of organisation'],
        ['companiesHouseNumber', 'Enter a Companies House number in the correct format, like 01234567 or SC123456'],
        ['charityNumber', 'Enter a charity number in the correct format, like 1187654 or SC012345'],
        ['size', 'Select the size of the organisation, or "Not known"'],
        ['postcode', 'Enter a full UK postcode, like LE11 3AB'],
      ],
    });
  });

  it('reads categories of work and the partnering flag, and refuses a category not in the list', () => {
    const form = readOrganisationForm(
      organisationValues({ ...valid, flags: ['open_to_partnering'], categories: ['85', '45'], description: 'Lunches' }),
      defaultLocalAreas,
    );
    expect(form.ok && form.input).toMatchObject({ categories: ['45', '85'], openToPartnering: true, isVcse: false, description: 'Lunches' });
    const bad = readOrganisationForm(organisationValues({ ...valid, categories: ['85', '99'] }), defaultLocalAreas);
    expect(bad).toEqual({ ok: false, problems: [['categories', 'Select categories of work from the list']] });
  });

  it('counts the postcode as local only in the areas counted as local', () => {
    const city = organisationValues({ ...valid, postcode: 'LE3 5AA' });
    expect(readOrganisationForm(city, defaultLocalAreas)).toMatchObject({ ok: true, input: { district: null, isLocal: false } });
    const withCity = [...defaultLocalAreas, { code: 'E06000016', name: 'Leicester' }];
    expect(readOrganisationForm(city, withCity)).toMatchObject({ ok: true, input: { district: 'Leicester', isLocal: true } });
    const countyOnly = readOrganisationForm(organisationValues(valid), [{ code: 'E07000133', name: 'Melton' }]);
    expect(countyOnly).toMatchObject({ ok: true, input: { district: null, isLocal: false } });
  });

  it('limits the length of the name', () => {
    const form = readOrganisationForm(organisationValues({ ...valid, name: 'x'.repeat(201) }), defaultLocalAreas);
    expect(form).toEqual({ ok: false, problems: [['name', 'Enter a name of 200 characters or fewer']] });
  });
});

describe('registration numbers', () => {
  it.each([
    ['09876543', '09876543'],
    ['9876543', '09876543'],
    ['sc123456', 'SC123456'],
    ['R0000123', 'R0000123'],
    ['OC 301234', 'OC301234'],
  ])('reads Companies House number %j as %s', (input, expected) => {
    expect(normaliseCompanyNumber(input)).toBe(expected);
  });
  it.each(['123456789', 'ABC12345', 'SC12345', 'SC1234567', '12-345'])('rejects Companies House number %j', (input) => {
    expect(normaliseCompanyNumber(input)).toBeNull();
  });
  it.each([
    ['1187654', '1187654'],
    ['220949', '220949'],
    ['1187654-1', '1187654-1'],
    ['sc012345', 'SC012345'],
    ['NIC100002', 'NIC100002'],
  ])('reads charity number %j as %s', (input, expected) => {
    expect(normaliseCharityNumber(input)).toBe(expected);
  });
  it.each(['12345', '12345678', 'SC1234', 'charity'])('rejects charity number %j', (input) => {
    expect(normaliseCharityNumber(input)).toBeNull();
  });
});
