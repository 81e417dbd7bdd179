/**
 * Measure 4: the CLI on thousands of letter files on disk, wall time of the whole process (start-up,
 * reading, checking, printing), in one thread and across the cores with the worker pool.
 */
import { spawnSync } from 'node:child_process';
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { round } from './stats';

export interface CliRun {
  command: string;
  jobs: number;
  wallMs: number;
  exitCode: number | null;
  /** SHA-1 of standard output, to compare runs. */
  outputSha1: string;
  /** Same standard output as the one-thread run. */
  identical: boolean;
}

export interface CliResult {
  files: number;
  bytes: number;
  runs: CliRun[];
}

/** Writes the letters as files `00000.imr` ... into `dir` (emptied first). */
export function writeLetters(dir: string, letters: readonly string[]): string[] {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  return letters.map((text, k) => {
    const name = `${String(k).padStart(5, '0')}.imr`;
    fs.writeFileSync(path.join(dir, name), text);
    return name;
  });
}

function run(label: string, args: string[], cwd: string, jobs: number, outDir: string): Omit<CliRun, 'identical'> {
  const outFile = path.join(outDir, `cli-${label}.out`);
  const out = fs.openSync(outFile, 'w');
  const err = fs.openSync(path.join(outDir, `cli-${label}.err`), 'w');
  const start = performance.now();
  const r = spawnSync(process.execPath, args, { cwd, stdio: ['ignore', out, err], timeout: 600_000 });
  const wallMs = performance.now() - start;
  fs.closeSync(out);
  fs.closeSync(err);
  const outputSha1 = crypto.createHash('sha1').update(fs.readFileSync(outFile)).digest('hex');
  return { command: `node ${args.map((a) => path.basename(a)).slice(0, 3).join(' ')} …`, jobs, wallMs: round(wallMs, 0), exitCode: r.status, outputSha1 };
}

/**
 * Runs the built CLI on the files in one thread, then with `--jobs` when the CLI has it, and the
 * pool stand-in (`pool-cli.js`, see poolCli.ts) with `jobs` workers.
 */
export function measureCli(options: { repo: string; dir: string; files: string[]; bytes: number; jobs: number; poolCli: string; outDir: string }): CliResult {
  const cli = path.join(options.repo, 'server', 'out', 'cli.js');
  const help = spawnSync(process.execPath, [cli, '--help'], { encoding: 'utf8' }).stdout ?? '';
  const runs: Array<Omit<CliRun, 'identical'>> = [];
  runs.push(run('single', [cli, ...options.files], options.dir, 1, options.outDir));
  if (/--jobs\b/.test(help)) runs.push(run('jobs', [cli, '--jobs', String(options.jobs), ...options.files], options.dir, options.jobs, options.outDir));
  runs.push(run('pool', [options.poolCli, String(options.jobs), ...options.files], options.dir, options.jobs, options.outDir));
  return {
    files: options.files.length,
    bytes: options.bytes,
    runs: runs.map((r) => ({ ...r, identical: r.outputSha1 === runs[0].outputSha1 })),
  };
}
