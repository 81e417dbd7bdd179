/** The CLI's worker pool: reports in input order, the same as checking in one thread. */
import { before, after, test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { build } from 'esbuild';
import { checkFile, type CheckFileOptions } from '../../server/src/node/checkFile';
import { checkFiles, defaultWorkerScript, workerCount } from '../../server/src/node/pool';
import { corpusDir, corpusFiles, repoRoot } from '../helpers';

const letters = corpusFiles().map((f) => path.join(corpusDir, f));
let dir: string;
let workerScript: string;

// The worker bundled as the build bundles it (a worker of the sources would compile them again).
before(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'imr-pool-'));
  workerScript = path.join(dir, 'worker.js');
  await build({
    entryPoints: [path.join(repoRoot, 'server', 'src', 'node', 'worker.ts')],
    outfile: workerScript,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    logLevel: 'error',
  });
});

after(() => fs.rmSync(dir, { recursive: true, force: true }));

test('workers are used only when there are enough files for each', () => {
  assert.equal(workerCount(10, 8), 1);
  assert.equal(workerCount(60, 2), 2);
  assert.equal(workerCount(60, 8), 2);
  assert.equal(workerCount(10_000, 2), 2);
  assert.equal(workerCount(10_000, 1), 1);
  assert.ok(fs.existsSync(defaultWorkerScript()));
});

test('two workers give the reports of one thread, in input order, unreadable files included', async () => {
  const files: string[] = [];
  for (let k = 0; k < 12; k++) files.push(...letters);
  files.splice(31, 0, '/nonexistent/letter.txt');
  const options: CheckFileOptions = { format: 'text', rules: {}, drugs: [] };
  const order: number[] = [];
  const pooled = await checkFiles(files, options, { jobs: 2, workerScript, onReport: (_, i) => order.push(i) });
  assert.deepEqual(pooled, await Promise.all(files.map((f) => checkFile(f, options))));
  assert.deepEqual(order, files.map((_, i) => i));
  assert.equal(pooled[31].unreadable, true);
  assert.equal(pooled[31].stderr, 'imr-check: cannot read /nonexistent/letter.txt: ENOENT\n');
  // Letter 004 misspells Baclofen: each of its copies, checked in either worker, says so.
  const copies = pooled.filter((r) => r.file === letters[4]);
  assert.equal(copies.length, 12);
  for (const r of copies) assert.match(r.text!, /^.*004_[0-9a-f]+\.txt:53:48 hint drug-spelling /);
});

test('json and sarif reports, rule levels and extra drugs cross to the workers and back intact', async () => {
  const files: string[] = [];
  for (let k = 0; k < 10; k++) files.push(...letters);
  for (const format of ['json', 'sarif'] as const) {
    // Letter 004's only error (unknown-drug) turned off, its drug-spelling hints made errors.
    const options: CheckFileOptions = { format, rules: { 'unknown-drug': 'off', 'drug-spelling': 'error' }, drugs: ['Zzyzxamol'] };
    const pooled = await checkFiles(files, options, { jobs: 2, workerScript });
    assert.deepEqual(pooled, await Promise.all(files.map((f) => checkFile(f, options))));
    assert.equal(pooled[4].hasError, true);
    assert.equal(pooled[3].hasError, false);
  }
});
