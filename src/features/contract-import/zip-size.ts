const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
/** The end-of-directory record is 22 bytes, followed by a comment of up to 65,535 bytes. */
const END_RECORD_MAX_DISTANCE = 22 + 0xffff;

/**
 * The total size of a ZIP file's contents once unpacked, from its central directory, without unpacking anything;
 * Infinity for a ZIP64 file (too large to state in the plain format); null when the directory cannot be read.
 * An Excel workbook is a ZIP file, and a small one can unpack to gigabytes, so this is checked before it is opened.
 */
export function unpackedSize(zip: Buffer): number | null {
  const earliest = Math.max(0, zip.length - END_RECORD_MAX_DISTANCE);
  let end = -1;
  for (let i = zip.length - 22; i >= earliest; i--) {
    if (zip.readUInt32LE(i) === END_OF_DIRECTORY) {
      end = i;
      break;
    }
  }
  if (end < 0) return null;
  const entries = zip.readUInt16LE(end + 10);
  const directoryOffset = zip.readUInt32LE(end + 16);
  if (entries === 0xffff || directoryOffset === 0xffffffff) return Infinity;
  let total = 0;
  let at = directoryOffset;
  for (let n = 0; n < entries; n++) {
    if (at + 46 > zip.length || zip.readUInt32LE(at) !== DIRECTORY_ENTRY) return null;
    const size = zip.readUInt32LE(at + 24);
    if (size === 0xffffffff) return Infinity;
    total += size;
    at += 46 + zip.readUInt16LE(at + 28) + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return total;
}
