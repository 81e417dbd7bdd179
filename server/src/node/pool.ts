/**
 * A worker-thread pool for the CLI: the files are checked across the cores, by this thread and
 * worker threads beside it, a batch at a time (whoever finishes first takes the next batch), and
 * the reports come back in input order, so the output is the same byte for byte as when one thread
 * checks them all.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Worker } from 'worker_threads';
import { checkFile, type CheckFileOptions, type FileReport } from './checkFile';

/** Below this many files per worker, starting workers costs more than it saves. */
export const MIN_FILES_PER_WORKER = 25;

/** A batch sent to a worker, and its answer. */
export interface WorkerTask {
  batch: number;
  files: string[];
}
export interface WorkerResult {
  batch: number;
  reports: FileReport[];
}

/** The data each worker starts with. */
export interface WorkerSetup {
  options: CheckFileOptions;
}

export interface PoolOptions {
  /** Number of threads checking (this one and `jobs - 1` workers); default: the machine's available parallelism. */
  jobs?: number;
  /** The worker script; default: `worker.js` beside this bundle (or `worker.ts` in a source run). */
  workerScript?: string;
  /** Called with each report in input order, as soon as all reports before it are in. */
  onReport?: (report: FileReport, index: number) => void;
}

/** How many workers to use by default: one per core the process may use. */
export function defaultJobs(): number {
  return typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
}

/**
 * How many threads are worth checking in for `files` files with `jobs` allowed: 1 = this thread
 * alone; N = this thread and N - 1 workers.
 */
export function workerCount(files: number, jobs: number): number {
  return Math.max(1, Math.min(Math.floor(jobs), Math.floor(files / MIN_FILES_PER_WORKER)));
}

/** The worker script that sits beside this module: `worker.js` once bundled, `worker.ts` in the sources. */
export function defaultWorkerScript(): string {
  const bundled = path.join(__dirname, 'worker.js');
  if (fs.existsSync(bundled)) return bundled;
  return path.join(__dirname, 'worker.ts');
}

function startWorker(script: string, setup: WorkerSetup): Worker {
  if (script.endsWith('.ts')) {
    // A source run (tests through tsx): the worker registers tsx before it loads the script.
    const loader = 'tsx/cjs';
    const code = `require(${JSON.stringify(require.resolve(loader))}); require(${JSON.stringify(script)});`;
    return new Worker(code, { eval: true, workerData: setup });
  }
  return new Worker(script, { workerData: setup });
}

/** Batches a worker holds at once: the next is already there when it finishes one. */
const IN_FLIGHT = 2;

/** Where the batches stand: the next to hand out, and who still holds some. */
interface Sharing {
  next: number;
  /** Batches handed to workers and not answered yet. */
  outstanding: number;
  /** This thread is still checking. */
  here: boolean;
  failed: boolean;
}

/**
 * Shares the batches between this thread and `count` workers: each takes the next batch when it has
 * finished one (a worker holds `IN_FLIGHT`, so it never waits for this thread to answer it), and
 * `onBatch` gets each batch's reports. This thread starts at once, while the workers load; so with
 * `--jobs 2` on two cores there are two busy threads, not three, and no more start-ups than needed.
 * Rejects when a worker fails; the workers are stopped either way.
 */
async function shareBatches(
  files: readonly string[],
  batches: number[][],
  count: number,
  script: string,
  options: CheckFileOptions,
  onBatch: (indices: number[], reports: FileReport[]) => void,
): Promise<void> {
  const workers: Worker[] = [];
  const state: Sharing = { next: 0, outstanding: 0, here: true, failed: false };
  try {
    await new Promise<void>((resolve, reject) => {
      const settle = () => {
        if (!state.failed && !state.here && state.outstanding === 0 && state.next >= batches.length) resolve();
      };
      const fail = (error: Error) => {
        if (!state.failed) reject(error);
        state.failed = true;
      };
      const feed = (worker: Worker) => {
        if (state.failed || state.next >= batches.length) return settle();
        const batch = state.next++;
        state.outstanding++;
        const task: WorkerTask = { batch, files: batches[batch].map((i) => files[i]) };
        worker.postMessage(task);
      };
      checkHere(files, batches, state, options, onBatch).then(() => {
        state.here = false;
        settle();
      }, fail);
      for (let w = 0; w < count && state.next < batches.length; w++) {
        const worker = startWorker(script, { options });
        workers.push(worker);
        worker.on('message', (result: WorkerResult) => {
          state.outstanding--;
          onBatch(batches[result.batch], result.reports);
          feed(worker);
        });
        worker.on('error', (e) => fail(new Error(`a checking worker failed: ${e?.message ?? String(e)}`)));
        worker.on('exit', (code) => {
          if (code !== 0) fail(new Error(`a checking worker stopped with exit code ${code}`));
        });
        for (let k = 0; k < IN_FLIGHT; k++) feed(worker);
      }
    });
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

/** This thread's share: the next batch while there is one, yielding between batches so the workers' answers come in. */
async function checkHere(
  files: readonly string[],
  batches: number[][],
  state: Sharing,
  options: CheckFileOptions,
  onBatch: (indices: number[], reports: FileReport[]) => void,
): Promise<void> {
  while (!state.failed && state.next < batches.length) {
    const indices = batches[state.next++];
    const reports: FileReport[] = [];
    for (const i of indices) reports.push(await checkFile(files[i], options));
    onBatch(indices, reports);
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/**
 * Checks the files, in worker threads when there are enough of them, and returns the reports in
 * input order. Standard input (`-`) is never handed to a worker: it is read and checked here.
 * Rejects only when a worker itself fails (not when a file is unreadable: that is a report).
 */
export async function checkFiles(files: readonly string[], options: CheckFileOptions, pool: PoolOptions = {}): Promise<FileReport[]> {
  const count = workerCount(files.length, pool.jobs ?? defaultJobs());
  const reports: Array<FileReport | undefined> = new Array(files.length);
  let flushed = 0;
  const flush = () => {
    while (flushed < files.length && reports[flushed]) {
      pool.onReport?.(reports[flushed]!, flushed);
      flushed++;
    }
  };
  if (count === 1) {
    for (let i = 0; i < files.length; i++) {
      reports[i] = await checkFile(files[i], options);
      flush();
    }
    return reports as FileReport[];
  }

  const pending: number[] = [];
  for (let i = 0; i < files.length; i++) {
    if (files[i] === '-') reports[i] = await checkFile('-', options);
    else pending.push(i);
  }
  flush();
  // Batches small enough that the threads finish together (the output waits for the slowest batch
  // before it), large enough to keep messages few.
  const size = Math.max(1, Math.min(32, Math.ceil(pending.length / (count * 16))));
  const batches: number[][] = [];
  for (let k = 0; k < pending.length; k += size) batches.push(pending.slice(k, k + size));
  // This thread is one of the `count`: it checks too, beside `count - 1` workers.
  await shareBatches(files, batches, count - 1, pool.workerScript ?? defaultWorkerScript(), options, (indices, done) => {
    done.forEach((report, k) => (reports[indices[k]] = report));
    flush();
  });
  return reports as FileReport[];
}
