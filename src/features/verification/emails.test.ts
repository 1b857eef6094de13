import { describe, expect, it } from 'vitest';
import { answerEmail, queryEmail } from './emails.js';

const line = {
  contractReference: 'C-12',
  contractTitle: 'Home care in Melton',
  periodLabel: 'July to September 2026',
  lineLabel: 'SV-01 Local people employed',
};

describe('verification emails', () => {
  it('sends the question and the link to answer it', () => {
    const mail = queryEmail({ email: 'sam@supplier.example', name: 'Sam' }, line, 'Which payroll shows this?', 'https://sv.example/supplier/x');
    expect(mail.to).toBe('sam@supplier.example');
    expect(mail.subject).toBe('Question about your July to September 2026 report on contract C-12');
    expect(mail.text).toContain('Line: SV-01 Local people employed');
    expect(mail.text).toContain('Which payroll shows this?');
    expect(mail.text).toContain('https://sv.example/supplier/x');
  });

  it('tells the contract manager who answered and where to decide', () => {
    const mail = answerEmail({ email: 'm@council.example', name: 'Morgan' }, line, 'Charnwood Care', 'https://sv.example/contracts/x');
    expect(mail.subject).toBe('Charnwood Care answered your question on contract C-12');
    expect(mail.text).toContain('waiting for your decision again');
    expect(mail.text).toContain('https://sv.example/contracts/x');
  });
});
