/**
 * A worker-thread pool for the CLI: the files are checked across the cores, a batch at a time per
 * worker (a worker that finishes early takes the next batch), and the reports come back in input
 * order, so the output is the same byte for byte as when one thread checks them all.
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
  /** Number of workers; default: the machine's available parallelism. */
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

/** How many workers are worth starting for `files` files with `jobs` allowed (1 = check in this thread). */
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

/**
 * Hands the batches to `count` workers, the next batch to whichever finishes first; `onBatch` gets
 * each batch's reports. Rejects when a worker fails; the workers are stopped either way.
 */
async function runBatches(
  files: readonly string[],
  batches: number[][],
  count: number,
  script: string,
  options: CheckFileOptions,
  onBatch: (indices: number[], reports: FileReport[]) => void,
): Promise<void> {
  const workers: Worker[] = [];
  try {
    await new Promise<void>((resolve, reject) => {
      let next = 0;
      let running = 0;
      let failed = false;
      const fail = (error: Error) => {
        if (!failed) reject(error);
        failed = true;
      };
      const feed = (worker: Worker) => {
        if (failed) return;
        if (next >= batches.length) {
          running--;
          if (running === 0) resolve();
          return;
        }
        const batch = next++;
        const task: WorkerTask = { batch, files: batches[batch].map((i) => files[i]) };
        worker.postMessage(task);
      };
      if (batches.length === 0) resolve();
      for (let w = 0; w < Math.min(count, batches.length); w++) {
        const worker = startWorker(script, { options });
        workers.push(worker);
        running++;
        worker.on('message', (result: WorkerResult) => {
          onBatch(batches[result.batch], result.reports);
          feed(worker);
        });
        worker.on('error', (e) => fail(new Error(`a checking worker failed: ${e?.message ?? String(e)}`)));
        worker.on('exit', (code) => {
          if (code !== 0) fail(new Error(`a checking worker stopped with exit code ${code}`));
        });
        feed(worker);
      }
    });
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
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
  // Batches small enough that the workers finish together, large enough to keep messages few.
  const size = Math.max(1, Math.min(64, Math.ceil(pending.length / (count * 8))));
  const batches: number[][] = [];
  for (let k = 0; k < pending.length; k += size) batches.push(pending.slice(k, k + size));
  await runBatches(files, batches, count, pool.workerScript ?? defaultWorkerScript(), options, (indices, done) => {
    done.forEach((report, k) => (reports[indices[k]] = report));
    flush();
  });
  return reports as FileReport[];
}
