/**
 * Checking one letter file for the CLI, as a self-contained step: read (a PDF is extracted first),
 * analyse, format. The CLI runs it in its own thread for a few files and in worker threads
 * (`pool.ts`) for many; both give the same `FileReport`, so the output does not depend on how the
 * work was split.
 */
import * as fs from 'fs';
import type { RuleLevel } from '../checks/types';
import { decisionToCsv } from '../csv';
import { analyze, type Analysis } from '../engine';
import { looksLikeLetter } from '../features/detect';
import { decisionToJson, findingsToJson } from '../json';
import { defaultKnowledge, type Knowledge } from '../knowledge';
import { pageAt } from '../pdf/pages';
import { toSarif } from '../sarif';
import { LineIndex } from '../text/lineIndex';
import { loadMtusStore, type StoreContents } from './mtusStore';
import { isPdfName, readLetterPdf } from './pdfLetter';

/** The CLI's output formats. */
export type OutputFormat = 'text' | 'json' | 'sarif' | 'csv' | 'ndjson';

/** How to check and what to produce (the CLI's options that matter per file). Plain data: it crosses to workers. */
export interface CheckFileOptions {
  format: OutputFormat;
  rules: Record<string, RuleLevel>;
  /** Extra drug names to accept (`--drug`). */
  drugs: string[];
  /** The store of imported MTUS guideline text (`--mtus-folder`); none: the bundled index only. */
  mtusFolder?: string;
}

/** SARIF results of one file (the `results` entries of a SARIF run). */
export type SarifResults = ReturnType<typeof toSarif>['runs'][number]['results'];

/** What checking one file gave, ready to print. Plain data: it crosses back from workers. */
export interface FileReport {
  file: string;
  /** The file could not be read (exit code 2); nothing else is set but `stderr`. */
  unreadable: boolean;
  /** An error-severity problem was found (exit code 1). */
  hasError: boolean;
  /** Lines for standard error (unreadable file, a check that failed), each ending with a newline. */
  stderr: string;
  /** `--format text`: the lines to print. */
  text?: string;
  /** `--format json`: the file's entry of the output array. */
  json?: unknown;
  /** `--format sarif`: the file's results. */
  sarif?: SarifResults;
  /** `--format csv`: the file's rows (one per disputed item), each ended by CRLF. */
  csv?: string;
  /** `--format ndjson`: the file's line (its JSON entry), ended by a newline. */
  ndjson?: string;
}

const stores = new Map<string, StoreContents>();

/** The MTUS store of a folder, read once per process (or worker). Its `problems` are for the user. */
export function mtusStoreOf(folder: string): StoreContents {
  let store = stores.get(folder);
  if (!store) {
    store = loadMtusStore(folder);
    stores.set(folder, store);
  }
  return store;
}

let knowledgeKey: string | undefined;
let knowledgeValue: Knowledge | undefined;

/** The bundled knowledge plus the extra drug names and the imported guidelines, built once per options. */
function knowledgeFor(options: CheckFileOptions): Knowledge {
  const key = JSON.stringify([options.drugs, options.mtusFolder ?? null]);
  if (key !== knowledgeKey || !knowledgeValue) {
    const base = defaultKnowledge();
    const imported = options.mtusFolder !== undefined ? mtusStoreOf(options.mtusFolder).guidelines : [];
    knowledgeValue = {
      drugs: options.drugs.length ? base.drugs.withExtra(options.drugs) : base.drugs,
      mtus: imported.length ? base.mtus.withImported(imported) : base.mtus,
    };
    knowledgeKey = key;
  }
  return knowledgeValue;
}

/** A letter's text, and for a PDF where its pages start (findings then name their page). */
interface LetterSource {
  text: string;
  pageStarts?: number[];
  /** A note for standard error (a PDF not read whole). */
  note?: string;
}

/**
 * Checks one file. `text` is given when the caller already has it (standard input, `-`); else the
 * file is read here (a `.pdf` is extracted). Never throws: an unreadable file, or a PDF that gives
 * no letter, gives a report that says so in one line.
 */
export async function checkFile(file: string, options: CheckFileOptions, text?: string): Promise<FileReport> {
  const source = text !== undefined ? { text } : await readSource(file);
  if (typeof source === 'string') return { file, unreadable: true, hasError: false, stderr: `imr-check: ${source}\n` };
  const analysis = analyze(source.text, { knowledge: knowledgeFor(options), rules: options.rules });
  let stderr = source.note ? `imr-check: ${file}: ${source.note}\n` : '';
  for (const failure of analysis.failures) stderr += `imr-check: internal error in ${failure} (${file}); other checks ran\n`;
  for (const limit of analysis.decision.limits) stderr += `imr-check: ${file}: ${limit}\n`;
  const report: FileReport = {
    file,
    unreadable: false,
    hasError: analysis.findings.some((f) => f.severity === 'error'),
    stderr,
  };
  format(report, source, analysis, options.format);
  return report;
}

/** The text of a file, or the one-line reason it has none. */
async function readSource(file: string): Promise<LetterSource | string> {
  if (file !== '-' && isPdfName(file)) {
    const pdf = await readLetterPdf(file);
    if (!pdf.ok) return `cannot read ${file}: ${pdf.reason}`;
    if (!looksLikeLetter(pdf.text)) return `cannot read ${file}: it is not an IMR determination letter (no letter header, sections or disputed items in its text)`;
    return { text: pdf.text, pageStarts: pdf.pageStarts, note: pdf.warning };
  }
  try {
    return { text: fs.readFileSync(file === '-' ? 0 : file, 'utf8') };
  } catch (e) {
    const reason = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
    return `cannot read ${file}: ${reason}`;
  }
}

/** Fills the report's output in the format asked for. */
function format(report: FileReport, source: LetterSource, analysis: Analysis, as: OutputFormat): void {
  const { text, pageStarts } = source;
  const file = report.file;
  const lines = new LineIndex(text);
  const pageOf = (offset: number) => (pageStarts ? pageAt(pageStarts, offset) : undefined);
  if (as === 'json' || as === 'ndjson') {
    const diagnostics = findingsToJson(analysis.findings, text, lines).map((d, i) =>
      pageStarts ? { ...d, page: pageOf(analysis.findings[i].start) } : d,
    );
    const entry = { file, decision: decisionToJson(analysis.decision, text, lines), diagnostics };
    if (as === 'json') report.json = entry;
    else report.ndjson = JSON.stringify(entry) + '\n';
  } else if (as === 'sarif') {
    report.sarif = toSarif([{ file, findings: analysis.findings, lines, pageOf }]).runs[0].results;
  } else if (as === 'csv') {
    report.csv = decisionToCsv(file, analysis.decision, analysis.findings.length);
  } else {
    let out = '';
    for (const f of analysis.findings) {
      const p = lines.positionAt(f.start);
      const page = pageStarts ? ` (page ${pageOf(f.start)})` : '';
      out += `${file}:${p.line + 1}:${p.character + 1}${page} ${f.severity} ${f.code} ${f.message}\n`;
    }
    report.text = out;
  }
}
