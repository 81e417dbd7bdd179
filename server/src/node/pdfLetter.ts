/**
 * Reading a letter PDF from disk for the CLI and the language server: a bounded read of a regular
 * file, then the PDF readers' bundle (`pdfReaders.js`, pdf.js inside), loaded the first time a
 * PDF is met. Never throws: a file that gives no letter text gives one reason for the user.
 */
import * as fs from 'fs';
import { createRequire } from 'module';
import * as path from 'path';
import { looksLikeLetter } from '../features/detect';
import type { OpenLetterPdfResult } from '../features/requests';
import { parse } from '../parser/parse';
import type { LetterPdfResult } from '../pdf/letterPdf';
import { readRegularFile } from './regularFile';

/** A letter PDF larger than this is refused: posted letters are a few hundred kilobytes. */
export const MAX_LETTER_PDF_BYTES = 50 * 1024 * 1024;

/** The text of a letter PDF and where its pages start, or why there is none. */
export type LetterPdfRead =
  | { ok: true; text: string; pageStarts: number[]; warning?: string }
  | { ok: false; reason: string };

type Extractor = (bytes: Uint8Array) => Promise<LetterPdfResult>;
let extractor: Extractor | undefined;

/** True for a file name that names a PDF (by its extension, any case). */
export function isPdfName(file: string): boolean {
  return path.extname(file).toLowerCase() === '.pdf';
}

/** Reads and extracts a letter PDF. */
export async function readLetterPdf(file: string): Promise<LetterPdfRead> {
  const read = readRegularFile(file, MAX_LETTER_PDF_BYTES);
  if (!read.ok) {
    if (read.reason === 'not-a-file') return { ok: false, reason: 'it is not a regular file' };
    if (read.reason === 'too-large') {
      return { ok: false, reason: `it is ${megabytes(read.size)} MB, more than the ${megabytes(MAX_LETTER_PDF_BYTES)} MB a letter PDF may have` };
    }
    return { ok: false, reason: read.code };
  }
  try {
    const result = await loadExtractor()(new Uint8Array(read.bytes.buffer, read.bytes.byteOffset, read.bytes.byteLength));
    if (!result.ok) return { ok: false, reason: result.reason };
    return { ok: true, text: result.text, pageStarts: result.pageStarts, ...(result.warning ? { warning: result.warning } : {}) };
  } catch (e) {
    return { ok: false, reason: `the PDF reader failed (${e instanceof Error ? e.message : String(e)})` };
  }
}

/**
 * A letter PDF for the editor (`imr/openLetterPdf`): its text and case number, or one message that
 * names the file and the reason.
 */
export async function letterPdfForEditor(file: string): Promise<OpenLetterPdfResult> {
  const name = path.basename(file);
  const pdf = await readLetterPdf(file);
  if (!pdf.ok) return { ok: false, error: `${name} cannot be opened as a letter: ${pdf.reason}.` };
  if (!looksLikeLetter(pdf.text)) return { ok: false, error: `${name} is not an IMR determination letter (no letter header, sections or disputed items in its text).` };
  const caseNumber = parse(pdf.text).header?.fields.find((f) => f.name === 'caseNumber')?.value.text || null;
  return { ok: true, text: pdf.text, caseNumber, pages: pdf.pageStarts.length };
}

function megabytes(bytes: number): number {
  return Math.round(bytes / 1024 / 1024);
}

/**
 * Loads the PDF readers' bundle `pdfReaders.js` beside this code (server/out), or the TypeScript
 * source when running from sources (tests, tsx).
 */
function loadExtractor(): Extractor {
  if (!extractor) {
    const load = createRequire(__filename);
    const bundled = path.join(__dirname, 'pdfReaders.js');
    const source = path.join(__dirname, '..', 'pdf', 'readers.ts');
    const module = load(fs.existsSync(bundled) ? bundled : source) as { extractLetterPdf: Extractor };
    extractor = module.extractLetterPdf;
  }
  return extractor;
}
