#!/usr/bin/env node
// The long (nightly) run of the robustness tests: the property-based tests with many more cases,
// and the edit-consistency test with many more edits. CI runs the same tests at a small size as
// part of `npm test`.
//
//   npm run fuzz                      # 100,000 cases per property, 100,000 edits
//   npm run fuzz -- --runs 20000      # another size
//   npm run fuzz -- --seed 1234       # replay (fast-check also prints a path: IMR_FUZZ_PATH=...)
//
// Takes about an hour and a half on 2 cores at the default size. Exit code non-zero when any
// property fails; fast-check prints the shrunk counterexample and the seed to replay it.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import * as path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
};
const runs = Number(option('runs', '100000'));
if (!Number.isInteger(runs) || runs <= 0) {
  console.error('usage: node scripts/fuzz.mjs [--runs N] [--seed S]');
  process.exit(2);
}
const seed = option('seed', undefined);

const stages = [
  { name: 'parser, checks and features', files: ['test/fuzz/parser.fuzz.test.ts', 'test/fuzz/features.fuzz.test.ts'], env: { IMR_FUZZ_RUNS: String(runs) } },
  { name: 'text safety and settings', files: ['test/unit/text-safety.test.ts', 'test/unit/settings.test.ts'], env: { IMR_FUZZ_RUNS: String(Math.max(1, Math.round(runs / 10))) } },
  // 10 letters x bursts x 20 edits: 100,000 edits at the default size.
  { name: 'edit consistency', files: ['test/protocol/edit-consistency.test.ts'], env: { IMR_EDIT_BURSTS: String(Math.max(50, Math.round(runs / 200))) } },
];

const build = spawnSync(process.execPath, [path.join(root, 'esbuild.mjs')], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

let failed = 0;
for (const stage of stages) {
  const started = Date.now();
  console.log(`\n==== fuzz: ${stage.name} (${Object.entries(stage.env).map(([k, v]) => `${k}=${v}`).join(' ')})`);
  const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec', '--test-concurrency=2', ...stage.files], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, ...stage.env, ...(seed ? { IMR_FUZZ_SEED: seed } : {}) },
  });
  console.log(`==== fuzz: ${stage.name}: ${result.status === 0 ? 'passed' : 'FAILED'} in ${Math.round((Date.now() - started) / 1000)} s`);
  if (result.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
