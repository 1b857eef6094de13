import { describe, expect, it } from 'vitest';
import { guessColumns } from '../contract-import/mapping.js';
import { grantFields, spendFields } from './fields.js';
import { columnIndexes, readPaymentRow } from './payment-row.js';

const columns = ['Payment Date', 'Supplier Name', 'Net Amount', 'Service Area', 'Transaction No.', 'Company Number'];
const at = columnIndexes(spendFields, guessColumns(spendFields, columns), columns);

describe('reading a payment row', () => {
  it('guesses the usual columns of a spend file', () => {
    expect(guessColumns(spendFields, columns)).toEqual({
      paidOn: 'Payment Date',
      supplierName: 'Supplier Name',
      amount: 'Net Amount',
      directorate: 'Service Area',
      reference: 'Transaction No.',
      companyNumber: 'Company Number',
    });
    expect(guessColumns(spendFields, ['Date', 'Suplier Name', 'Ammount'])).toMatchObject({ supplierName: 'Suplier Name', amount: 'Ammount' });
  });

  it('reads day-first and ISO dates, credits, and the registration numbers', () => {
    const row = readPaymentRow(['24/06/2020', 'A & V  Homes Ltd', '-1,234.50', 'Adults', '2006-00001', '7962245'], at);
    expect(row).toEqual({
      ok: true,
      payment: {
        paidOn: '2020-06-24',
        amountPence: -123450,
        directorate: 'Adults',
        reference: '2006-00001',
        supplier: { name: 'A & V Homes Ltd', key: 'a & v homes ltd', companyNumber: '07962245', charityNumber: null, postcode: null, vcse: null },
      },
    });
    expect(readPaymentRow(['2022-06-01', 'Acme', '£20', '', '', 'not a number'], at)).toMatchObject({
      ok: true,
      payment: { amountPence: 2000, supplier: { companyNumber: null } },
    });
  });

  it('keeps redacted suppliers out of matching', () => {
    expect(readPaymentRow(['2022-06-01', 'REDACTED PERSONAL DATA', '10', '', '', ''], at)).toMatchObject({ ok: true, payment: { supplier: null } });
  });

  it('names what is wrong with a row', () => {
    expect(readPaymentRow(['31/02/2022', 'Acme', '10', '', '', ''], at)).toEqual({
      ok: false,
      field: 'paidOn',
      message: 'Enter the date as a real date, like 01/06/2022 or 2022-06-01',
    });
    expect(readPaymentRow(['2022-06-01', 'Acme', 'ten pounds', '', '', ''], at)).toEqual({
      ok: false,
      field: 'amount',
      message: 'Enter the amount as an amount of money, like 1234.56 or -20.00',
    });
    expect(readPaymentRow(['2022-06-01', 'Acme', '', '', '', ''], at)).toMatchObject({ ok: false, field: 'amount', message: 'Enter the amount' });
  });

  it('takes a 360Giving recipient identifier before the other numbers', () => {
    const grantColumns = ['Identifier', 'Amount Awarded', 'Award Date', 'Recipient Org:Identifier', 'Recipient Org:Name', 'Recipient Org:Charity Number'];
    const grantAt = columnIndexes(grantFields, guessColumns(grantFields, grantColumns), grantColumns);
    expect(readPaymentRow(['360G-1', '3028.63', '2013-01-18', 'GB-CHC-1146179', 'Be Active', '1000000'], grantAt)).toMatchObject({
      ok: true,
      payment: { amountPence: 302863, reference: '360G-1', supplier: { charityNumber: '1146179' } },
    });
  });
});
