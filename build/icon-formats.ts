/** PNG width and height, from the IHDR chunk that every PNG starts with. */
export function pngSize(png: Uint8Array): { width: number; height: number } {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

/**
 * A Windows .ico holding PNG images (Windows Vista and later read PNG entries): a 6-byte header,
 * a 16-byte directory entry per image (a size of 256 is written as 0), then the images.
 */
export function icoFile(pngs: Uint8Array[]): Buffer {
  const header = Buffer.alloc(6 + 16 * pngs.length);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(pngs.length, 4);
  let offset = header.length;
  pngs.forEach((png, i) => {
    const { width, height } = pngSize(png);
    const at = 6 + 16 * i;
    header.writeUInt8(width >= 256 ? 0 : width, at);
    header.writeUInt8(height >= 256 ? 0 : height, at + 1);
    header.writeUInt16LE(1, at + 4);
    header.writeUInt16LE(32, at + 6);
    header.writeUInt32LE(png.byteLength, at + 8);
    header.writeUInt32LE(offset, at + 12);
    offset += png.byteLength;
  });
  return Buffer.concat([header, ...pngs]);
}

/** macOS icon types that hold PNG data, by the pixel size of their image. */
export const ICNS_TYPES: [type: string, pixels: number][] = [
  ['icp4', 16],
  ['icp5', 32],
  ['icp6', 64],
  ['ic07', 128],
  ['ic08', 256],
  ['ic09', 512],
  ['ic10', 1024],
  ['ic11', 32],
  ['ic12', 64],
  ['ic13', 256],
  ['ic14', 512],
];

/** A macOS .icns: 'icns' and the total length, then one (type, length, PNG) entry per icon type. */
export function icnsFile(pngBySize: ReadonlyMap<number, Uint8Array>): Buffer {
  const entries = ICNS_TYPES.flatMap(([type, pixels]) => {
    const png = pngBySize.get(pixels);
    if (!png) return [];
    const head = Buffer.alloc(8);
    head.write(type, 0, 'ascii');
    head.writeUInt32BE(8 + png.byteLength, 4);
    return [head, Buffer.from(png)];
  });
  const body = Buffer.concat(entries);
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'ascii');
  head.writeUInt32BE(8 + body.length, 4);
  return Buffer.concat([head, body]);
}

/** The entries of an .icns file, for checking one: type and PNG bytes. */
export function readIcns(file: Buffer): { type: string; data: Buffer }[] {
  if (file.toString('ascii', 0, 4) !== 'icns' || file.readUInt32BE(4) !== file.length)
    throw new Error('not an icns file');
  const out: { type: string; data: Buffer }[] = [];
  for (let at = 8; at < file.length;) {
    const length = file.readUInt32BE(at + 4);
    out.push({ type: file.toString('ascii', at, at + 4), data: file.subarray(at + 8, at + length) });
    at += length;
  }
  return out;
}

/** The images of an .ico file: their declared size and PNG bytes. */
export function readIco(file: Buffer): { size: number; data: Buffer }[] {
  if (file.readUInt16LE(0) !== 0 || file.readUInt16LE(2) !== 1) throw new Error('not an ico file');
  return Array.from({ length: file.readUInt16LE(4) }, (_, i) => {
    const at = 6 + 16 * i;
    const size = file.readUInt8(at) || 256;
    return {
      size,
      data: file.subarray(file.readUInt32LE(at + 12), file.readUInt32LE(at + 12) + file.readUInt32LE(at + 8)),
    };
  });
}
