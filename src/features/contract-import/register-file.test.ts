import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { decodeText, separatorOf } from './csv-rows.js';
import { MAX_CONTRACT_ROWS, fileKind, readRegisterFile, tableFrom } from './register-file.js';

const rows = (...cells: string[][]) => ({ ok: true as const, rows: cells.map((c, i) => ({ row: i + 1, cells: c })) });

describe('fileKind', () => {
  it('goes by the content, not the name', () => {
    expect(fileKind(Buffer.from('PK\x03\x04rest'))).toBe('xlsx');
    expect(fileKind(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1]))).toBe('xls');
    expect(fileKind(Buffer.from('Reference,Title\n'))).toBe('csv');
    expect(fileKind(Buffer.from('PK'))).toBe('csv');
  });
});

describe('decodeText', () => {
  it('reads UTF-8 without its byte-order mark', () => {
    expect(decodeText(Buffer.from('\uFEFF£1,234', 'utf8'))).toBe('£1,234');
  });

  it('removes the mojibake of a byte-order mark', () => {
    expect(decodeText(Buffer.from('ï»¿Directorate Name,Value', 'utf8'))).toBe('Directorate Name,Value');
  });

  it('reads a file that is not UTF-8 as Windows-1252, as spreadsheet programs on Windows save it', () => {
    expect(decodeText(Buffer.from([0xa3, 0x35, 0x30, 0x2c, 0x43, 0x61, 0x66, 0xe9]))).toBe('£50,Café');
  });
});

describe('separatorOf', () => {
  it('is whichever of comma, semicolon and tab the first line has most of', () => {
    expect(separatorOf('a,b,c\n1;2;3;4;5')).toBe(',');
    expect(separatorOf('a;b;c\r\n1,2')).toBe(';');
    expect(separatorOf('a\tb, with comma\tc')).toBe('\t');
    expect(separatorOf('single column')).toBe(',');
  });
});

describe('readRegisterFile', () => {
  it('reads CSV rows numbered as a spreadsheet numbers them, quoted line breaks and blank rows included', async () => {
    const reading = await readRegisterFile(Buffer.from('\uFEFFRef,Title\r\nA,"Two\r\nlines"\r\n\r\n,\r\nB,Plain\r\n'));
    expect(reading).toEqual({
      ok: true,
      table: {
        columns: ['Ref', 'Title'],
        headerSignature: expect.any(String),
        rows: [
          { row: 2, cells: ['A', 'Two\r\nlines'] },
          { row: 5, cells: ['B', 'Plain'] },
        ],
      },
    });
  });

  it('reads semicolon-separated files', async () => {
    const reading = await readRegisterFile(Buffer.from('Ref;Value\nA;1.234,50\n'));
    expect(reading.ok && reading.table.rows).toEqual([{ row: 2, cells: ['A', '1.234,50'] }]);
  });

  it('reads the first visible sheet of a workbook that has rows, with the workbook’s row numbers', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Notes', { state: 'hidden' }).addRow(['Hidden', 'sheet']);
    workbook.addWorksheet('Empty');
    const sheet = workbook.addWorksheet('Register');
    sheet.getCell('B3').value = 'Ref';
    sheet.getCell('C3').value = 'Start';
    sheet.getCell('B5').value = 'A1';
    sheet.getCell('C5').value = new Date(Date.UTC(2026, 3, 1));
    const reading = await readRegisterFile(Buffer.from(await workbook.xlsx.writeBuffer()));
    expect(reading.ok && reading.table).toMatchObject({ columns: ['Column A', 'Ref', 'Start'], rows: [{ row: 5, cells: ['', 'A1', '2026-04-01'] }] });
  });

  it('says what is wrong with files it cannot read', async () => {
    expect(await readRegisterFile(Buffer.alloc(0))).toEqual({ ok: false, message: 'The selected file is empty' });
    expect(await readRegisterFile(Buffer.from([0xd0, 0xcf, 0x11, 0xe0]))).toMatchObject({ ok: false, message: expect.stringContaining('(.xls)') });
    expect(await readRegisterFile(Buffer.from('PK\x03\x04 not really'))).toMatchObject({
      ok: false,
      message: expect.stringContaining('not an Excel workbook'),
    });
    expect(await readRegisterFile(Buffer.from('MZ\u0000\u0001binary'))).toMatchObject({ ok: false, message: expect.stringContaining('must be a CSV file') });
    expect(await readRegisterFile(Buffer.from('Ref,Title\nA,"open'))).toMatchObject({
      ok: false,
      message: expect.stringContaining('cannot be read as CSV near line'),
    });
  });
});

describe('tableFrom', () => {
  it('takes the first row with two or more cells as the header, passing over a title above it', () => {
    const reading = tableFrom(rows(['Contracts register'], [], ['Ref', 'Title'], ['A', 'Care']));
    expect(reading).toMatchObject({ ok: true, table: { columns: ['Ref', 'Title'], rows: [{ row: 4, cells: ['A', 'Care'] }] } });
  });

  it('trims cells and names columns that have values but no header', () => {
    const reading = tableFrom(rows([' Ref ', 'Title', '', ''], [' A ', 'Care', '', 'note']));
    expect(reading).toMatchObject({
      ok: true,
      table: { columns: ['Ref', 'Title', 'Column C', 'Column D'], rows: [{ row: 2, cells: ['A', 'Care', '', 'note'] }] },
    });
  });

  it('gives every row as many cells as there are columns', () => {
    const reading = tableFrom(rows(['Ref', 'Title', 'Value'], ['A']));
    expect(reading.ok && reading.table.rows).toEqual([{ row: 2, cells: ['A', '', ''] }]);
  });

  it('refuses a file without a header, without contracts, or with too many', () => {
    expect(tableFrom(rows([], ['', ' ']))).toEqual({ ok: false, message: 'The selected file is empty' });
    expect(tableFrom(rows(['Only one cell'], ['Another']))).toMatchObject({ ok: false, message: expect.stringContaining('must have a header row') });
    expect(tableFrom(rows(['Ref', 'Title'], ['', '']))).toEqual({ ok: false, message: 'The selected file has a header row but no contracts below it' });
    const many = [['Ref', 'Title'], ...Array.from({ length: MAX_CONTRACT_ROWS + 1 }, (_, i) => [`R${i}`, 'T'])];
    expect(tableFrom(rows(...many))).toMatchObject({
      ok: false,
      message: 'The selected file has more than 10,000 contracts. Split it into files of 10,000 contracts or fewer',
    });
    expect(tableFrom({ ok: false, message: 'Passed on' })).toEqual({ ok: false, message: 'Passed on' });
  });
});
