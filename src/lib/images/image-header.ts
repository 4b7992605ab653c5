// Width, height and transparency of an image, read from the first bytes of the file, without
// decoding it. Why not sharp: Markdown renders synchronously, and every <img> needs its width,
// height and variant URLs at that moment (a missing size makes the page jump while it loads).
// The sizes are as the reader sees the image: a phone photo with EXIF orientation 5–8 is
// stored sideways, so its width and height are swapped here, the way .rotate() will publish it.
// images.ts compares these figures with sharp's when it processes the image and stops on a mismatch.

export type ImageFormat = 'jpeg' | 'png' | 'gif' | 'webp' | 'avif' | 'svg';

export interface ImageHeader {
  format: ImageFormat;
  /** Upright width and height in pixels (after EXIF orientation). */
  width: number;
  height: number;
  /** True when the image may have transparent pixels (decides PNG over JPEG as the fallback). */
  hasAlpha: boolean;
}

export function readImageHeader(bytes: Buffer): ImageHeader | undefined {
  if (bytes.length < 12) return undefined;
  if (bytes[0] === 0xff && bytes[1] === 0xd8) return jpeg(bytes);
  if (bytes.readUInt32BE(0) === 0x89504e47) return png(bytes);
  if (bytes.toString('latin1', 0, 4) === 'GIF8') return gif(bytes);
  if (bytes.toString('latin1', 0, 4) === 'RIFF' && bytes.toString('latin1', 8, 12) === 'WEBP') return webp(bytes);
  if (bytes.toString('latin1', 4, 8) === 'ftyp') return avif(bytes);
  const head = bytes.toString('utf8', 0, Math.min(bytes.length, 4096));
  if (/<svg[\s>]/i.test(head)) return svg(head);
  return undefined;
}

/** Orientations 5–8 turn the picture a quarter: the stored width is the shown height. */
function upright(format: ImageFormat, width: number, height: number, orientation: number, hasAlpha = false): ImageHeader {
  return orientation >= 5 && orientation <= 8
    ? { format, width: height, height: width, hasAlpha }
    : { format, width, height, hasAlpha };
}

/** The Orientation tag (0x0112) of IFD0 in a TIFF block (the body of an EXIF segment). */
export function exifOrientation(tiff: Buffer): number {
  if (tiff.length < 8) return 1;
  const le = tiff.toString('latin1', 0, 2) === 'II';
  const u16 = (o: number) => (le ? tiff.readUInt16LE(o) : tiff.readUInt16BE(o));
  const u32 = (o: number) => (le ? tiff.readUInt32LE(o) : tiff.readUInt32BE(o));
  const ifd = u32(4);
  if (ifd + 2 > tiff.length) return 1;
  const count = u16(ifd);
  for (let i = 0; i < count; i++) {
    const entry = ifd + 2 + i * 12;
    if (entry + 12 > tiff.length) break;
    if (u16(entry) === 0x0112) return u16(entry + 8);
  }
  return 1;
}

function jpeg(b: Buffer): ImageHeader | undefined {
  let orientation = 1;
  let offset = 2;
  while (offset + 4 <= b.length) {
    if (b[offset] !== 0xff) return undefined;
    const marker = b[offset + 1]!;
    if (marker === 0xff) {
      offset++;
      continue;
    }
    const length = b.readUInt16BE(offset + 2);
    if (marker === 0xe1 && b.toString('latin1', offset + 4, offset + 10) === 'Exif\0\0' && orientation === 1) {
      orientation = exifOrientation(b.subarray(offset + 10, offset + 2 + length));
    }
    // Start-of-frame markers (not DHT C4, JPG C8, DAC CC) carry the size.
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return upright('jpeg', b.readUInt16BE(offset + 7), b.readUInt16BE(offset + 5), orientation);
    }
    offset += 2 + length;
  }
  return undefined;
}

function png(b: Buffer): ImageHeader | undefined {
  if (b.length < 33 || b.toString('latin1', 12, 16) !== 'IHDR') return undefined;
  const colourType = b[25]!;
  let hasAlpha = colourType === 4 || colourType === 6;
  // A tRNS chunk before the image data makes a palette or RGB image transparent too.
  for (let o = 8; !hasAlpha && o + 8 <= b.length; ) {
    const length = b.readUInt32BE(o);
    const type = b.toString('latin1', o + 4, o + 8);
    if (type === 'tRNS') hasAlpha = true;
    if (type === 'IDAT' || type === 'IEND') break;
    o += 12 + length;
  }
  return { format: 'png', width: b.readUInt32BE(16), height: b.readUInt32BE(20), hasAlpha };
}

function gif(b: Buffer): ImageHeader {
  // GIF transparency is common (logos, icons); treat every GIF as possibly transparent.
  return { format: 'gif', width: b.readUInt16LE(6), height: b.readUInt16LE(8), hasAlpha: true };
}

function webp(b: Buffer): ImageHeader | undefined {
  const chunk = b.toString('latin1', 12, 16);
  let orientation = 1;
  for (let o = 12; o + 8 <= b.length; ) {
    const size = b.readUInt32LE(o + 4);
    if (b.toString('latin1', o, o + 4) === 'EXIF') {
      const body = b.subarray(o + 8, o + 8 + size);
      orientation = exifOrientation(body.toString('latin1', 0, 6) === 'Exif\0\0' ? body.subarray(6) : body);
    }
    o += 8 + size + (size % 2);
  }
  if (chunk === 'VP8 ' && b.length >= 30) {
    return upright('webp', b.readUInt16LE(26) & 0x3fff, b.readUInt16LE(28) & 0x3fff, orientation);
  }
  if (chunk === 'VP8L' && b.length >= 25) {
    const [b0, b1, b2, b3] = [b[21]!, b[22]!, b[23]!, b[24]!];
    const width = 1 + (b0 | ((b1 & 0x3f) << 8));
    const height = 1 + ((b1 >> 6) | (b2 << 2) | ((b3 & 0x0f) << 10));
    return upright('webp', width, height, orientation, ((b3 >> 4) & 1) === 1);
  }
  if (chunk === 'VP8X' && b.length >= 30) {
    return upright('webp', 1 + b.readUIntLE(24, 3), 1 + b.readUIntLE(27, 3), orientation, (b[20]! & 0x10) !== 0);
  }
  return undefined;
}

/** AVIF (ISO-BMFF): the largest `ispe` box is the picture; `irot` turns it; an alpha auxiliary image makes it transparent. */
function avif(b: Buffer): ImageHeader | undefined {
  const brand = b.toString('latin1', 8, 12);
  if (!['avif', 'avis', 'mif1'].includes(brand)) return undefined;
  let width = 0;
  let height = 0;
  let quarterTurns = 0;
  let hasAlpha = false;
  const CONTAINERS = new Set(['meta', 'iprp', 'ipco']);
  const walk = (start: number, end: number) => {
    for (let o = start; o + 8 <= end; ) {
      let size = b.readUInt32BE(o);
      const type = b.toString('latin1', o + 4, o + 8);
      if (size === 0) size = end - o;
      if (size < 8 || o + size > end) return;
      if (type === 'meta') walk(o + 12, o + size); // a full box: 4 bytes of version and flags
      else if (CONTAINERS.has(type)) walk(o + 8, o + size);
      else if (type === 'ispe' && size >= 20) {
        const w = b.readUInt32BE(o + 12);
        if (w > width) {
          width = w;
          height = b.readUInt32BE(o + 16);
        }
      } else if (type === 'irot' && size >= 9) quarterTurns = b[o + 8]! & 3;
      else if (type === 'auxC' && b.toString('latin1', o + 12, o + size).includes('alpha')) hasAlpha = true;
      o += size;
    }
  };
  walk(b.readUInt32BE(0), b.length); // the boxes after `ftyp`
  if (!width || !height) return undefined;
  return quarterTurns % 2 === 1 ? { format: 'avif', width: height, height: width, hasAlpha } : { format: 'avif', width, height, hasAlpha };
}

/** An SVG's size from its width/height attributes (plain numbers or px), else its viewBox. */
function svg(head: string): ImageHeader {
  const tag = /<svg\b[^>]*>/i.exec(head)?.[0] ?? '';
  const attr = (name: string) => new RegExp(`\\s${name}\\s*=\\s*["']([^"']*)["']`, 'i').exec(tag)?.[1];
  const px = (v: string | undefined) => (v && /^\s*\d+(\.\d+)?\s*(px)?\s*$/.test(v) ? Math.round(parseFloat(v)) : 0);
  let width = px(attr('width'));
  let height = px(attr('height'));
  const box = attr('viewBox')?.trim().split(/[\s,]+/).map(Number);
  if ((!width || !height) && box?.length === 4 && box.every(Number.isFinite) && box[2]! > 0 && box[3]! > 0) {
    if (width) height = Math.round((width * box[3]!) / box[2]!);
    else if (height) width = Math.round((height * box[2]!) / box[3]!);
    else [width, height] = [Math.round(box[2]!), Math.round(box[3]!)];
  }
  return { format: 'svg', width, height, hasAlpha: true };
}
