/**
 * `npm run bench`: measures the analysis engine, the language server, the CLI and the extension
 * package, prints one table and writes `bench/results.json`. It reports; it never fails on a
 * missed target (the exit code is 0 unless the bench itself breaks).
 *
 *   node --import tsx bench/run.ts           the full bench (a few minutes on 2 cores)
 *   node --import tsx bench/run.ts --quick   smaller inputs, for a smoke run
 *
 * Every figure is the median (or p50/p95) of several runs after a warm-up, in this one process
 * and the processes it starts, one measure after the other, so that ratios compare like with like.
 * See the README section "Performance" for what each figure means.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { build } from 'esbuild';
import { analyze } from '../server/src/engine';
import { defaultKnowledge } from '../server/src/knowledge';
import { measureCli, writeLetters, type CliResult } from './cli';
import { buildCorpus, buildLargeLetter, buildLetters } from './corpus';
import { longestLetter, measureEditor } from './editor';
import { measurePdf } from './pdf';
import { measureScaling } from './scaling';
import { measureLargeLetterServer, measureMemory } from './server';
import { measureSizes } from './sizes';
import { latency, median, round, type Latency } from './stats';
import { printTable, targetsOf } from './table';
import { measureThroughput } from './throughput';

const repo = path.resolve(__dirname, '..');
const outDir = path.join(repo, 'bench', 'out');
const dwcDir = path.join(repo, '..', 'shared', 'corpus', 'dwc-2017');
const quick = process.argv.includes('--quick');

const SIZE = quick
  ? { corpusBytes: 2e6, largeBytes: 300_000, largeItems: 60, cliFiles: 1000, cliRounds: 1, openLetters: 200, edits: 16, requests: 30, rounds: 3 }
  : { corpusBytes: 10e6, largeBytes: 1_000_000, largeItems: 200, cliFiles: 10_000, cliRounds: 3, openLetters: 1000, edits: 40, requests: 60, rounds: 5 };

function log(message: string): void {
  process.stderr.write(`[bench] ${message}\n`);
}

/** The helper bundles the bench starts as processes: markdown-it over files (mdCli.ts), the activation stand-in. */
async function buildHelpers(): Promise<{ mdCli: string; activation: string }> {
  const common = { bundle: true, platform: 'node' as const, format: 'cjs' as const, target: 'node18', logLevel: 'error' as const };
  const mdCli = path.join(outDir, 'md-cli.js');
  const activation = path.join(outDir, 'activation.js');
  await Promise.all([
    build({ ...common, entryPoints: [path.join(repo, 'bench', 'mdCli.ts')], outfile: mdCli, minify: true }),
    build({ ...common, entryPoints: [path.join(repo, 'bench', 'activation.ts')], outfile: activation }),
  ]);
  return { mdCli, activation };
}

/** The real letters' texts (../shared/corpus/dwc-2017/*.txt), sorted by name; empty when absent. */
function realDwcLetters(): string[] {
  if (!fs.existsSync(dwcDir)) return [];
  return fs
    .readdirSync(dwcDir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => fs.readFileSync(path.join(dwcDir, f), 'utf8'));
}

/** Analysis of the large letter in this process: `runs` timed runs after two warm-ups. */
function measureAnalysis(text: string, runs: number): Latency {
  const knowledge = defaultKnowledge();
  analyze(text, { knowledge });
  analyze(text, { knowledge });
  const times: number[] = [];
  for (let k = 0; k < runs; k++) {
    const start = performance.now();
    analyze(text, { knowledge });
    times.push(performance.now() - start);
  }
  return latency(times);
}

/**
 * A yardstick for activation: how long Node itself takes to start and exit (`node -e 0`), median of
 * `runs`. Activation starts one Node process (the server), so it can never be faster than this.
 */
function nodeStartMs(runs: number): number {
  const times: number[] = [];
  for (let k = 0; k < runs + 1; k++) {
    const start = performance.now();
    spawnSync(process.execPath, ['-e', '0']);
    if (k > 0) times.push(performance.now() - start);
  }
  return round(median(times), 1);
}

interface ActivationResult {
  runs: number;
  totalMs: Latency;
  loadMs: Latency;
  activateMs: Latency;
  /** `node -e 0` on this machine (see nodeStartMs). */
  nodeStartMs: number;
}

/** Activation of the production build (see activation.ts), `runs` fresh processes after one warm-up. */
function measureActivation(script: string, root: string, runs: number): ActivationResult {
  const samples: Array<{ loadMs: number; activateMs: number; totalMs: number }> = [];
  for (let k = 0; k < runs + 1; k++) {
    const r = spawnSync(process.execPath, [script, root], { encoding: 'utf8', timeout: 60_000 });
    if (r.status !== 0) throw new Error(`activation run failed: ${r.stderr}`);
    if (k > 0) samples.push(JSON.parse(r.stdout.trim().split('\n').pop()!));
  }
  return {
    runs,
    totalMs: latency(samples.map((s) => s.totalMs)),
    loadMs: latency(samples.map((s) => s.loadMs)),
    activateMs: latency(samples.map((s) => s.activateMs)),
    nodeStartMs: nodeStartMs(runs),
  };
}

/**
 * How many cores the bench really gets: the work `threads` busy threads do in a fixed time, over
 * what one thread does alone. On a machine shared with other work it is below the core count, and
 * the CLI's workers cannot scale past it.
 */
async function effectiveCores(threads: number, ms = 700): Promise<number> {
  const spin = `const { parentPort, workerData } = require('worker_threads');
    let n = 0; const end = Date.now() + workerData; while (Date.now() < end) n++; parentPort.postMessage(n);`;
  const run = (count: number) =>
    Promise.all(
      Array.from({ length: count }, () => new Promise<number>((resolve, reject) => {
        const w = new Worker(spin, { eval: true, workerData: ms });
        w.once('message', (n: number) => void w.terminate().then(() => resolve(n)));
        w.once('error', reject);
      })),
    ).then((counts) => counts.reduce((a, b) => a + b, 0));
  const one = await run(1);
  const many = await run(threads);
  return round(many / one, 2);
}

function machine() {
  return {
    node: process.version,
    platform: `${os.platform()} ${os.arch()}`,
    cpus: os.cpus().length,
    availableParallelism: typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    memoryGB: round(os.totalmem() / 1e9, 1),
    loadAverage: os.loadavg().map((l) => round(l, 2)),
  };
}

async function main(): Promise<void> {
  const started = performance.now();
  fs.mkdirSync(outDir, { recursive: true });
  const before = machine();
  // The server and the CLI are measured as built: build them from the current sources first.
  log('building (node esbuild.mjs)…');
  const built = spawnSync(process.execPath, ['esbuild.mjs'], { cwd: repo, stdio: 'inherit' });
  if (built.status !== 0) throw new Error('the build failed');
  const helpers = await buildHelpers();
  const cores = await effectiveCores(before.availableParallelism);
  log(`effective cores: ${cores} of ${before.availableParallelism}`);

  log(`corpus: letters varied from ../shared/corpus to ${SIZE.corpusBytes / 1e6} MB…`);
  const corpus = buildCorpus(SIZE.corpusBytes);
  log('1/9 throughput: analysis vs markdown-it, the mixed corpus and the real letters…');
  const throughput = measureThroughput(corpus, SIZE.rounds);
  const real = realDwcLetters();
  const realThroughput = real.length ? measureThroughput(real, quick ? 5 : 15) : null;

  const large = buildLargeLetter(SIZE.largeBytes, SIZE.largeItems);
  log(`2/9 large letter (${round(Buffer.byteLength(large) / 1e6, 2)} MB): analysis in process…`);
  const analysis = measureAnalysis(large, 9);
  log('2-3/9 large letter through the server: edits, burst, hover, symbols, completion…');
  const server = await measureLargeLetterServer(large, SIZE.edits, SIZE.requests);
  const longest = real.length ? longestLetter(dwcDir) : null;
  log('2/9 the longest real letter through the server…');
  const realServer = longest ? await measureLargeLetterServer(fs.readFileSync(longest, 'utf8'), SIZE.edits, 10) : null;

  log(`4/9 CLI on ${SIZE.cliFiles} files, and markdown-it over them…`);
  const cliLetters = buildLetters(SIZE.cliFiles);
  const cliDir = path.join(outDir, 'cli-letters');
  const files = writeLetters(cliDir, cliLetters);
  const jobs = before.availableParallelism;
  const cli: CliResult = measureCli({
    repo,
    dir: cliDir,
    files,
    bytes: cliLetters.reduce((sum, l) => sum + Buffer.byteLength(l), 0),
    jobs,
    mdCli: helpers.mdCli,
    outDir,
    rounds: SIZE.cliRounds,
  });

  log(`5/9 server memory with ${SIZE.openLetters} open letters…`);
  const memory = await measureMemory(cliLetters.slice(0, SIZE.openLetters));

  log('6/9 production build, VSIX, activation…');
  const sizes = measureSizes(repo);
  let activation: ActivationResult;
  try {
    activation = measureActivation(helpers.activation, sizes.stage, quick ? 3 : 7);
  } finally {
    fs.rmSync(sizes.stage, { recursive: true, force: true });
  }

  log('7/9 letter PDFs: imr-check --jobs 2 against poppler pdftotext…');
  const pdf = await measurePdf(repo, dwcDir, quick ? 1 : 3, jobs);

  log('8/9 time per MB against the letter size, per rule…');
  const scaling = measureScaling(quick);

  log('9/9 open → first diagnostics: the in-editor figure, and the server on the same letter…');
  const editor = longest ? await measureEditor(repo, dwcDir) : null;

  const after = machine();
  const results = {
    schema: 1,
    date: new Date().toISOString(),
    quick,
    machine: { ...before, effectiveCores: cores, loadAverage: { start: before.loadAverage, end: after.loadAverage } },
    throughput,
    realThroughput,
    largeLetter: { bytes: server.bytes, items: server.items, analysisMs: analysis, server },
    realLetter: realServer && longest ? { file: path.basename(longest), server: realServer } : null,
    cli,
    memory,
    activation,
    pdf,
    scaling,
    editor,
    sizes: { devBundles: sizes.devBundles, bundles: sizes.bundles, vsixBytes: sizes.vsixBytes, vsixFiles: sizes.vsixFiles },
    benchSeconds: 0,
  };
  results.benchSeconds = round((performance.now() - started) / 1000, 1);
  const targets = targetsOf(results);
  process.stdout.write(printTable(results, targets));
  const file = path.join(repo, 'bench', quick ? 'out' : '', 'results.json');
  fs.writeFileSync(file, JSON.stringify({ ...results, targets }, null, 2) + '\n');
  log(`wrote ${path.relative(repo, file)} (${results.benchSeconds} s)`);
}

main().then(
  () => process.exit(0),
  (e) => {
    process.stderr.write(`bench failed: ${(e as Error)?.stack ?? String(e)}\n`);
    process.exit(1);
  },
);
