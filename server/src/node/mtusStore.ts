/**
 * The store of imported MTUS guideline text, on disk: one folder (the extension's storage, or the
 * `imr.mtus.folder` setting) holding `<guidelineId>.json` (the extracted text) and `<guidelineId>.pdf`
 * (a copy of the PDF, so that hovers can link to a page). Files are written atomically (temporary
 * file, then rename), so a failed import leaves the previous data intact.
 */
import * as fs from 'fs';
import { createRequire } from 'module';
import * as os from 'os';
import * as path from 'path';
import { importedGuidelineProblem, type ImportedGuideline } from '../knowledge/mtusData';
import type { ImportOptions, ImportResult } from '../knowledge/mtusImport';
import { readRegularFile } from './regularFile';

/** The version of the JSON files this code writes and reads. */
export const STORE_VERSION = 1;

/** PDFs larger than this are refused (the guideline PDFs are a few MB). */
export const MAX_PDF_BYTES = 200 * 1024 * 1024;

/** Stored guideline files larger than this are refused (the text of a guideline is a few MB at most). */
export const MAX_STORE_FILE_BYTES = 64 * 1024 * 1024;

/** What the store holds, and one message per file that could not be used. */
export interface StoreContents {
  guidelines: ImportedGuideline[];
  problems: string[];
}

/** The extraction step (the pdf.js bundle); tests may pass their own. */
export type Extractor = (bytes: Uint8Array, options: ImportOptions) => Promise<ImportResult>;

/** What an import did, for the user. */
export type ImportOutcome =
  | { ok: true; guidelineId: string; name: string; printedPages: number; firstPrinted: number | null; lastPrinted: number | null; file: string; warnings: string[] }
  | { ok: false; error: string };

/** The CLI's store when no `--mtus-folder` is given: `~/.imr-decision-tools/mtus`. */
export function defaultMtusFolder(): string {
  return path.join(os.homedir(), '.imr-decision-tools', 'mtus');
}

/**
 * Reads every guideline in the store. A missing folder is an empty store; a file that is not valid
 * JSON or not an imported guideline gives one message and is skipped. Never throws.
 */
export function loadMtusStore(folder: string): StoreContents {
  const contents: StoreContents = { guidelines: [], problems: [] };
  let names: string[];
  try {
    names = fs.readdirSync(folder).filter((n) => n.endsWith('.json')).sort();
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT') contents.problems.push(`MTUS store: cannot read the folder ${folder} (${code ?? (e as Error).message}); no imported guideline text is used.`);
    return contents;
  }
  for (const name of names) {
    const file = path.join(folder, name);
    const read = readRegularFile(file, MAX_STORE_FILE_BYTES);
    if (!read.ok) {
      contents.problems.push(`MTUS store: ${file} ${unreadableText(read)}; it is ignored.`);
      continue;
    }
    let value: unknown;
    try {
      value = JSON.parse(read.bytes.toString('utf8'));
    } catch (e) {
      contents.problems.push(`MTUS store: ${file} is not valid JSON (${(e as Error).message}); it is ignored. Import the guideline PDF again to replace it.`);
      continue;
    }
    const stored = value as { storeVersion?: unknown; guideline?: unknown };
    if (typeof value !== 'object' || value === null || stored.storeVersion !== STORE_VERSION) {
      contents.problems.push(`MTUS store: ${file} was not written by this version (store version ${String(stored?.storeVersion)}); it is ignored. Import the guideline PDF again.`);
      continue;
    }
    const problem = importedGuidelineProblem(stored.guideline);
    if (problem) {
      contents.problems.push(`MTUS store: ${file} is damaged (${problem}); it is ignored. Import the guideline PDF again.`);
      continue;
    }
    const guideline = stored.guideline as ImportedGuideline;
    if (`${guideline.guidelineId}.json` !== name) {
      contents.problems.push(`MTUS store: ${file} holds ${guideline.guidelineId}, not what its name says; it is ignored.`);
      continue;
    }
    const pdf = path.join(folder, `${guideline.guidelineId}.pdf`);
    guideline.source = { ...guideline.source, pdf: fs.existsSync(pdf) ? pdf : undefined };
    contents.guidelines.push(guideline);
  }
  return contents;
}

/**
 * Writes one guideline (and its PDF copy) into the store, replacing an earlier import of it. Both
 * files are written to temporary names first and renamed only when both are complete.
 */
export function saveImportedGuideline(folder: string, guideline: ImportedGuideline, pdf?: Uint8Array): string {
  fs.mkdirSync(folder, { recursive: true });
  const { pdf: _dropped, ...source } = guideline.source;
  const stored = { storeVersion: STORE_VERSION, guideline: { ...guideline, source } };
  const targets: Array<{ file: string; data: string | Uint8Array }> = [];
  if (pdf) targets.push({ file: path.join(folder, `${guideline.guidelineId}.pdf`), data: pdf });
  targets.push({ file: path.join(folder, `${guideline.guidelineId}.json`), data: JSON.stringify(stored) });
  const temps: string[] = [];
  try {
    for (const target of targets) {
      const temp = `${target.file}.${process.pid}.${Date.now()}.tmp`;
      temps.push(temp);
      fs.writeFileSync(temp, target.data);
    }
    targets.forEach((target, i) => fs.renameSync(temps[i], target.file));
  } finally {
    for (const temp of temps) fs.rmSync(temp, { force: true });
  }
  return targets[targets.length - 1].file;
}

/**
 * Imports a guideline PDF into the store: reads it, extracts its text, recognises the guideline and
 * stores it. Never throws; on any failure the store is left as it was.
 */
export async function importMtusPdf(file: string, folder: string, extract?: Extractor): Promise<ImportOutcome> {
  const read = readRegularFile(file, MAX_PDF_BYTES);
  if (!read.ok) {
    if (read.reason === 'too-large') return { ok: false, error: `${file} is ${Math.round(read.size / 1024 / 1024)} MB, more than the ${MAX_PDF_BYTES / 1024 / 1024} MB allowed.` };
    if (read.reason === 'not-a-file') return { ok: false, error: `${file} is not a regular file (a folder, a pipe or a device); nothing was imported.` };
    return { ok: false, error: `Cannot read ${file} (${read.code}).` };
  }
  const bytes = new Uint8Array(read.bytes.buffer, read.bytes.byteOffset, read.bytes.byteLength);
  let result: ImportResult;
  try {
    result = await (extract ?? loadImporter())(bytes, { fileName: path.basename(file) });
  } catch (e) {
    return { ok: false, error: `Importing ${file} failed: ${(e as Error).message}` };
  }
  if (!result.ok) return result;
  let stored: string;
  try {
    stored = saveImportedGuideline(folder, result.guideline, bytes);
  } catch (e) {
    return { ok: false, error: `Cannot write the MTUS store in ${folder} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}); the previous data is unchanged.` };
  }
  // A loop, not Math.min(...printed): a spread of a huge page list would overflow the stack.
  let printedPages = 0;
  let firstPrinted: number | null = null;
  let lastPrinted: number | null = null;
  for (const page of result.guideline.pages) {
    if (page.printed === null) continue;
    printedPages++;
    if (firstPrinted === null || page.printed < firstPrinted) firstPrinted = page.printed;
    if (lastPrinted === null || page.printed > lastPrinted) lastPrinted = page.printed;
  }
  return {
    ok: true,
    guidelineId: result.guideline.guidelineId,
    name: result.name,
    printedPages,
    firstPrinted,
    lastPrinted,
    file: stored,
    warnings: result.warnings,
  };
}

function unreadableText(read: Exclude<ReturnType<typeof readRegularFile>, { ok: true }>): string {
  switch (read.reason) {
    case 'not-a-file':
      return 'is not a regular file (a folder, a pipe or a device)';
    case 'too-large':
      return `is ${Math.round(read.size / 1024 / 1024)} MB, more than the ${MAX_STORE_FILE_BYTES / 1024 / 1024} MB a stored guideline may have`;
    case 'unreadable':
      return `cannot be read (${read.code})`;
  }
}

/**
 * Loads the PDF importer only when needed: the PDF readers' bundle `pdfReaders.js` beside this code
 * (server/out), or the TypeScript source when running from sources (tests, tsx).
 */
export function loadImporter(): Extractor {
  const load = createRequire(__filename);
  const bundled = path.join(__dirname, 'pdfReaders.js');
  const source = path.join(__dirname, '..', 'pdf', 'readers.ts');
  const module = load(fs.existsSync(bundled) ? bundled : source) as { extractGuideline: Extractor };
  return module.extractGuideline;
}
