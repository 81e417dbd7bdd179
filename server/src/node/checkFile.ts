/**
 * Checking one letter file for the CLI, as a self-contained step: read, analyse, format. The CLI
 * runs it in its own thread for a few files and in worker threads (`pool.ts`) for many; both give
 * the same `FileReport`, so the output does not depend on how the work was split.
 */
import * as fs from 'fs';
import type { RuleLevel } from '../checks/types';
import { analyze } from '../engine';
import { decisionToJson, findingsToJson } from '../json';
import { defaultKnowledge, type Knowledge } from '../knowledge';
import { toSarif } from '../sarif';
import { LineIndex } from '../text/lineIndex';
import { loadMtusStore, type StoreContents } from './mtusStore';

/** How to check and what to produce (the CLI's options that matter per file). Plain data: it crosses to workers. */
export interface CheckFileOptions {
  format: 'text' | 'json' | 'sarif';
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

/**
 * Checks one file. `text` is given when the caller already has it (standard input, `-`); else the
 * file is read here. Never throws: an unreadable file gives a report that says so.
 */
export function checkFile(file: string, options: CheckFileOptions, text?: string): FileReport {
  if (text === undefined) {
    try {
      text = fs.readFileSync(file === '-' ? 0 : file, 'utf8');
    } catch (e) {
      const reason = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
      return { file, unreadable: true, hasError: false, stderr: `imr-check: cannot read ${file}: ${reason}\n` };
    }
  }
  const analysis = analyze(text, { knowledge: knowledgeFor(options), rules: options.rules });
  let stderr = '';
  for (const failure of analysis.failures) stderr += `imr-check: internal error in ${failure} (${file}); other checks ran\n`;
  for (const limit of analysis.decision.limits) stderr += `imr-check: ${file}: ${limit}\n`;
  const lines = new LineIndex(text);
  const report: FileReport = {
    file,
    unreadable: false,
    hasError: analysis.findings.some((f) => f.severity === 'error'),
    stderr,
  };
  if (options.format === 'json') {
    report.json = {
      file,
      decision: decisionToJson(analysis.decision, text, lines),
      diagnostics: findingsToJson(analysis.findings, text, lines),
    };
  } else if (options.format === 'sarif') {
    report.sarif = toSarif([{ file, findings: analysis.findings, lines }]).runs[0].results;
  } else {
    let out = '';
    for (const f of analysis.findings) {
      const p = lines.positionAt(f.start);
      out += `${file}:${p.line + 1}:${p.character + 1} ${f.severity} ${f.code} ${f.message}\n`;
    }
    report.text = out;
  }
  return report;
}
