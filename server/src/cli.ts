import * as fs from 'fs';
import { CHECKS } from './checks';
import type { RuleLevel } from './checks/types';
import { analyze } from './engine';
import { defaultKnowledge, type Knowledge } from './knowledge';
import { defaultMtusFolder, importMtusPdf, loadMtusStore } from './node/mtusStore';
import { toSarif, type SarifInput } from './sarif';
import { decisionToJson, findingsToJson } from './json';
import { LineIndex } from './text/lineIndex';

const USAGE = `usage: imr-check [options] FILE...

Checks IMR final determination letters and prints their problems. FILE may be - for standard input.
  --format text        file:line:col severity code message (default)
  --format json        one JSON array: the decision model and diagnostics of each file
  --format sarif       SARIF 2.1.0, for code-scanning tools
  --rule CODE=LEVEL    set a rule's level: off, hint, information, warning, error (repeatable)
  --drug NAME          accept an extra drug name (repeatable)
  --mtus-folder DIR    where imported MTUS guideline text is kept (default ~/.imr-decision-tools/mtus)
  --import-mtus FILE   import an official MTUS guideline PDF into that folder, then check FILEs if any
  --help               this text
  --version            the version
exit code: 0 no error found, 1 an error-severity problem found, 2 bad usage or unreadable file`;

declare const __VERSION__: string;

interface Options {
  format: 'text' | 'json' | 'sarif';
  files: string[];
  rules: Record<string, RuleLevel>;
  drugs: string[];
  mtusFolder?: string;
  importMtus?: string;
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
  const sarif: SarifInput[] = [];
  const base = defaultKnowledge();
  const store = loadMtusStore(mtusFolder);
  for (const problem of store.problems) err.write(`imr-check: ${problem}\n`);
  const knowledge: Knowledge = {
    drugs: opts.drugs.length ? base.drugs.withExtra(opts.drugs) : base.drugs,
    mtus: store.guidelines.length ? base.mtus.withImported(store.guidelines) : base.mtus,
  };
  for (const file of opts.files) {
    let text: string;
    try {
      text = fs.readFileSync(file === '-' ? 0 : file, 'utf8');
    } catch (e) {
      err.write(`imr-check: cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}\n`);
      code = 2;
      continue;
    }
    const analysis = analyze(text, { knowledge, rules: opts.rules });
    for (const failure of analysis.failures) err.write(`imr-check: internal error in ${failure} (${file}); other checks ran\n`);
    for (const limit of analysis.decision.limits) err.write(`imr-check: ${file}: ${limit}\n`);
    const lines = new LineIndex(text);
    if (analysis.findings.some((f) => f.severity === 'error') && code === 0) code = 1;
    if (opts.format === 'json') {
      results.push({
        file,
        decision: decisionToJson(analysis.decision, text, lines),
        diagnostics: findingsToJson(analysis.findings, text, lines),
      });
    } else if (opts.format === 'sarif') {
      sarif.push({ file, findings: analysis.findings, lines });
    } else {
      for (const f of analysis.findings) {
        const p = lines.positionAt(f.start);
        out.write(`${file}:${p.line + 1}:${p.character + 1} ${f.severity} ${f.code} ${f.message}\n`);
      }
    }
  }
  if (opts.format === 'json') out.write(JSON.stringify(results, null, 2) + '\n');
  if (opts.format === 'sarif') out.write(JSON.stringify(toSarif(sarif), null, 2) + '\n');
  return code;
}

if (require.main === module) {
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
