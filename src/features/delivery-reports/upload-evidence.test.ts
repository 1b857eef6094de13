import { describe, expect, it } from 'vitest';
import { attachmentHeader } from './evidence-routes.js';
import { safeFilename } from './upload-evidence.js';

describe('safeFilename', () => {
  it('keeps only the name, without folders, quotes or control characters', () => {
    expect(safeFilename('C:\\Users\\me\\report "final".pdf')).toBe('report final.pdf');
    expect(safeFilename('../../etc/passwd')).toBe('passwd');
    expect(safeFilename('a\u0000b\r\n.pdf')).toBe('ab.pdf');
    expect(safeFilename('   ')).toBe('evidence');
  });
});

describe('attachmentHeader', () => {
  it('names the file in ASCII and in UTF-8', () => {
    expect(attachmentHeader('Café report.pdf')).toBe(`attachment; filename="Caf_ report.pdf"; filename*=UTF-8''Caf%C3%A9%20report.pdf`);
  });
});
