// Sample images for the image tests, made with sharp at test time: a multi-megabyte phone photo
// with a GPS position does not belong in git.
import sharp from 'sharp';

/** What the phone photo carries that must never be published. */
export const SECRETS = {
  make: 'KrisfotoMake',
  model: 'Modell-X9000',
  artist: 'Anna Fotografsson',
  xmpCreator: 'XmpSkaparen',
  iptcByline: 'IptcFotografen',
  /** GPSLatitude 65° 51' 12.34" as EXIF rationals (numerator, denominator pairs). */
  latitude: [65, 1, 51, 1, 1234, 100],
  longitude: [23, 1, 7, 1, 4321, 100],
};

/** The rationals as EXIF stores them, in both byte orders (either may be used). */
export function rationalPatterns(values: number[]): Buffer[] {
  const be = Buffer.alloc(values.length * 4);
  const le = Buffer.alloc(values.length * 4);
  values.forEach((v, i) => {
    be.writeUInt32BE(v, i * 4);
    le.writeUInt32LE(v, i * 4);
  });
  return [be, le];
}

/** Deterministic noise: the same bytes every run. */
function noise(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1103515245) + 12345) >>> 0) >>> 16) & 0xff;
}

/** An IPTC-IIM byline in a Photoshop APP13 segment, inserted after the JPEG's SOI marker. */
function withIptc(jpeg: Buffer, byline: string): Buffer {
  const text = Buffer.from(byline, 'latin1');
  const iptc = Buffer.concat([Buffer.from([0x1c, 0x02, 0x50, text.length >> 8, text.length & 0xff]), text]);
  const padded = iptc.length % 2 ? Buffer.concat([iptc, Buffer.from([0])]) : iptc;
  const size = Buffer.alloc(4);
  size.writeUInt32BE(iptc.length);
  const body = Buffer.concat([Buffer.from('Photoshop 3.0\0', 'latin1'), Buffer.from('8BIM'), Buffer.from([0x04, 0x04, 0, 0]), size, padded]);
  const header = Buffer.from([0xff, 0xed, (body.length + 2) >> 8, (body.length + 2) & 0xff]);
  return Buffer.concat([jpeg.subarray(0, 2), header, body, jpeg.subarray(2)]);
}

/**
 * A 4000×3000 photo as a phone stores it: sideways with EXIF orientation 6 (so it is shown
 * 3000×4000, portrait), with camera make and model, artist, GPS position, XMP and IPTC.
 * Soft colour blobs plus grain, so it compresses like a photo and weighs several MB.
 */
export async function phonePhoto(): Promise<Buffer> {
  const [W, H] = [4000, 3000];
  const rand = noise(12345);
  const blobs = Buffer.alloc(40 * 30 * 3);
  for (let i = 0; i < blobs.length; i++) blobs[i] = rand();
  const px = await sharp(blobs, { raw: { width: 40, height: 30, channels: 3 } }).resize(W, H, { kernel: 'cubic' }).raw().toBuffer();
  for (let i = 0; i < px.length; i++) px[i] = Math.max(0, Math.min(255, px[i]! + (rand() >> 2) - 32));
  const jpeg = await sharp(px, { raw: { width: W, height: H, channels: 3 } })
    .jpeg({ quality: 90 })
    .withExif({
      IFD0: { Make: SECRETS.make, Model: SECRETS.model, Artist: SECRETS.artist },
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: '65/1 51/1 1234/100',
        GPSLongitudeRef: 'E',
        GPSLongitude: '23/1 7/1 4321/100',
      },
    })
    .withMetadata({ orientation: 6 })
    .withXmp(
      `<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>${SECRETS.xmpCreator}</dc:creator></rdf:Description></rdf:RDF></x:xmpmeta>`,
    )
    .toBuffer();
  return withIptc(jpeg, SECRETS.iptcByline);
}

/** A drawing rendered from SVG, in the format and size asked for. */
export async function drawing(width: number, height: number, format: 'png' | 'gif' | 'jpeg' | 'webp' | 'avif', transparent = false): Promise<Buffer> {
  const background = transparent ? '' : `<rect width="${width}" height="${height}" fill="#f3efe0"/>`;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">${background}
    <circle cx="${width / 2}" cy="${height / 2}" r="${Math.min(width, height) / 3}" fill="#c0392b"/>
    <rect x="${width / 10}" y="${height / 10}" width="${width / 4}" height="${height / 5}" fill="#005a9c"/></svg>`;
  const img = sharp(Buffer.from(svg));
  if (format === 'png') return img.png().toBuffer();
  if (format === 'gif') return img.gif().toBuffer();
  if (format === 'webp') return img.webp().toBuffer();
  if (format === 'avif') return img.avif({ effort: 0 }).toBuffer();
  return img.flatten({ background: '#ffffff' }).jpeg().toBuffer();
}

/** Pure noise: the worst case for compression, to push the size budget. */
export async function noiseImage(width: number, height: number): Promise<Buffer> {
  const rand = noise(777);
  const px = Buffer.alloc(width * height * 3);
  for (let i = 0; i < px.length; i++) px[i] = rand();
  return sharp(px, { raw: { width, height, channels: 3 } }).png({ compressionLevel: 1 }).toBuffer();
}
