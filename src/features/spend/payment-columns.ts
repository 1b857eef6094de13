import type { PaymentRow } from './payment-row.js';

/**
 * One column of a batch as the text of a PostgreSQL array literal ({a,b,...}), written as its values are read into a
 * byte buffer that is kept from batch to batch. A value costs nothing on the JavaScript heap once it is written, so a
 * batch waiting for the database holds no strings or objects that the garbage collector would move to the old
 * generation and leave there until its next full collection: the import's memory stays flat.
 */
class ArrayText {
  private bytes = Buffer.from('{'.padEnd(1 << 16));
  /** bytes written, the opening brace included */
  private length = 1;
  private count = 0;

  clear(): void {
    this.length = 1;
    this.count = 0;
  }

  /** Adds a value as it is (a number, date or uuid). */
  add(text: string): void {
    this.reserve(text.length * 3 + 1);
    if (this.count++ > 0) this.bytes[this.length++] = 0x2c; // ,
    this.length += this.bytes.write(text, this.length);
  }

  /** Adds a text, quoted, with its backslashes and quotes escaped. */
  addQuoted(text: string): void {
    this.add(`"${/[\\"]/.test(text) ? text.replace(/[\\"]/g, '\\$&') : text}"`);
  }

  /** The array literal, valid until the column is cleared. */
  literal(): Buffer {
    this.reserve(1);
    this.bytes[this.length] = 0x7d; // }
    return this.bytes.subarray(0, this.length + 1);
  }

  /** Room for `bytes` more bytes (UTF-8 takes at most 3 for each UTF-16 code unit of a string). */
  private reserve(bytes: number): void {
    if (this.length + bytes <= this.bytes.length) return;
    const larger = Buffer.allocUnsafe(Math.max(this.bytes.length * 2, this.length + bytes));
    this.bytes.copy(larger, 0, 0, this.length);
    this.bytes = larger;
  }
}

/** A batch of payments as the columns the import writes, with what they add up to. */
export class PaymentColumns {
  readonly supplierIds = new ArrayText();
  readonly rowKeys = new ArrayText();
  readonly paidOn = new ArrayText();
  readonly directorates = new ArrayText();
  readonly amounts = new ArrayText();
  readonly references = new ArrayText();
  rows = 0;
  pence = 0;
  redacted = 0;

  add(supplierId: string, rowKey: string, payment: PaymentRow): void {
    this.supplierIds.add(supplierId);
    this.rowKeys.add(rowKey);
    this.paidOn.add(payment.paidOn);
    this.directorates.addQuoted(payment.directorate);
    this.amounts.add(String(payment.amountPence));
    this.references.addQuoted(payment.reference);
    this.rows++;
    this.pence += payment.amountPence;
    if (!payment.supplier) this.redacted++;
  }

  clear(): void {
    for (const column of [this.supplierIds, this.rowKeys, this.paidOn, this.directorates, this.amounts, this.references]) column.clear();
    this.rows = 0;
    this.pence = 0;
    this.redacted = 0;
  }
}
