import { describe, expect, it } from 'vitest';
import { PaymentColumns } from './payment-columns.js';
import type { PaymentRow } from './payment-row.js';

const payment = (reference: string, amountPence: number, supplier: PaymentRow['supplier'] = null): PaymentRow => ({
  paidOn: '2024-04-01',
  amountPence,
  directorate: 'Adults & "Health"',
  reference,
  supplier,
});
const acme = { name: 'Acme', key: 'acme', companyNumber: null, charityNumber: null, postcode: null, vcse: null };

describe('a batch of payments as the array literals of its columns', () => {
  it('quotes and escapes texts, keeps UTF-8, grows past its first buffer, and starts again empty once cleared', () => {
    const columns = new PaymentColumns();
    columns.add('id-1', 'key-1', payment('back\\slash "quoted", café £', -1250, acme));
    columns.add('id-2', 'key-2', payment('x'.repeat(70_000), 300));
    expect(columns.supplierIds.literal().toString()).toBe('{id-1,id-2}');
    expect(columns.amounts.literal().toString()).toBe('{-1250,300}');
    expect(columns.directorates.literal().toString()).toBe('{"Adults & \\"Health\\"","Adults & \\"Health\\""}');
    expect(columns.references.literal().toString()).toBe(`{"back\\\\slash \\"quoted\\", café £","${'x'.repeat(70_000)}"}`);
    expect({ rows: columns.rows, pence: columns.pence, redacted: columns.redacted }).toEqual({ rows: 2, pence: -950, redacted: 1 });
    columns.clear();
    expect(columns.rowKeys.literal().toString()).toBe('{}');
    columns.add('id-3', 'key-3', payment('r', 1));
    expect(columns.rowKeys.literal().toString()).toBe('{key-3}');
    expect({ rows: columns.rows, pence: columns.pence, redacted: columns.redacted }).toEqual({ rows: 1, pence: 1, redacted: 1 });
  });
});
