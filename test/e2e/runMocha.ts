/**
 * Runs the mocha test files of one bundled suite folder inside the extension host, and prints the
 * `N passed, N failed` line that CI reads. Each suite's `index.ts` calls this from its `run()`, the
 * entry point both launchers (code-server and @vscode/test-electron) load.
 */
import * as fs from 'fs';
import Mocha from 'mocha';
import * as path from 'path';

/** Runs every `*.test.js` in `dir` (sorted by name); rejects when a test fails or none ran. */
export async function runMochaIn(dir: string): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', reporter: 'spec', color: false, timeout: 60_000 });
  const grep = process.env.IMR_E2E_GREP;
  if (grep) mocha.grep(grep);
  const files = fs
    .readdirSync(dir)
    .filter((name) => name.endsWith('.test.js'))
    .sort();
  for (const name of files) mocha.addFile(path.join(dir, name));

  const stats = await new Promise<Mocha.Stats>((resolve, reject) => {
    try {
      const runner = mocha.run(() => resolve(runner.stats ?? emptyStats()));
    } catch (error) {
      reject(error);
    }
  });
  const skipped = stats.pending > 0 ? `, ${stats.pending} skipped` : '';
  console.log(`${stats.passes} passed, ${stats.failures} failed${skipped}`);
  if (stats.failures > 0) throw new Error(`${stats.failures} in-editor test(s) failed`);
  if (stats.passes === 0) throw new Error(`no in-editor test ran (files: ${files.join(', ') || 'none'} in ${dir})`);
}

function emptyStats(): Mocha.Stats {
  return { suites: 0, tests: 0, passes: 0, pending: 0, failures: 0 };
}
