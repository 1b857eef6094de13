import { describe, expect, it } from 'vitest';
import { reportEmail, reportFileName } from './emails.js';

const subscription = { name: 'Cabinet members', emails: ['a@council.example', 'b@council.example'], kind: 'quarterly', delivery: 'attached' } as const;
const unsubscribeUrl = 'https://sv.example.gov.uk/reports/unsubscribe/abc.def';

describe('the report email', () => {
  it('attaches the PDF, names the period and the list, and carries the unsubscribe link and header', () => {
    const email = reportEmail({ subscription, period: '2026-07-01', unsubscribeUrl, report: { pdf: Buffer.from('%PDF-') }, messageId: '<x@sv>' });
    expect(email.to).toBe('a@council.example, b@council.example');
    expect(email.subject).toBe('Social value report: July to September 2026');
    expect(email.text).toContain('social value report for July to September 2026 is attached as a PDF.');
    expect(email.text).toContain(
      `because Cabinet members is on the council’s list for its quarterly social value report. To stop receiving it, open this link:\n${unsubscribeUrl}`,
    );
    expect(email.headers).toEqual({ 'List-Unsubscribe': `<${unsubscribeUrl}>`, 'Auto-Submitted': 'auto-generated' });
    expect(email.attachments).toEqual([{ filename: 'social-value-report-2026-07-01.pdf', content: Buffer.from('%PDF-'), contentType: 'application/pdf' }]);
    expect(email.messageId).toBe('<x@sv>');
  });

  it('links to the report, saying until when the link works, and attaches nothing', () => {
    const email = reportEmail({
      subscription: { ...subscription, kind: 'annual', delivery: 'linked' },
      period: '2026',
      unsubscribeUrl,
      report: { url: 'https://sv.example.gov.uk/reports/shared/t.s', until: new Date('2027-07-01T06:00:00Z') },
      messageId: '<y@sv>',
    });
    expect(email.subject).toBe('Annual social value report: 2026 to 2027');
    expect(email.text).toContain('works without signing in until 1 July 2027:\nhttps://sv.example.gov.uk/reports/shared/t.s');
    expect(email.attachments).toBeUndefined();
  });

  it('names the PDF after its period', () => {
    expect(reportFileName('annual', '2026')).toBe('social-value-annual-report-2026-to-2027.pdf');
  });
});
