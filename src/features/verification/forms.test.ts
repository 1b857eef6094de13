import { describe, expect, it } from 'vitest';
import { answerValuesOf, correctionText, readAnswer, readDecision } from './forms.js';

const commitmentLine = { additional: false };

describe('readDecision', () => {
  it('verifies without a note, and keeps a note when one is given', () => {
    expect(readDecision({ decision: 'verify', note: '' })).toMatchObject({ ok: true, decision: 'verify', note: null });
    expect(readDecision({ decision: 'verify', note: ' Payroll checked ' })).toMatchObject({ ok: true, note: 'Payroll checked' });
  });

  it('needs a choice', () => {
    expect(readDecision({ decision: 'approve', note: 'x' })).toMatchObject({
      ok: false,
      values: { decision: 'approve', note: 'x' },
      errors: { decision: 'Choose whether to verify, query or reject this line' },
    });
  });

  it('needs a question to query and a reason to reject, keeping the choice', () => {
    expect(readDecision({ decision: 'query', note: '  ' })).toMatchObject({
      ok: false,
      values: { decision: 'query' },
      errors: { note: 'Enter your question for the supplier' },
    });
    expect(readDecision({ decision: 'reject' })).toMatchObject({ ok: false, errors: { note: 'Enter why you are rejecting this line' } });
    expect(readDecision({ decision: 'query', note: 'Which payroll?\r\nPlease attach it' })).toMatchObject({
      ok: true,
      decision: 'query',
      note: 'Which payroll?\nPlease attach it',
    });
  });

  it('limits the length of the note', () => {
    expect(readDecision({ decision: 'reject', note: 'x'.repeat(2001) })).toMatchObject({
      ok: false,
      errors: { note: 'Your question or reason must be 2,000 characters or fewer' },
    });
  });
});

describe('readAnswer', () => {
  it('starts from the line as it is', () => {
    expect(answerValuesOf({ quantityHundredths: 1250, narrative: 'Apprentices' })).toEqual({ answer: '', quantity: '12.5', narrative: 'Apprentices' });
  });

  it('reads an answer with a corrected quantity and narrative', () => {
    expect(readAnswer({ answer: 'We counted twice', quantity: '1,200.5', narrative: 'New text' }, commitmentLine)).toMatchObject({
      ok: true,
      answer: { answer: 'We counted twice', quantityHundredths: 120050, narrative: 'New text' },
    });
    expect(readAnswer({ answer: 'None', quantity: '0', narrative: 'The service was closed' }, commitmentLine)).toMatchObject({
      ok: true,
      answer: { quantityHundredths: 0 },
    });
  });

  it('keeps the rules the line was entered with', () => {
    expect(readAnswer({ answer: 'None', quantity: '0', narrative: '' }, commitmentLine)).toMatchObject({
      ok: false,
      errors: { narrative: 'Explain why nothing was delivered in this period' },
    });
    expect(readAnswer({ answer: 'None', quantity: '0', narrative: 'Nothing' }, { additional: true })).toMatchObject({
      ok: false,
      errors: { quantity: 'Enter a quantity greater than 0: additional social value of nothing is not counted' },
    });
  });

  it('names each problem and keeps what was typed', () => {
    expect(readAnswer({ answer: '', quantity: '', narrative: 'kept' }, commitmentLine)).toMatchObject({
      ok: false,
      values: { narrative: 'kept' },
      errors: { answer: 'Enter your answer to the council’s question', quantity: 'Enter the quantity delivered, like 12 or 12.5' },
    });
    expect(readAnswer({ answer: 'a', quantity: '-3' }, commitmentLine)).toMatchObject({
      ok: false,
      values: { quantity: '-3' },
      errors: { quantity: 'Quantity delivered must be a number of 0 or more, like 12 or 12.5, with at most 2 decimal places' },
    });
    expect(readAnswer({ answer: 'a', quantity: '1', narrative: 'x'.repeat(4001) }, commitmentLine)).toMatchObject({
      ok: false,
      errors: { narrative: 'Describe what was delivered in 4,000 characters or fewer' },
    });
  });
});

describe('correctionText', () => {
  it('says what changed', () => {
    const before = { quantityHundredths: 500, narrative: 'a' };
    expect(correctionText(before, { quantityHundredths: 780, narrative: 'a' }, 'people')).toBe('Corrected the quantity from 5 to 7.8 people.');
    expect(correctionText(before, { quantityHundredths: 500, narrative: 'b' }, 'people')).toBe('Changed the description of what was delivered.');
    expect(correctionText(before, before, 'people')).toBe('');
  });
});
