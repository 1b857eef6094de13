import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { unpackedSize } from './zip-size.js';

/** A ZIP file's central directory entry and end record for one stored file of the given sizes. */
function zipWith(entries: { name: string; size: number }[], comment = ''): Buffer {
  const directory = entries.map(({ name, size }) => {
    const header = Buffer.alloc(46);
    header.writeUInt32LE(0x02014b50, 0);
    header.writeUInt32LE(size, 24);
    header.writeUInt16LE(name.length, 28);
    return Buffer.concat([header, Buffer.from(name)]);
  });
  const body = Buffer.from('PK\x03\x04 pretend file data');
  const directoryBytes = Buffer.concat(directory);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directoryBytes.length, 12);
  end.writeUInt32LE(body.length, 16);
  end.writeUInt16LE(comment.length, 20);
  return Buffer.concat([body, directoryBytes, end, Buffer.from(comment)]);
}

describe('unpackedSize', () => {
  it('adds up the unpacked sizes in the central directory', () => {
    expect(
      unpackedSize(
        zipWith([
          { name: 'a.xml', size: 1000 },
          { name: 'b.xml', size: 2_000_000 },
        ]),
      ),
    ).toBe(2_001_000);
  });

  it('finds the end record behind a comment', () => {
    expect(unpackedSize(zipWith([{ name: 'a.xml', size: 5 }], 'made by a spreadsheet program'))).toBe(5);
  });

  it('reads a real workbook', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Contracts').addRow(['Reference', 'Title']);
    const size = unpackedSize(Buffer.from(await workbook.xlsx.writeBuffer()));
    expect(size).toBeGreaterThan(1000);
    expect(size).toBeLessThan(100_000);
  });

  it('counts a ZIP64 size as too large to state', () => {
    expect(unpackedSize(zipWith([{ name: 'huge.xml', size: 0xffffffff }]))).toBe(Infinity);
  });

  it('returns null for something that is not a ZIP file, or a broken one', () => {
    expect(unpackedSize(Buffer.from('PK\x03\x04 and nothing else'))).toBeNull();
    const broken = zipWith([{ name: 'a.xml', size: 5 }]);
    broken.writeUInt32LE(0, broken.length - 22 - 51);
    expect(unpackedSize(broken)).toBeNull();
    expect(unpackedSize(Buffer.alloc(0))).toBeNull();
  });
});
