/**
 * The entry of a checking worker thread (see `pool.ts`): it takes batches of file names and answers
 * with their reports, in the same order. Bundled as `server/out/worker.js` beside the CLI.
 */
import { parentPort, workerData } from 'worker_threads';
import { checkFile } from './checkFile';
import type { WorkerResult, WorkerSetup, WorkerTask } from './pool';

const setup = workerData as WorkerSetup;

parentPort?.on('message', (task: WorkerTask) => {
  const result: WorkerResult = { batch: task.batch, reports: task.files.map((file) => checkFile(file, setup.options)) };
  parentPort!.postMessage(result);
});
