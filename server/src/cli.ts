import { CHECKS } from './checks';
import type { RuleLevel } from './checks/types';
import { mtusStoreOf, type FileReport, type SarifResults } from './node/checkFile';
import { defaultMtusFolder, importMtusPdf } from './node/mtusStore';
import { checkFiles, defaultJobs } from './node/pool';
import { toSarif } from './sarif';

const USAGE = `usage: imr-check [options] FILE...

Checks IMR final determination letters and prints their problems. FILE may be - for standard input.
  --format text        file:line:col severity code message (default)
  --format json        one JSON array: the decision model and diagnostics of each file
  --format sarif       SARIF 2.1.0, for code-scanning tools
  --rule CODE=LEVEL    set a rule's level: off, hint, information, warning, error (repeatable)
  --drug NAME          accept an extra drug name (repeatable)
  --mtus-folder DIR    where imported MTUS guideline text is kept (default ~/.imr-decision-tools/mtus)
  --import-mtus FILE   import an official MTUS guideline PDF into that folder, then check FILEs if any
  --jobs N             check in N worker threads (default: one per core for more than 50 files)
  --exit-zero          exit 0 even when errors are found (findings are a report, not a failure)
  --help               this text
  --version            the version
exit code: 0 no error found, 1 an error-severity problem found (0 with --exit-zero),
           2 bad usage or unreadable file`;

declare const __VERSION__: string;

interface Options {
  format: 'text' | 'json' | 'sarif';
  files: string[];
  rules: Record<string, RuleLevel>;
  drugs: string[];
  mtusFolder?: string;
  importMtus?: string;
  jobs?: number;
  /** Findings never make the exit code 1 (editor tasks: a report, not a failure). */
  exitZero?: boolean;
}

const LEVELS = new Set(['off', 'hint', 'information', 'warning', 'error']);

function parseArgs(argv: string[]): Options | string {
  const opts: Options = { format: 'text', files: [], rules: {}, drugs: [] };
  const codes = new Set(CHECKS.map((c) => c.code));
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const valueOf = () => (arg.includes('=') && arg.startsWith('--') && arg.indexOf('=') < arg.length ? arg.slice(arg.indexOf('=') + 1) : argv[++i]);
    if (arg === '--format' || arg.startsWith('--format=')) {
      const value = valueOf();
      if (value !== 'text' && value !== 'json' && value !== 'sarif') return `unknown format: ${value ?? '(none)'}`;
      opts.format = value;
    } else if (arg === '--rule') {
      const value = argv[++i] ?? '';
      const [code, level] = value.split('=');
      if (!codes.has(code)) return `unknown rule: ${code || '(none)'}`;
      if (!LEVELS.has(level)) return `unknown level for ${code}: ${level ?? '(none)'} (off, hint, information, warning, error)`;
      opts.rules[code] = level as RuleLevel;
    } else if (arg === '--mtus-folder' || arg === '--import-mtus') {
      const value = argv[++i];
      if (!value) return `${arg} needs a path`;
      if (arg === '--mtus-folder') opts.mtusFolder = value;
      else opts.importMtus = value;
    } else if (arg === '--drug') {
      const value = argv[++i];
      if (!value) return '--drug needs a name';
      opts.drugs.push(value);
    } else if (arg === '--jobs' || arg.startsWith('--jobs=')) {
      const value = valueOf();
      const n = Number(value);
      if (!Number.isInteger(n) || n < 1) return `--jobs needs a whole number of at least 1, not ${value ?? '(none)'}`;
      opts.jobs = n;
    } else if (arg === '--exit-zero') {
      opts.exitZero = true;
    } else if (arg === '--') {
      opts.files.push(...argv.slice(i + 1));
      break;
    } else if (arg.startsWith('-') && arg !== '-') {
      return `unknown option: ${arg}`;
    } else opts.files.push(arg);
  }
  if (opts.files.length === 0 && !opts.importMtus) return 'no files given';
  return opts;
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
  let code = 0;
  const results: unknown[] = [];
  const sarif: SarifResults = [];
  for (const problem of mtusStoreOf(mtusFolder).problems) err.write(`imr-check: ${problem}\n`);
  const print = (report: FileReport) => {
    if (report.stderr) err.write(report.stderr);
    if (report.unreadable) {
      code = 2;
      return;
    }
    if (report.hasError && code === 0 && !opts.exitZero) code = 1;
    if (report.json !== undefined) results.push(report.json);
    else if (report.sarif) for (const r of report.sarif) sarif.push(r);
    else if (report.text) out.write(report.text);
  };
  const jobs = opts.jobs ?? (opts.files.length > 50 ? defaultJobs() : 1);
  try {
    await checkFiles(opts.files, { format: opts.format, rules: opts.rules, drugs: opts.drugs, mtusFolder }, { jobs, onReport: print });
  } catch (e) {
    err.write(`imr-check: ${(e as Error)?.message ?? String(e)}\n`);
    return 2;
  }
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
