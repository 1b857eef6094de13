import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { evidenceContentType, isPlainText } from './evidence-types.js';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n');
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a5e1c1a90000000049454e44ae426082',
  'hex',
);
const JPEG = Buffer.concat([Buffer.from('ffd8ffe000104a46494600010100000100010000', 'hex'), Buffer.alloc(64, 1)]);
const ELF = Buffer.concat([Buffer.from('7f454c4602010100', 'hex'), Buffer.alloc(120, 0)]);
const WINDOWS_EXE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(126, 0)]);

describe('evidenceContentType', () => {
  it('accepts documents and images by their content', async () => {
    expect(await evidenceContentType(PDF, 'report.pdf')).toBe('application/pdf');
    expect(await evidenceContentType(PNG, 'photo.png')).toBe('image/png');
    expect(await evidenceContentType(JPEG, 'photo.jpg')).toBe('image/jpeg');
  });

  it('judges by content, not by name: an image named .pdf is an image', async () => {
    expect(await evidenceContentType(PNG, 'not-really.pdf')).toBe('image/png');
  });

  it('refuses programs, whatever they are called', async () => {
    expect(await evidenceContentType(ELF, 'report.pdf')).toBeNull();
    expect(await evidenceContentType(WINDOWS_EXE, 'report.pdf')).toBeNull();
    expect(await evidenceContentType(WINDOWS_EXE, 'figures.csv')).toBeNull();
  });

  it('accepts a spreadsheet workbook', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Delivery').addRow(['Apprentices', 3]);
    const xlsx = Buffer.from(await workbook.xlsx.writeBuffer());
    expect(await evidenceContentType(xlsx, 'delivery.xlsx')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  });

  it('accepts text only when it is named .csv or .txt and reads as UTF-8 text', async () => {
    const csv = Buffer.from('district,people\nMelton,4\nBlaby,2\n');
    expect(await evidenceContentType(csv, 'people.csv')).toBe('text/csv; charset=utf-8');
    expect(await evidenceContentType(Buffer.from('Notes from the session. £120 spent.'), 'notes.TXT')).toBe('text/plain; charset=utf-8');
    expect(await evidenceContentType(csv, 'people.pdf')).toBeNull();
    expect(await evidenceContentType(Buffer.from('a,b\u0000c'), 'data.csv')).toBeNull();
    expect(await evidenceContentType(Buffer.from([0x61, 0xff, 0xfe, 0x62]), 'data.csv')).toBeNull();
    expect(await evidenceContentType(Buffer.alloc(0), 'empty.txt')).toBeNull();
  });
});

describe('isPlainText', () => {
  it('allows a character cut off at the end of the first chunk', () => {
    const pound = Buffer.from('cost £');
    expect(isPlainText(pound.subarray(0, pound.length - 1))).toBe(true);
  });
});
