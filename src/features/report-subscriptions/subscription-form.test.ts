import { describe, expect, it } from 'vitest';
import { readSubscriptionForm } from './subscription-form.js';

describe('the new report subscription form', () => {
  it('takes addresses one a line or separated by commas, once each', () => {
    expect(
      readSubscriptionForm({
        name: ' Cabinet members ',
        emails: 'a@council.example\r\nB@council.example, a@council.example',
        kind: 'quarterly',
        delivery: 'attached',
      }),
    ).toEqual({ ok: true, name: 'Cabinet members', emails: ['a@council.example', 'b@council.example'], kind: 'quarterly', delivery: 'attached' });
  });

  it('names each missing field and keeps what was typed', () => {
    const form = readSubscriptionForm({ name: '', emails: '', kind: 'monthly' });
    expect(form).toEqual({
      ok: false,
      values: { name: '', emails: '', kind: 'monthly', delivery: '' },
      problems: [
        ['name', 'Enter the name of the list or recipient, like "Cabinet members"'],
        ['emails', 'Enter at least one email address'],
        ['kind', 'Select which report to send'],
        ['delivery', 'Select whether to attach the report or send a link to it'],
      ],
    });
  });

  it('names the address that is wrong, and limits how many there are', () => {
    expect(readSubscriptionForm({ name: 'N', emails: 'a@council.example\nbob@', kind: 'annual', delivery: 'linked' })).toMatchObject({
      ok: false,
      problems: [['emails', '“bob@” is not an email address: enter addresses like name@example.gov.uk, one on each line']],
    });
    const many = Array.from({ length: 21 }, (_, i) => `p${i}@example.com`).join('\n');
    expect(readSubscriptionForm({ name: 'N', emails: many, kind: 'annual', delivery: 'linked' })).toMatchObject({
      ok: false,
      problems: [['emails', expect.stringMatching(/^Enter 20 email addresses or fewer/)]],
    });
  });
});
