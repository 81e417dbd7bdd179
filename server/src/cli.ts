import { parseArgs as parseCommandLine } from 'node:util';
import { CHECKS } from './checks';
import type { RuleLevel } from './checks/types';
import { csvHeader } from './csv';
import { mtusStoreOf, type FileReport, type OutputFormat, type SarifResults } from './node/checkFile';
import { expandLetterFiles } from './node/letterFiles';
import { defaultMtusFolder, importMtusPdf } from './node/mtusStore';
import { OutputBuffer } from './node/outputBuffer';
import { checkFiles, defaultJobs } from './node/pool';
import { Progress } from './node/progress';
import { toSarif } from './sarif';

const USAGE = `usage: imr-check [options] FILE|DIR...

Checks IMR final determination letters and prints their problems. FILE may be a letter's text
(.imr, .txt, .md), a letter PDF (.pdf), or - for standard input; DIR: every letter under it.
  --format text        file:line:col severity code message (default); for a PDF: file:line:col (page N) ...
  --format json        one JSON array: the decision model and diagnostics of each file
  --format sarif       SARIF 2.1.0, for code-scanning tools
  --format csv         one row per disputed item, with a header row (RFC 4180, UTF-8)
  --format ndjson      one line per file (its JSON entry), written as soon as the file is checked
  --rule CODE=LEVEL    set a rule's level: off, hint, information, warning, error (repeatable)
  --drug NAME          accept an extra drug name (repeatable)
  --ignore GLOB        skip what matches under a DIR, .gitignore-style: *, ?, **, dir/ (repeatable)
  --mtus-folder DIR    where imported MTUS guideline text is kept (default ~/.imr-decision-tools/mtus)
  --import-mtus FILE   import an official MTUS guideline PDF into that folder, then check FILEs if any
  --jobs N             check in N threads: this one and N-1 workers (default: one per core for more than 50 files)
  --exit-zero          exit 0 even when errors are found (findings are a report, not a failure)
  --help               this text
  --version            the version
exit code: 0 no error found, 1 an error-severity problem found (0 with --exit-zero),
           2 bad usage or unreadable file`;

declare const __VERSION__: string;

interface Options {
  format: OutputFormat;
  files: string[];
  rules: Record<string, RuleLevel>;
  drugs: string[];
  ignore: string[];
  mtusFolder?: string;
  importMtus?: string;
  jobs?: number;
  exitZero?: boolean;
}

const LEVELS = new Set(['off', 'hint', 'information', 'warning', 'error']);
const FORMATS = new Set(['text', 'json', 'sarif', 'csv', 'ndjson']);

const OPTION_SPEC = {
  format: { type: 'string' },
  rule: { type: 'string', multiple: true },
  drug: { type: 'string', multiple: true },
  ignore: { type: 'string', multiple: true },
  'mtus-folder': { type: 'string' },
  'import-mtus': { type: 'string' },
  jobs: { type: 'string' },
  'exit-zero': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean' },
} as const;

/** What each option needs when it is given without a value. */
const NEEDS: Record<string, string> = {
  format: 'unknown format: (none)',
  rule: 'unknown rule: (none)',
  drug: '--drug needs a name',
  ignore: '--ignore needs a pattern',
  'mtus-folder': '--mtus-folder needs a path',
  'import-mtus': '--import-mtus needs a path',
  jobs: '--jobs needs a whole number of at least 1, not (none)',
};

/** The options, or a message saying what is wrong with them. */
function parseArgs(argv: string[]): Options | string {
  let parsed;
  try {
    parsed = parseCommandLine({ args: argv, options: OPTION_SPEC, allowPositionals: true, strict: true });
  } catch (e) {
    return usageError(e as Error & { code?: string });
  }
  const { values, positionals } = parsed;
  const opts: Options = { format: 'text', files: positionals, rules: {}, drugs: values.drug ?? [], ignore: values.ignore ?? [] };
  if (values.format !== undefined) {
    if (!FORMATS.has(values.format)) return `unknown format: ${values.format}`;
    opts.format = values.format as OutputFormat;
  }
  const codes = new Set(CHECKS.map((c) => c.code));
  for (const value of values.rule ?? []) {
    const [code, level] = value.split('=');
    if (!codes.has(code)) return `unknown rule: ${code || '(none)'}`;
    if (!LEVELS.has(level)) return `unknown level for ${code}: ${level ?? '(none)'} (off, hint, information, warning, error)`;
    opts.rules[code] = level as RuleLevel;
  }
  if (values['mtus-folder'] !== undefined) opts.mtusFolder = values['mtus-folder'];
  if (values['import-mtus'] !== undefined) opts.importMtus = values['import-mtus'];
  if (values.jobs !== undefined) {
    const n = Number(values.jobs);
    if (!Number.isInteger(n) || n < 1) return `--jobs needs a whole number of at least 1, not ${values.jobs}`;
    opts.jobs = n;
  }
  if (values['exit-zero']) opts.exitZero = true;
  if (opts.files.length === 0 && !opts.importMtus) return 'no files given';
  return opts;
}

/** node:util's messages, in the CLI's words. */
function usageError(e: Error & { code?: string }): string {
  const name = /'--?([\w-]+)/.exec(e.message)?.[1] ?? '';
  if (e.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return `unknown option: ${name.length === 1 ? '-' : '--'}${name}`;
  if (e.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && NEEDS[name]) return NEEDS[name];
  return e.message.split('\n')[0];
}

/** Runs the CLI; returns the exit code. Exported for tests. */
export async function main(argv: string[], out: NodeJS.WritableStream = process.stdout, err: NodeJS.WritableStream = process.stderr): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    out.write(USAGE + '\n');
    return 0;
  }
  if (argv.includes('--version')) {
    out.write(`${typeof __VERSION__ === 'string' ? __VERSION__ : 'dev'}\n`);
    return 0;
  }
  const opts = parseArgs(argv);
  if (typeof opts === 'string') {
    err.write(`imr-check: ${opts}\n${USAGE}\n`);
    return 2;
  }
  const mtusFolder = opts.mtusFolder ?? defaultMtusFolder();
  if (opts.importMtus) {
    const outcome = await importMtusPdf(opts.importMtus, mtusFolder);
    if (!outcome.ok) {
      err.write(`imr-check: ${outcome.error}\n`);
      return 2;
    }
    for (const warning of outcome.warnings) err.write(`imr-check: ${warning}\n`);
    out.write(`Imported ${outcome.name}: printed pages ${outcome.firstPrinted ?? '?'}-${outcome.lastPrinted ?? '?'} into ${outcome.file}\n`);
    if (opts.files.length === 0) return 0;
  }
  for (const problem of mtusStoreOf(mtusFolder).problems) err.write(`imr-check: ${problem}\n`);
  return checkAll(opts, mtusFolder, out, err);
}

/** Checks every file (folders expanded), printing as each report comes in; returns the exit code. */
async function checkAll(opts: Options, mtusFolder: string, out: NodeJS.WritableStream, err: NodeJS.WritableStream): Promise<number> {
  const expanded = expandLetterFiles(opts.files, opts.ignore);
  let code = expanded.problems.length > 0 ? 2 : 0;
  for (const problem of expanded.problems) err.write(`imr-check: ${problem}\n`);
  const results: unknown[] = [];
  const sarif: SarifResults = [];
  const progress = new Progress(expanded.files.length, err === process.stderr ? process.stderr : { write: () => true });
  // Standard output in large writes; written out before anything goes to standard error.
  const output = new OutputBuffer(out as NodeJS.WritableStream & { isTTY?: boolean });
  const warn = (text: string) => {
    output.flush();
    err.write(text);
  };
  if (opts.format === 'csv') output.write(csvHeader());
  const print = (report: FileReport) => {
    // The progress line is erased before anything is printed, and drawn again after.
    progress.finish();
    if (report.stderr) warn(report.stderr);
    if (report.unreadable) code = 2;
    else {
      if (report.hasError && code === 0 && !opts.exitZero) code = 1;
      if (report.json !== undefined) results.push(report.json);
      else if (report.sarif) for (const r of report.sarif) sarif.push(r);
      else {
        const text = report.text ?? report.csv ?? report.ndjson;
        if (text) output.write(text);
      }
    }
    progress.tick();
  };
  const jobs = opts.jobs ?? (expanded.files.length > 50 ? defaultJobs() : 1);
  try {
    await checkFiles(expanded.files, { format: opts.format, rules: opts.rules, drugs: opts.drugs, mtusFolder }, { jobs, onReport: print });
  } catch (e) {
    progress.finish();
    warn(`imr-check: ${(e as Error)?.message ?? String(e)}\n`);
    return 2;
  }
  progress.finish();
  output.flush();
  if (opts.format === 'json') out.write(JSON.stringify(results, null, 2) + '\n');
  if (opts.format === 'sarif') {
    const log = toSarif([]);
    log.runs[0].results = sarif;
    out.write(JSON.stringify(log, null, 2) + '\n');
  }
  return code;
}

if (require.main === module) {
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
