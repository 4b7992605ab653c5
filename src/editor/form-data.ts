// Reads a submitted form (URL-encoded, or multipart when it carries an image) with busboy, with
// limits: a form is text fields and at most one image.
import type { IncomingMessage } from 'node:http';
import busboy from 'busboy';

/** Larger than any photo a phone makes; check warns above 20 MB anyway. */
export const MAX_UPLOAD_BYTES = 40 * 1024 * 1024;

export interface UploadedFile {
  field: string;
  name: string;
  data: Buffer;
}

export class FormData {
  constructor(
    readonly fields: Map<string, string[]>,
    readonly files: UploadedFile[],
  ) {}

  get(name: string): string {
    return this.fields.get(name)?.[0] ?? '';
  }

  all(name: string): string[] {
    return this.fields.get(name) ?? [];
  }

  has(name: string): boolean {
    return this.fields.has(name);
  }

  file(name: string): UploadedFile | undefined {
    return this.files.find((f) => f.field === name && f.data.length > 0);
  }
}

export function readForm(req: IncomingMessage): Promise<FormData> {
  return new Promise((resolve, reject) => {
    const fields = new Map<string, string[]>();
    const files: UploadedFile[] = [];
    let parser: busboy.Busboy;
    try {
      parser = busboy({ headers: req.headers, defParamCharset: 'utf8', limits: { files: 1, fileSize: MAX_UPLOAD_BYTES, fields: 200, fieldSize: 1024 * 1024 } });
    } catch (e) {
      reject(e);
      return;
    }
    parser.on('field', (name, value) => fields.set(name, [...(fields.get(name) ?? []), value]));
    parser.on('file', (field, stream, info) => {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('limit', () => reject(new Error('file too large')));
      stream.on('close', () => files.push({ field, name: info.filename ?? '', data: Buffer.concat(chunks) }));
    });
    parser.on('error', reject);
    parser.on('close', () => resolve(new FormData(fields, files)));
    req.pipe(parser);
  });
}
