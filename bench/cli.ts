/**
 * Measure 4: the CLI on thousands of letter files on disk, wall time of the whole process (start-up,
 * reading, checking, printing): with one thread (`--jobs 1`), with `--jobs N` (this thread and N-1
 * workers; the default on N cores), and markdown-it over the same files as a process of its own
 * (`md-cli.js`, see mdCli.ts). Rounds interleaved; the median of each is kept.
 */
import { spawnSync } from 'node:child_process';
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { median, round } from './stats';

export interface CliRun {
  command: string;
  jobs: number;
  /** Median wall time of the rounds, ms. */
  wallMs: number;
  /** Each round's wall time, ms. */
  roundsMs: number[];
  /** CPU time (user + system) of the process and its threads, median of the rounds, ms. */
  cpuMs: number;
  exitCode: number | null;
  /** SHA-1 of standard output, to compare runs. */
  outputSha1: string;
  /** Same standard output as the one-thread run. */
  identical: boolean;
}

export interface CliResult {
  files: number;
  bytes: number;
  rounds: number;
  runs: CliRun[];
  /** markdown-it reading and parsing the same files in a process of its own (start-up included). */
  markdownIt: { wallMs: number; roundsMs: number[]; cpuMs: number };
  /** markdown-it / the CLI with `--jobs N` (> 1: the CLI is faster). */
  ratio: number;
  /** One thread / `--jobs N` (> 1: the workers help). */
  jobsSpeedup: number;
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

interface Sample {
  wallMs: number;
  cpuMs: number;
  exitCode: number | null;
  outputSha1: string;
}

/** CPU time (user + system) of this process's finished children so far, ms, from /proc (Linux); NaN elsewhere. */
function childrenCpuMs(): number {
  try {
    const fields = fs.readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ');
    // cutime and cstime (fields 16 and 17 of stat), in clock ticks of 1/100 s on Linux.
    return (Number(fields[13]) + Number(fields[14])) * 10;
  } catch {
    return NaN;
  }
}

function runOnce(label: string, args: string[], cwd: string, outDir: string): Sample {
  const outFile = path.join(outDir, `cli-${label}.out`);
  const out = fs.openSync(outFile, 'w');
  const err = fs.openSync(path.join(outDir, `cli-${label}.err`), 'w');
  const cpuBefore = childrenCpuMs();
  const start = performance.now();
  const r = spawnSync(process.execPath, args, { cwd, stdio: ['ignore', out, err], timeout: 600_000 });
  const wallMs = performance.now() - start;
  const cpuMs = childrenCpuMs() - cpuBefore;
  fs.closeSync(out);
  fs.closeSync(err);
  const outputSha1 = crypto.createHash('sha1').update(fs.readFileSync(outFile)).digest('hex');
  return { wallMs, cpuMs, exitCode: r.status, outputSha1 };
}

/**
 * Runs, `rounds` times in turn, the built CLI on the files with `--jobs 1` and `--jobs N`, and
 * markdown-it's stand-in (`mdCli`, a bundle of mdCli.ts) on the same files.
 */
export function measureCli(options: { repo: string; dir: string; files: string[]; bytes: number; jobs: number; mdCli: string; outDir: string; rounds: number }): CliResult {
  const cli = path.join(options.repo, 'server', 'out', 'cli.js');
  const commands = [
    { label: 'single', args: [cli, '--jobs', '1', ...options.files], jobs: 1 },
    { label: 'jobs', args: [cli, '--jobs', String(options.jobs), ...options.files], jobs: options.jobs },
    { label: 'markdown-it', args: [options.mdCli, ...options.files], jobs: 1 },
  ];
  const samples: Sample[][] = commands.map(() => []);
  // A warm-up of each (file cache, the bundles read once), then the rounds, the order turned each round.
  for (const c of commands) runOnce(c.label, c.args, options.dir, options.outDir);
  for (let r = 0; r < options.rounds; r++) {
    const order = commands.map((_, i) => (i + r) % commands.length);
    for (const i of order) samples[i].push(runOnce(commands[i].label, commands[i].args, options.dir, options.outDir));
  }
  const summary = (i: number) => ({
    wallMs: round(median(samples[i].map((s) => s.wallMs)), 0),
    roundsMs: samples[i].map((s) => round(s.wallMs, 0)),
    cpuMs: round(median(samples[i].map((s) => s.cpuMs)), 0),
  });
  const runs: CliRun[] = [0, 1].map((i) => {
    const last = samples[i][samples[i].length - 1];
    return {
      command: `node cli.js --jobs ${commands[i].jobs} FILE…`,
      jobs: commands[i].jobs,
      ...summary(i),
      exitCode: last.exitCode,
      outputSha1: last.outputSha1,
      identical: samples[i].every((s) => s.outputSha1 === samples[0][0].outputSha1),
    };
  });
  const markdownIt = summary(2);
  return {
    files: options.files.length,
    bytes: options.bytes,
    rounds: options.rounds,
    runs,
    markdownIt,
    ratio: round(markdownIt.wallMs / runs[1].wallMs, 2),
    jobsSpeedup: round(runs[0].wallMs / runs[1].wallMs, 2),
  };
}
