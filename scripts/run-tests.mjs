// Runs the unit, protocol and fuzz tests with node's test runner (TypeScript through tsx).
// The tests that read the real letters (../shared/corpus beside the repository) run when the
// letters are there, as in CI; when they are not, each such test file is named in one line that
// says it was skipped and why, and the others run. A file needs the letters when it, or a local
// module it imports, reads them through the test helpers.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const corpus = path.resolve(root, '..', 'shared', 'corpus', 'dwc-2017');
const READS_LETTERS = /\b(?:readLetter|letterPath|corpusFiles|corpusDir|allRealLetters|dwcLetters)\b/;
const LOCAL_IMPORT = /from\s+'(\.{1,2}\/[^']+)'/g;

const dirs = process.argv.length > 2 ? process.argv.slice(2) : ['test/unit', 'test/protocol', 'test/fuzz'];
const files = dirs.flatMap((d) => {
  const full = path.join(root, d);
  if (fs.statSync(full).isFile()) return [full];
  return fs.readdirSync(full).filter((f) => f.endsWith('.test.ts')).sort().map((f) => path.join(full, f));
});

/** Whether a module reads the real letters, itself or through the local modules it imports (helpers.ts only defines where they are). */
function readsLetters(file, seen = new Set()) {
  if (seen.has(file) || path.basename(file) === 'helpers.ts' || path.basename(file) === 'corpusLetters.ts') return false;
  seen.add(file);
  const source = fs.readFileSync(file, 'utf8');
  if (READS_LETTERS.test(source)) return true;
  for (const m of source.matchAll(LOCAL_IMPORT)) {
    const base = path.resolve(path.dirname(file), m[1]);
    const target = [base, `${base}.ts`, path.join(base, 'index.ts')].find((f) => fs.existsSync(f) && fs.statSync(f).isFile());
    if (target && readsLetters(target, seen)) return true;
  }
  return false;
}

let run = files;
if (!fs.existsSync(corpus)) {
  run = [];
  for (const file of files) {
    if (readsLetters(file)) console.log(`skipped: ${path.relative(root, file)} needs the real letters, looked for in ${corpus} (../shared beside the repository)`);
    else run.push(file);
  }
}
const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec', ...run], { cwd: root, stdio: 'inherit' });
process.exit(result.status ?? 1);
