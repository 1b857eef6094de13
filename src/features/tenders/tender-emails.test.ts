import { describe, expect, it } from 'vitest';
import { evaluatorAssignmentEmail, supplierInvitationEmail } from './tender-emails.js';

const tender = { number: 7, title: 'Home care in Melton', closingAt: new Date('2026-06-30T11:00:00Z') };

describe('tender emails', () => {
  it('invites a supplier with the closing time in UK time and the link', () => {
    const mail = supplierInvitationEmail(
      tender,
      { email: 'sam@supplier.example', name: 'Sam', organisationName: 'Charnwood Care' },
      'https://sv.example/supplier/tenders/x',
    );
    expect(mail.to).toBe('sam@supplier.example');
    expect(mail.subject).toBe('Invitation to tender: Home care in Melton');
    expect(mail.text).toContain('invites Charnwood Care to bid for tender 7');
    expect(mail.text).toContain('Bids close on 30 June 2026 at 12:00pm');
    expect(mail.text).toContain('https://sv.example/supplier/tenders/x');
  });

  it('tells an evaluator what comes next', () => {
    const mail = evaluatorAssignmentEmail(tender, { email: 'eve@council.example', name: 'Eve' }, 'https://sv.example/tenders/x');
    expect(mail.subject).toBe('You are an evaluator for tender 7');
    expect(mail.text).toContain('declare any conflict of interest before you see the bids');
    expect(mail.text).toContain('https://sv.example/tenders/x');
  });
});
