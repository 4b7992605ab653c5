// Reads a text file from content/ the way a Windows editor may have saved it: a byte-order mark
// and CRLF line endings are accepted; anything that is not UTF-8 is a problem naming the file.
import { readFileSync, statSync } from 'node:fs';
import type { Problem } from './problems.ts';

/** Largest text file we accept: a bulletin is a few kB; megabytes mean something went wrong. */
export const MAX_TEXT_BYTES = 1024 * 1024;

export type TextResult = { ok: true; text: string } | { ok: false; problem: Problem };

function tooLarge(size: number, file: string): TextResult {
  return { ok: false, problem: { level: 'error', file, code: 'file.too-large', params: { size: Math.round(size / 1024), max: MAX_TEXT_BYTES / 1024 } } };
}

/** Decodes bytes as UTF-8, dropping a BOM and turning CRLF (and lone CR) into LF. */
export function decodeText(bytes: Uint8Array, file: string): TextResult {
  if (bytes.byteLength > MAX_TEXT_BYTES) return tooLarge(bytes.byteLength, file);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    const line = firstBadLine(bytes);
    return { ok: false, problem: { level: 'error', file, code: 'file.not-utf8', line, params: { line } } };
  }
  text = text.replace(/\r\n?/g, '\n');
  if (text.includes('\u0000')) {
    return { ok: false, problem: { level: 'error', file, code: 'file.not-utf8', line: 1, params: { line: 1 } } };
  }
  if (text.trim() === '') return { ok: false, problem: { level: 'error', file, code: 'file.empty' } };
  return { ok: true, text };
}

/** The line of the first byte sequence that is not UTF-8, so the officer can find it. */
function firstBadLine(bytes: Uint8Array): number {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let line = 1;
  let start = 0;
  for (let i = 0; i <= bytes.length; i++) {
    if (i === bytes.length || bytes[i] === 0x0a) {
      try {
        decoder.decode(bytes.subarray(start, i));
      } catch {
        return line;
      }
      line++;
      start = i + 1;
    }
  }
  return 1;
}

export function readTextFile(absPath: string, file: string): TextResult {
  try {
    const size = statSync(absPath).size;
    // Not read at all: a file of hundreds of megabytes is an error, not something to load.
    if (size > MAX_TEXT_BYTES) return tooLarge(size, file);
    return decodeText(readFileSync(absPath), file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { ok: false, problem: { level: 'error', file, code: 'file.missing' } };
    return { ok: false, problem: { level: 'error', file, code: 'file.unreadable', params: { detail: String(code ?? e) } } };
  }
}
