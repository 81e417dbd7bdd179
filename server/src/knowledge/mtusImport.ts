/**
 * Import of an official MTUS guideline PDF: PDF bytes in, the text of every page keyed by the printed
 * page number that decisions cite out. Pure (no file system): the Node side (`node/mtusStore.ts`)
 * reads the file and stores the result.
 *
 * pdf.js is large, so this module is in the PDF readers' bundle (`server/out/pdfReaders.js`, see
 * `../pdf/readers.ts`), loaded only when a PDF is met. pdf.js is loaded in-process by
 * `../pdf/pdfjs.ts`.
 */
import type { TextContent, TextItem } from 'pdfjs-dist/types/src/display/api';
import type { ContentsEntry, Guideline, ImportedGuideline, ImportedPage } from './mtusData';
import { loadMtusIndex, type MtusIndex } from './mtus';
import { hasPdfHeader, openPdf } from '../pdf/pdfjs';
import { isSpace } from '../text/space';

/** What the import produced: the guideline's text, or why there is none. */
export type ImportResult =
  | { ok: true; guideline: ImportedGuideline; name: string; warnings: string[] }
  | { ok: false; error: string };

export interface ImportOptions {
  /** The name of the imported file, kept with the text and used in messages. */
  fileName?: string;
  /** The index that lists the importable guidelines (default: the bundled one). */
  index?: MtusIndex;
  /** The clock (tests pass a fixed one). */
  now?: () => Date;
}

/** A line of text on a page, in reading order. */
interface Line {
  text: string;
  /** True when the line stands in the top or bottom band of the page (running header or footer). */
  margin: boolean;
}

/** One page as read from the PDF, before the printed number is known. */
interface RawPage {
  pdfIndex: number;
  lines: Line[];
  label: string | null;
}

const PAGE_OF = /\bPage\s+(\d{1,4})\s+of\s+(\d{1,4})\b/i;
const BARE_NUMBER = /^(?:-\s*)?(?:Page\s+)?(\d{1,4})(?:\s*-)?$/i;
/** Top and bottom fractions of the page treated as header and footer bands. */
const TOP_BAND = 0.1;
const BOTTOM_BAND = 0.12;

/**
 * Extracts a guideline PDF. Never throws: an unreadable, damaged or unknown PDF gives `{ ok: false,
 * error }` with a message for the user.
 */
export async function extractGuideline(bytes: Uint8Array, options: ImportOptions = {}): Promise<ImportResult> {
  try {
    return await extract(bytes, options);
  } catch (e) {
    return { ok: false, error: `${options.fileName ?? 'The PDF'} could not be imported (${errorText(e)}). Nothing was imported.` };
  }
}

async function extract(bytes: Uint8Array, options: ImportOptions): Promise<ImportResult> {
  const fileName = options.fileName ?? 'The PDF';
  if (bytes.length === 0) return { ok: false, error: `${fileName} is empty.` };
  if (!hasPdfHeader(bytes)) return { ok: false, error: `${fileName} is not a PDF file (it does not start with %PDF).` };
  let pages: RawPage[];
  let pdfPages: number;
  try {
    ({ pages, pdfPages } = await readPages(bytes));
  } catch (e) {
    return { ok: false, error: `${fileName} could not be read as a PDF: it is damaged or not a PDF (${errorText(e)}). Nothing was imported.` };
  }
  if (pages.length === 0) return { ok: false, error: `${fileName} has no pages.` };

  const index = options.index ?? loadMtusIndex();
  const which = recognise(pages, index.importable());
  if (typeof which === 'string') return { ok: false, error: `${fileName}: ${which}` };

  const warnings: string[] = [];
  const numbering = printedNumbers(pages);
  if (numbering.total !== null) {
    let highest = 0;
    for (const n of numbering.printed) if (n !== null && n > highest) highest = n;
    if (highest < numbering.total) {
      return {
        ok: false,
        error: `${fileName} stops at printed page ${highest} of ${numbering.total}: the PDF is incomplete or damaged. Nothing was imported.`,
      };
    }
  }
  if (numbering.printed.every((n) => n === null)) {
    warnings.push('No printed page numbers were found (no "Page N of M" footers, page labels or page numbers); PDF page order is used.');
    numbering.printed = pages.map((_, i) => i + 1);
  }
  const running = runningLines(pages);
  const imported: ImportedPage[] = pages.map((page, i) => {
    const out: ImportedPage = {
      printed: numbering.printed[i],
      pdfIndex: page.pdfIndex,
      text: page.lines
        .filter((l) => !(l.margin && (running.has(shape(l.text)) || PAGE_OF.test(l.text) || BARE_NUMBER.test(l.text))))
        .map((l) => l.text)
        .join('\n'),
    };
    if (page.label !== null) out.label = page.label;
    return out;
  });
  const guideline: ImportedGuideline = {
    guidelineId: which.id,
    pageCount: numbering.total,
    pages: imported,
    contents: contentsOf(pages, numbering.printed),
    source: { fileName, importedAt: (options.now ?? (() => new Date()))().toISOString(), pdfPages },
  };
  return { ok: true, guideline, name: which.name, warnings };
}

function errorText(e: unknown): string {
  const text = e instanceof Error ? e.message : String(e);
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}

async function readPages(bytes: Uint8Array): Promise<{ pages: RawPage[]; pdfPages: number }> {
  const task = await openPdf(bytes);
  try {
    const doc = await task.promise;
    let labels: string[] | null = null;
    try {
      labels = await doc.getPageLabels();
    } catch {
      labels = null;
    }
    const pages: RawPage[] = [];
    for (let i = 0; i < doc.numPages; i++) {
      const page = await doc.getPage(i + 1);
      const content = await page.getTextContent();
      const [, y0, , y1] = page.view;
      pages.push({ pdfIndex: i, lines: linesOf(content, y0, y1), label: labels?.[i] ?? null });
      page.cleanup();
    }
    return { pages, pdfPages: doc.numPages };
  } finally {
    await task.destroy();
  }
}

/** Groups text items into lines (same baseline), top to bottom, words spaced by their gaps. */
function linesOf(content: TextContent, bottom: number, top: number): Line[] {
  const rows: Array<{ y: number; size: number; parts: Array<{ x: number; width: number; str: string }> }> = [];
  for (const item of content.items) {
    if (!('str' in item) || item.str === '') continue;
    const t = (item as TextItem).transform as number[];
    const size = Math.hypot(t[2], t[3]) || item.height || 10;
    const row = rows.find((r) => Math.abs(r.y - t[5]) <= Math.max(r.size, size) * 0.4);
    const part = { x: t[4], width: item.width, str: item.str };
    if (row) row.parts.push(part);
    else rows.push({ y: t[5], size, parts: [part] });
  }
  const height = Math.max(1, top - bottom);
  return rows
    .sort((a, b) => b.y - a.y)
    .map((row) => {
      const parts = row.parts.sort((a, b) => a.x - b.x);
      let text = '';
      let end = -Infinity;
      for (const p of parts) {
        if (text && p.x - end > row.size * 0.15 && !/\s$/.test(text) && !/^\s/.test(p.str)) text += ' ';
        text += p.str;
        end = p.x + p.width;
      }
      const margin = row.y > top - height * TOP_BAND || row.y < bottom + height * BOTTOM_BAND;
      return { text: text.replace(/\s+/g, ' ').trim(), margin };
    })
    .filter((l) => l.text.length > 0);
}

/**
 * Which importable guideline the PDF is: its title on the first pages and in the running headers or
 * footers, its edition year there too. An explanation when none fits.
 */
function recognise(pages: RawPage[], importable: Guideline[]): Guideline | string {
  const front = pages.slice(0, 3).flatMap((p) => p.lines.map((l) => l.text)).join('\n');
  const margins = pages.flatMap((p) => p.lines.filter((l) => l.margin).map((l) => l.text));
  const identity = `${front}\n${margins.join('\n')}`;
  const scored: Array<{ guideline: Guideline; score: number }> = [];
  let titleOnly: Guideline | null = null;
  for (const g of importable) {
    if (!g.recognize) continue;
    const title = new RegExp(g.recognize.title, 'i');
    const score = (title.test(front) ? 3 : 0) + margins.filter((m) => title.test(m)).length;
    if (score === 0) continue;
    if (g.recognize.edition && !new RegExp(g.recognize.edition, 'i').test(identity)) {
      titleOnly ??= g;
      continue;
    }
    scored.push({ guideline: g, score });
  }
  if (scored.length === 0) {
    if (titleOnly) return `it looks like the ${withoutParenthesis(titleOnly.name)}, but its first pages and footers do not tell which edition (no year). Nothing was imported.`;
    const names = importable.map((g) => g.name).join('; ');
    const opening = front.replace(/\s+/g, ' ').trim().slice(0, 100);
    return `this is not an MTUS guideline that can be imported (${names}). Its first page reads "${opening}". Nothing was imported.`;
  }
  scored.sort((a, b) => b.score - a.score || (b.guideline.year ?? 0) - (a.guideline.year ?? 0));
  return scored[0].guideline;
}

/**
 * The printed page number of every PDF page: "Page N of M" in a header or footer first, then the
 * PDF's page labels (when they say more than 1, 2, 3...), then a lone number in a header or footer;
 * gaps between two numbered pages that agree are filled in.
 */
function printedNumbers(pages: RawPage[]): { printed: Array<number | null>; total: number | null } {
  const labelsInformative = pages.some((p, i) => p.label !== null && p.label !== String(i + 1));
  const totals = new Map<number, number>();
  const printed = pages.map((page): number | null => {
    const margin = page.lines.filter((l) => l.margin);
    for (const line of [...margin, ...page.lines.filter((l) => !l.margin && l.text.length < 200)]) {
      const m = PAGE_OF.exec(line.text);
      if (m) {
        totals.set(Number(m[2]), (totals.get(Number(m[2])) ?? 0) + 1);
        return Number(m[1]);
      }
    }
    if (labelsInformative && page.label !== null && /^\d{1,4}$/.test(page.label)) return Number(page.label);
    for (const line of margin) {
      const m = BARE_NUMBER.exec(line.text);
      if (m) return Number(m[1]);
    }
    return null;
  });
  // Fill a page without a number between two numbered pages that are the right distance apart.
  let last = -1;
  for (let i = 0; i < printed.length; i++) {
    const n = printed[i];
    if (n === null) continue;
    const before = last >= 0 ? printed[last] : null;
    if (before !== null && i - last > 1 && n - before === i - last) {
      for (let k = last + 1; k < i; k++) printed[k] = before + (k - last);
    }
    last = i;
  }
  let total: number | null = null;
  let votes = 0;
  for (const [t, count] of totals) {
    if (count > votes) {
      total = t;
      votes = count;
    }
  }
  return { printed, total };
}

/** Running header/footer lines ("... Page # of 127"): the same shape on at least half the pages. */
function runningLines(pages: RawPage[]): Set<string> {
  const counts = new Map<string, number>();
  for (const page of pages) {
    const seen = new Set(page.lines.filter((l) => l.margin).map((l) => shape(l.text)));
    for (const s of seen) counts.set(s, (counts.get(s) ?? 0) + 1);
  }
  const needed = Math.max(3, Math.ceil(pages.length / 2));
  return new Set([...counts].filter(([, count]) => count >= needed).map(([s]) => s));
}

/** A line with its digits masked, so that footers differing only by page number compare equal. */
function shape(line: string): string {
  return line.replace(/\d+/g, '#');
}

/** Table-of-contents entries ("Baclofen ........ 64") from the pages before the first printed page. */
function contentsOf(pages: RawPage[], printed: Array<number | null>): ContentsEntry[] {
  const entries: ContentsEntry[] = [];
  const firstPrinted = printed.findIndex((n) => n !== null);
  const front = firstPrinted < 0 ? pages.slice(0, 10) : pages.slice(0, Math.max(firstPrinted, 1));
  for (const page of front) {
    for (const line of page.lines) {
      const entry = leaderLine(line.text);
      if (entry && entry.title && entry.page > 0) entries.push(entry);
    }
  }
  return entries;
}

/** The longest title a table-of-contents line may have. */
const MAX_TITLE = 160;

/**
 * Reads a table-of-contents line: a title of 3 to 160 characters, a leader of at least three dots
 * (spaces between them allowed) or of ellipsis characters, and a page number of 1 to 4 digits at
 * the end ("Baclofen ........ 64", "Opioids … 74"). The title is trimmed; null when the line is not
 * such an entry. Scanned from the end (no regular expression), so any line costs linear time.
 */
export function leaderLine(text: string): ContentsEntry | null {
  let digits = text.length;
  while (digits > 0 && isDigit(text[digits - 1])) digits--;
  const count = text.length - digits;
  if (count < 1 || count > 4) return null;
  const page = Number(text.slice(digits));
  // Dotted leader: the title ends where the run of dots and spaces before the number starts.
  let run = digits;
  while (run > 0 && (text[run - 1] === '.' || isSpace(text.charCodeAt(run - 1)))) run--;
  let end = Math.max(3, run);
  if (isTitle(text, end) && dotsIn(text, end, digits) >= 3) return { title: text.slice(0, end).trim(), page };
  // Ellipsis leader: spaces, one or more "…", spaces.
  run = digits;
  while (run > 0 && isSpace(text.charCodeAt(run - 1))) run--;
  const ellipsisEnd = run;
  while (run > 0 && text[run - 1] === '…') run--;
  if (run === ellipsisEnd) return null;
  while (run > 0 && isSpace(text.charCodeAt(run - 1))) run--;
  end = Math.max(3, run);
  if (isTitle(text, end) && text.slice(end, digits).includes('…')) return { title: text.slice(0, end).trim(), page };
  return null;
}

/** Whether the first `end` characters can be an entry's title: at most MAX_TITLE, on one line. */
function isTitle(text: string, end: number): boolean {
  return end <= MAX_TITLE && end <= text.length && !/[\n\r\u2028\u2029]/.test(text.slice(0, end));
}

function dotsIn(text: string, from: number, to: number): number {
  let dots = 0;
  for (let i = from; i < to; i++) if (text[i] === '.') dots++;
  return dots;
}

function isDigit(ch: string): boolean {
  return ch >= '0' && ch <= '9';
}

/** A name without its trailing parenthesis: "Chronic Pain Medical Treatment Guidelines (2009)" → "Chronic Pain Medical Treatment Guidelines". */
function withoutParenthesis(name: string): string {
  if (!name.endsWith(')')) return name;
  const lineStart = 1 + Math.max(name.lastIndexOf('\n'), name.lastIndexOf('\r'), name.lastIndexOf('\u2028'), name.lastIndexOf('\u2029'));
  const open = name.indexOf('(', lineStart);
  return open < 0 ? name : name.slice(0, open).trimEnd();
}
