/**
 * The entry of a checking worker thread (see `pool.ts`): it takes batches of file names and answers
 * with their reports, in the same order. Bundled as `server/out/worker.js` beside the CLI.
 */
import { parentPort, workerData } from 'worker_threads';
import { checkFile } from './checkFile';
import type { WorkerResult, WorkerSetup, WorkerTask } from './pool';

const setup = workerData as WorkerSetup;

/** Checks a batch one file after the other (a PDF's extraction is asynchronous). */
async function checkBatch(task: WorkerTask): Promise<WorkerResult> {
  const reports = [];
  for (const file of task.files) reports.push(await checkFile(file, setup.options));
  return { batch: task.batch, reports };
}

parentPort?.on('message', (task: WorkerTask) => {
  void checkBatch(task).then((result) => parentPort!.postMessage(result));
});
