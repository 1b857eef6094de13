const UNITS = ['bytes', 'KB', 'MB', 'GB'] as const;
const SIZE = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 });

/** A file's size for people: 900 -> "900 bytes", 15360 -> "15 KB", 2621440 -> "2.5 MB" (1 KB = 1,024 bytes). */
export function fileSize(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${SIZE.format(value)} ${UNITS[unit]}`;
}
