import { describe, expect, it } from 'vitest';
import { readClosure, readRemediation } from './remediation-form.js';

const today = '2026-11-22';

describe('readRemediation', () => {
  it('reads what, who and by when', () => {
    const reading = readRemediation(
      { action: 'Two extra recruitment days', owner: 'Sam Fletcher', 'due-day': '5', 'due-month': '1', 'due-year': '2027' },
      today,
    );
    expect(reading).toMatchObject({ ok: true, remediation: { action: 'Two extra recruitment days', owner: 'Sam Fletcher', dueDate: '2027-01-05' } });
  });

  it('names each missing field', () => {
    expect(readRemediation({}, today)).toMatchObject({
      ok: false,
      errors: { action: 'Enter what will be done to bring delivery back on track', owner: 'Enter who will do it', due: 'Enter the date it will be done by' },
    });
  });

  it('refuses an unreal date and a date in the past, keeping the input', () => {
    expect(readRemediation({ action: 'a', owner: 'b', 'due-day': '31', 'due-month': '2', 'due-year': '2027' }, today)).toMatchObject({
      ok: false,
      values: { day: '31', month: '2', year: '2027' },
      errors: { due: 'Date it will be done by must be a real date' },
      dateErrorParts: ['day', 'month', 'year'],
    });
    expect(readRemediation({ action: 'a', owner: 'b', 'due-day': '21', 'due-month': '11', 'due-year': '2026' }, today)).toMatchObject({
      ok: false,
      errors: { due: 'Date it will be done by must be today or in the future' },
    });
  });
});

describe('readClosure', () => {
  it('needs a note', () => {
    expect(readClosure({ note: '  ' })).toMatchObject({ ok: false, errors: { note: 'Enter what was done, to close the action' } });
    expect(readClosure({ note: 'Back on track' })).toEqual({ ok: true, note: 'Back on track' });
  });
});
