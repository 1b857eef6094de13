import { describe, expect, it } from 'vitest';
import { COUNTYWIDE, districtNames } from '../organisations/postcode-districts.js';
import { districtsText, readCancelReason, readRequirement, valuesOf } from './forms.js';

const OWNER = '0b6c3f7e-2f6a-4a53-9d9c-0d1f1c3e5a11';
const choices = { directorates: ['Adults and Communities', 'Public Health'], ownerIds: [OWNER] };

const good = {
  title: '  Home care support  ',
  description: 'Care at home',
  directorate: 'Adults and Communities',
  category: '85000000',
  cpvCode: '',
  value: '£75,000',
  includesVat: 'no',
  'expectedStart-day': '1',
  'expectedStart-month': '9',
  'expectedStart-year': '2027',
  duration: '24',
  districts: ['Melton', 'Charnwood'],
  owner: OWNER,
};

/** The form as a browser sends it, with some fields changed. */
function form(changes: Record<string, string | string[]> = {}) {
  return { ...good, ...changes };
}

function problems(changes: Record<string, string | string[]>) {
  const reading = readRequirement(form(changes), choices);
  if (reading.ok) throw new Error('expected the form to be refused');
  return reading.errors.errors;
}

describe('the requirement form', () => {
  it('reads a complete form, with districts in the county’s order', () => {
    const reading = readRequirement(form(), choices);
    expect(reading.ok && reading.requirement).toEqual({
      title: 'Home care support',
      description: 'Care at home',
      directorate: 'Adults and Communities',
      cpvCode: '85000000',
      categoryLabel: 'Health and social work services',
      estimatedValuePence: 7_500_000,
      valueIncludesVat: false,
      expectedStart: '2027-09-01',
      durationMonths: 24,
      districts: ['Charnwood', 'Melton'],
      ownerId: OWNER,
    });
  });

  it('uses a typed CPV code instead of the category, labelled by its division', () => {
    const reading = readRequirement(form({ cpvCode: '85320000-8' }), choices);
    expect(reading.ok && [reading.requirement.cpvCode, reading.requirement.categoryLabel]).toEqual(['85320000-8', 'Health and social work services']);
  });

  it('saves Countywide as every district', () => {
    const reading = readRequirement(form({ districts: COUNTYWIDE }), choices);
    expect(reading.ok && reading.requirement.districts).toEqual(districtNames);
    expect(districtNames).toHaveLength(7);
  });

  it.each([
    [{ title: '' }, 'title', 'Enter a title'],
    [{ title: 'x'.repeat(201) }, 'title', 'Title must be 200 characters or fewer'],
    [{ description: 'x'.repeat(5001) }, 'description', 'Description must be 5,000 characters or fewer'],
    [{ directorate: 'Sales' }, 'directorate', 'Select the directorate'],
    [{ category: '' }, 'category', 'Select a category, or enter a CPV code'],
    [{ category: '85320000' }, 'category', 'Select a category from the list'],
    [{ cpvCode: '8500' }, 'cpvCode', 'Enter a CPV code in the correct format, like 85000000 or 85000000-9'],
    [{ cpvCode: '12345678' }, 'cpvCode', 'Enter a real CPV code: no CPV code starts with 12'],
    [{ value: '' }, 'value', 'Enter the estimated total value'],
    [{ value: 'fifty' }, 'value', 'Estimated total value must be an amount in pounds, like 75,000'],
    [{ value: '0' }, 'value', 'Estimated total value must be more than £0'],
    [{ value: '-5' }, 'value', 'Estimated total value must be more than £0'],
    [{ value: '10,000,000,000' }, 'value', 'Estimated total value must be less than £10,000,000,000'],
    [{ includesVat: '' }, 'includesVat', 'Select whether the estimated value includes VAT'],
    [{ 'expectedStart-day': '', 'expectedStart-month': '', 'expectedStart-year': '' }, 'expectedStart', 'Enter the expected start date'],
    [{ 'expectedStart-month': '' }, 'expectedStart', 'Expected start date must include a month'],
    [{ 'expectedStart-day': '31', 'expectedStart-month': '2' }, 'expectedStart', 'Expected start date must be a real date'],
    [{ duration: '' }, 'duration', 'Enter the duration in months'],
    [{ duration: '0' }, 'duration', 'Duration must be at least 1 month'],
    [{ duration: '1.5' }, 'duration', 'Duration must be a whole number of months, like 24'],
    [{ duration: '601' }, 'duration', 'Duration must be 600 months or fewer'],
    [{ districts: [] }, 'districts', 'Select where it will be delivered: Countywide, or one or more districts'],
    [{ districts: ['Rutland'] }, 'districts', 'Select districts from the list'],
    [{ districts: [COUNTYWIDE, 'Melton'] }, 'districts', 'Select Countywide or the districts where it will be delivered, not both'],
    [{ owner: '' }, 'owner', 'Select the owner'],
    [{ owner: '7d0d4b0e-6b8a-4a0e-9a55-6f1f6f6f6f6f' }, 'owner', 'Select the owner'],
  ])('refuses %j: %s', (changes, fieldName, message) => {
    expect(problems(changes)).toEqual({ [fieldName]: message });
  });

  it('keeps what was typed, and links the date error to the first part in error', () => {
    const reading = readRequirement(form({ value: 'fifty', 'expectedStart-month': '' }), choices);
    expect(reading.ok).toBe(false);
    if (reading.ok) return;
    expect(reading.values.value).toBe('fifty');
    expect(reading.values.title).toBe('Home care support');
    expect(reading.errors.dateErrorParts).toEqual(['month']);
    expect(reading.errors.errorList.map((e) => e.href)).toEqual(['#value', '#expectedStart-month']);
  });

  it('shows a saved requirement as it was entered', () => {
    const reading = readRequirement(form({ districts: COUNTYWIDE, cpvCode: '85320000-8', value: '1234.5' }), choices);
    if (!reading.ok) throw new Error('expected the form to be read');
    const values = valuesOf(reading.requirement);
    expect(values).toMatchObject({ category: '', cpvCode: '85320000-8', value: '1,234.50', day: '1', month: '9', year: '2027', districts: [COUNTYWIDE] });
    const again = readRequirement(
      { ...values, 'expectedStart-day': values.day, 'expectedStart-month': values.month, 'expectedStart-year': values.year },
      choices,
    );
    expect(again.ok && again.requirement).toEqual(reading.requirement);
  });

  it('names the districts, or says Countywide', () => {
    expect(districtsText(['Melton', 'Blaby'])).toBe('Blaby, Melton');
    expect(districtsText(districtNames)).toBe('Countywide');
  });
});

describe('the reason for a cancellation', () => {
  it('is required, and kept short enough to read', () => {
    expect(readCancelReason({ reason: '  Budget withdrawn ' })).toEqual({ reason: 'Budget withdrawn' });
    expect(readCancelReason({ reason: ' ' }).problem).toBe('Enter why the requirement is being cancelled');
    expect(readCancelReason({ reason: 'x'.repeat(1001) }).problem).toBe('Reason must be 1,000 characters or fewer');
  });
});
