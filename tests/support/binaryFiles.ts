import { crc32, inflateRawSync, inflateSync } from 'node:zlib';

/**
 * Readers for the binary files the build writes (the Lambda zip, the store
 * icons), written from the formats' specifications and checked with Node's
 * own zlib CRC-32, so they share no code with the writers they test.
 */

export interface ZipFile {
  readonly name: string;
  readonly data: Buffer;
  /** Unix permission bits from the external attributes (0 if the entry was not made on Unix). */
  readonly mode: number;
}

/** Every file in a zip archive, read through its central directory. */
export function readZip(archive: Buffer): ZipFile[] {
  const end = archive.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0) throw new Error('not a zip: no end of central directory');
  const count = archive.readUInt16LE(end + 10);
  let at = archive.readUInt32LE(end + 16);
  const files: ZipFile[] = [];
  for (let i = 0; i < count; i++) {
    if (archive.readUInt32LE(at) !== 0x02014b50) throw new Error(`zip: central directory entry ${i} is damaged`);
    const madeOnUnix = archive[at + 5] === 3;
    const method = archive.readUInt16LE(at + 10);
    const crc = archive.readUInt32LE(at + 16);
    const packedSize = archive.readUInt32LE(at + 20);
    const nameLength = archive.readUInt16LE(at + 28);
    const extraLength = archive.readUInt16LE(at + 30);
    const commentLength = archive.readUInt16LE(at + 32);
    const external = archive.readUInt32LE(at + 38);
    const local = archive.readUInt32LE(at + 42);
    const name = archive.toString('utf8', at + 46, at + 46 + nameLength);
    const start = local + 30 + archive.readUInt16LE(local + 26) + archive.readUInt16LE(local + 28);
    const packed = archive.subarray(start, start + packedSize);
    const data = method === 8 ? inflateRawSync(packed) : method === 0 ? packed : null;
    if (!data) throw new Error(`zip: ${name} uses compression method ${method}`);
    if (crc32(data) !== crc) throw new Error(`zip: ${name} fails its CRC`);
    files.push({ name, data, mode: madeOnUnix ? (external >>> 16) & 0o7777 : 0 });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return files;
}

export interface PngImage {
  readonly width: number;
  readonly height: number;
  readonly colourType: number;
  /** The pixel at (x, y) as '#rrggbb' (8-bit RGB images without filtering, as the build writes them). */
  pixel(x: number, y: number): string;
}

/** The IHDR of a PNG, every chunk's CRC checked, and its pixels. */
export function readPng(file: Buffer): PngImage {
  if (!file.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) throw new Error('not a PNG: wrong signature');
  const chunks = new Map<string, Buffer[]>();
  for (let at = 8; at < file.length; ) {
    const length = file.readUInt32BE(at);
    const type = file.toString('ascii', at + 4, at + 8);
    const data = file.subarray(at + 8, at + 8 + length);
    if (crc32(file.subarray(at + 4, at + 8 + length)) !== file.readUInt32BE(at + 8 + length)) throw new Error(`PNG: chunk ${type} fails its CRC`);
    chunks.set(type, [...(chunks.get(type) ?? []), data]);
    at += 12 + length;
  }
  const header = chunks.get('IHDR')?.[0];
  if (!header || !chunks.has('IEND')) throw new Error('PNG: no IHDR or no IEND');
  const width = header.readUInt32BE(0);
  const height = header.readUInt32BE(4);
  const colourType = header[9];
  const rows = inflateSync(Buffer.concat(chunks.get('IDAT') ?? []));
  const stride = 1 + width * 3;
  return {
    width,
    height,
    colourType,
    pixel(x, y) {
      if (header[8] !== 8 || colourType !== 2 || rows[y * stride] !== 0) throw new Error('PNG: only unfiltered 8-bit RGB rows are read here');
      const p = y * stride + 1 + x * 3;
      return (
        '#' +
        [rows[p], rows[p + 1], rows[p + 2]]
          .map((v) => v.toString(16).padStart(2, '0'))
          .join('')
          .toUpperCase()
      );
    },
  };
}
