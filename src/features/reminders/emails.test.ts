import { describe, expect, it } from 'vitest';
import { reportReminderEmail, weeklyDigestEmail } from './emails.js';

const base = {
  to: { email: 'sam@supplier.example', name: 'Sam Fletcher' },
  contract: { reference: 'LCC-0042', title: 'Home care in Charnwood' },
  period: { label: 'July to September 2026', dueDate: '2026-10-30' },
  baseUrl: 'https://sv.example.gov.uk',
};

describe('report reminder emails', () => {
  it('names the contract, the period and the due date, and links to the supplier home', () => {
    const email = reportReminderEmail({ ...base, kind: 'report-due' });
    expect(email.to).toBe('sam@supplier.example');
    expect(email.subject).toBe('Social value report due by 30 October 2026: LCC-0042');
    expect(email.text).toContain('Dear Sam Fletcher,');
    expect(email.text).toContain('Your social value report for July to September 2026 is due by 30 October 2026.');
    expect(email.text).toContain('Contract: LCC-0042 Home care in Charnwood');
    expect(email.text).toContain('https://sv.example.gov.uk/supplier\n');
  });

  it('says when a report is overdue', () => {
    const email = reportReminderEmail({ ...base, kind: 'report-overdue' });
    expect(email.subject).toBe('Social value report overdue: LCC-0042, July to September 2026');
    expect(email.text).toContain('was due by 30 October 2026. The council has not received it.');
    expect(email.text).toContain('https://sv.example.gov.uk/supplier\n');
  });
});

describe('weekly digest email', () => {
  it('lists each contract with its periods, the lines waiting and links, and totals them', () => {
    const email = weeklyDigestEmail(
      { email: 'mo@council.example', name: 'Mo Rahman' },
      [
        { id: 'c1', reference: 'LCC-0042', title: 'Home care', reports: [{ id: 'r1', periodLabel: 'July to September 2026', linesWaiting: 2 }] },
        { id: 'c2', reference: 'LCC-0043', title: 'Grounds', reports: [{ id: 'r2', periodLabel: 'April to June 2026', linesWaiting: 1 }] },
      ],
      'https://sv.example.gov.uk',
    );
    expect(email.subject).toBe('Social value delivery to verify: 3 lines on 2 contracts');
    expect(email.text).toContain('LCC-0042 Home care\n- July to September 2026: 2 lines waiting\n  https://sv.example.gov.uk/contracts/c1/reports/r1');
    expect(email.text).toContain('LCC-0043 Grounds\n- April to June 2026: 1 line waiting\n  https://sv.example.gov.uk/contracts/c2/reports/r2');
    expect(email.text).toContain('https://sv.example.gov.uk/verification');
  });

  it('uses the singular for one line on one contract', () => {
    const email = weeklyDigestEmail(
      { email: 'mo@council.example', name: 'Mo' },
      [{ id: 'c1', reference: 'R', title: 'T', reports: [{ id: 'r1', periodLabel: 'P', linesWaiting: 1 }] }],
      'https://x.example',
    );
    expect(email.subject).toBe('Social value delivery to verify: 1 line on 1 contract');
  });
});
