/**
 * A letter PDF as text: PDF bytes in, the letter's text out, lines and paragraphs rebuilt from the
 * positions of the text runs (`lines.ts`), pages separated by a line holding a form feed (as common
 * extractors give them), with where each page starts so that a finding can name its PDF page.
 * Pure (no file system); never throws: a PDF that cannot give a letter's text gives the reason.
 *
 * pdf.js is large, so this module is in the PDF readers' bundle (`server/out/pdfReaders.js`, see
 * `readers.ts`), loaded by the CLI and the language server only when a PDF is met
 * (`node/pdfLetter.ts`).
 */
import type { TextContent, TextItem } from 'pdfjs-dist/types/src/display/api';
import { pageLines, type TextRun } from './lines';
import { hasPdfHeader, openPdf } from './pdfjs';

/** The text of a letter PDF, and where its pages start in that text. */
export interface LetterText {
  text: string;
  /** Offset in `text` where each PDF page starts (page 1 at index 0). */
  pageStarts: number[];
  /** Said when not every page was read (a PDF far longer than a letter). */
  warning?: string;
}

/** Why a PDF gave no letter text: a reason for the user, and its kind (for tests and callers). */
export interface LetterPdfFailure {
  kind: 'empty' | 'not-pdf' | 'damaged' | 'password' | 'no-text';
  reason: string;
}

export type LetterPdfResult = ({ ok: true } & LetterText) | ({ ok: false } & LetterPdfFailure);

/** At most this many pages are read: a letter has a few dozen at most. */
export const MAX_LETTER_PAGES = 300;
/** Fewer visible characters than this per page on average: a scan without a text layer. */
const MIN_CHARS_PER_PAGE = 20;

/** Extracts the text of a letter PDF. Never throws. */
export async function extractLetterPdf(bytes: Uint8Array): Promise<LetterPdfResult> {
  if (bytes.length === 0) return { ok: false, kind: 'empty', reason: 'the file is empty' };
  if (!hasPdfHeader(bytes)) return { ok: false, kind: 'not-pdf', reason: 'it is not a PDF file (it does not start with %PDF)' };
  let pages: string[][];
  let total: number;
  try {
    ({ pages, total } = await readPages(bytes));
  } catch (e) {
    return failureOf(e);
  }
  const visible = pages.reduce((n, lines) => n + visibleChars(lines), 0);
  if (visible < MIN_CHARS_PER_PAGE * Math.max(1, pages.length)) {
    return { ok: false, kind: 'no-text', reason: 'it has no text layer (a scanned image?): run OCR on it first' };
  }
  const joined = joinPages(pages);
  if (total > pages.length) joined.warning = `only the first ${pages.length} of its ${total} pages were read`;
  return { ok: true, ...joined };
}

/** Pages joined by a line holding a form feed; each page's lines joined by line breaks. */
function joinPages(pages: readonly string[][]): LetterText {
  let text = '';
  const pageStarts: number[] = [];
  pages.forEach((lines, i) => {
    if (i > 0) text += '\n\f\n';
    pageStarts.push(text.length);
    text += lines.join('\n');
  });
  return { text: text + '\n', pageStarts };
}

async function readPages(bytes: Uint8Array): Promise<{ pages: string[][]; total: number }> {
  const task = await openPdf(bytes);
  try {
    const doc = await task.promise;
    const pages: string[][] = [];
    const count = Math.min(doc.numPages, MAX_LETTER_PAGES);
    for (let i = 1; i <= count; i++) {
      const page = await doc.getPage(i);
      const content = await page.getTextContent();
      pages.push(pageLines(runsOf(content)));
      page.cleanup();
    }
    return { pages, total: doc.numPages };
  } finally {
    await task.destroy();
  }
}

/** The text runs of a page content, with their baseline, width and font size. */
function runsOf(content: TextContent): TextRun[] {
  const runs: TextRun[] = [];
  for (const item of content.items) {
    if (!('str' in item) || item.str === '') continue;
    const t = (item as TextItem).transform as number[];
    const size = Math.hypot(t[2], t[3]) || item.height || 10;
    runs.push({ str: item.str, x: t[4], y: t[5], width: item.width, size });
  }
  return runs;
}

function visibleChars(lines: readonly string[]): number {
  let n = 0;
  for (const line of lines) for (const ch of line) if (ch !== ' ') n++;
  return n;
}

/** The user's reason for a pdf.js failure: a password, or a damaged file. */
function failureOf(e: unknown): { ok: false } & LetterPdfFailure {
  const name = (e as { name?: unknown } | null)?.name;
  if (name === 'PasswordException') {
    return { ok: false, kind: 'password', reason: 'it is protected by a password: open it with the password and save an unprotected copy first' };
  }
  const message = e instanceof Error ? e.message : String(e);
  const short = message.length > 200 ? `${message.slice(0, 200)}…` : message;
  return { ok: false, kind: 'damaged', reason: `it is damaged or not a readable PDF (${short})` };
}
