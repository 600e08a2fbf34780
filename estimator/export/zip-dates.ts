/**
 * Sets every entry's modification time in a ZIP file to one date. exceljs stamps each part of an
 * xlsx with the moment it was written (JSZip's default), so two exports a second apart differ;
 * with the date fixed by the input (date.ts) the same comparison gives the same bytes.
 *
 * Walks the central directory from the end-of-central-directory record and rewrites the MS-DOS
 * time and date fields of each central header and of the local header it points to (APPNOTE.TXT
 * 4.3.7 and 4.3.12). Nothing else changes: sizes and CRCs do not cover these fields.
 */

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/** MS-DOS date and time of a UTC date (2-second resolution; 1980 at the earliest). */
export function dosDateTime(date: Date): { time: number; date: number } {
  const year = Math.max(1980, date.getUTCFullYear());
  return {
    time: (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | Math.floor(date.getUTCSeconds() / 2),
    date: ((year - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate(),
  };
}

export function fixZipDates(zip: Uint8Array, when: Date): Uint8Array {
  const out = new Uint8Array(zip);
  const view = new DataView(out.buffer, out.byteOffset, out.byteLength);
  const { time, date } = dosDateTime(when);
  let eocd = -1;
  // The record is 22 bytes plus a comment of up to 65,535 bytes at the very end.
  for (let i = out.length - 22; i >= Math.max(0, out.length - 22 - 0xffff); i--)
    if (view.getUint32(i, true) === EOCD) {
      eocd = i;
      break;
    }
  if (eocd < 0) throw new Error('not a ZIP file: no end of central directory');
  const entries = view.getUint16(eocd + 10, true);
  let at = view.getUint32(eocd + 16, true);
  for (let n = 0; n < entries; n++) {
    if (view.getUint32(at, true) !== CENTRAL) throw new Error(`ZIP central directory entry ${n} is damaged`);
    view.setUint16(at + 12, time, true);
    view.setUint16(at + 14, date, true);
    const local = view.getUint32(at + 42, true);
    if (view.getUint32(local, true) !== LOCAL) throw new Error(`ZIP local header of entry ${n} is damaged`);
    view.setUint16(local + 10, time, true);
    view.setUint16(local + 12, date, true);
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return out;
}
