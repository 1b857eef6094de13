import { describe, expect, it } from 'vitest';
import { pledgeMadeEmail, pledgeMetEmail, registrationDecidedEmail, registrationWaitingEmail } from './emails.js';

const person = { name: 'Chris Lowe', email: 'chris@larder.example' };
const pledge = {
  supplierName: 'Charnwood Care Services Ltd',
  needTitle: 'Volunteers to pack parcels',
  organisationName: 'Melton Community Larder',
  contractReference: 'C-12',
  metQuantity: '12.5 hours',
  metOn: '2026-08-15',
};

describe('community needs board emails', () => {
  it('asks an officer to decide a registration, without the person who registered', () => {
    const mail = registrationWaitingEmail(person, { name: 'Oadby Men’s Shed', typeLabel: 'Community group', district: null }, 'https://sv.example/r/1');
    expect(mail.to).toBe('chris@larder.example');
    expect(mail.subject).toBe('Community organisation waiting for approval: Oadby Men’s Shed');
    expect(mail.text).toContain('Oadby Men’s Shed (community group) has registered');
    expect(mail.text).toContain('https://sv.example/r/1');
  });

  it('gives the reason when a registration is declined, and none when approved', () => {
    const declined = registrationDecidedEmail(person, 'Oadby Men’s Shed', { approve: false, reason: 'Not a community group.' }, 'https://sv.example/c');
    expect(declined.subject).toBe('Your registration on the community needs board was declined');
    expect(declined.text).toContain('The reason given:\nNot a community group.');
    const approved = registrationDecidedEmail(person, 'Oadby Men’s Shed', { approve: true, reason: null }, 'https://sv.example/c');
    expect(approved.subject).toBe('Your registration on the community needs board is approved');
    expect(approved.text).not.toContain('reason');
  });

  it('says what a supplier pledged', () => {
    const mail = pledgeMadeEmail(person, { ...pledge, quantity: '12.5 hours', offer: 'Staff volunteering' }, 'https://sv.example/n/1');
    expect(mail.subject).toBe('Charnwood Care Services Ltd has pledged to meet your need: Volunteers to pack parcels');
    expect(mail.text).toContain('What they pledged: 12.5 hours\nStaff volunteering');
  });

  it('tells the supplier which report a met pledge goes into, or that it came too late for any', () => {
    const link = 'https://sv.example/needs/pledges';
    expect(pledgeMetEmail(person, pledge, { kind: 'in-draft', periodLabel: 'July to September 2026' }, link).text).toContain(
      'It has been added to your draft July to September 2026 delivery report on contract C-12, as a line for the council to verify.',
    );
    expect(pledgeMetEmail(person, pledge, { kind: 'waiting', countedOn: '2026-08-15' }, link).text).toContain(
      'It will be added to the next delivery report you start on contract C-12 for a period that ends on or after 15 August 2026',
    );
    const late = pledgeMetEmail(person, pledge, { kind: 'too-late' }, link);
    expect(late.subject).toBe('Your pledge was met but cannot go in a delivery report: Volunteers to pack parcels');
    expect(late.text).toContain('does not count towards the contract’s social value');
  });
});
