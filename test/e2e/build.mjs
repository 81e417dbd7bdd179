// Bundles the in-editor test suites for the extension host: test/e2e/<suite>/index.ts and every
// test/e2e/<suite>/*.test.ts go to test/e2e/out/<suite>/, `vscode` and `mocha` left external (the
// extension host provides the first, node_modules the second). Suites: `suite` (the extension from
// its sources) and `vsix` (the packaged extension, beside a probe extension).
import * as esbuild from 'esbuild';
import { readdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const outRoot = join(here, 'out');
const suites = ['suite', 'vsix'];

/** The entry points of one suite: its index and its test files. */
function entryPoints(suite) {
  const dir = join(here, suite);
  const tests = readdirSync(dir).filter((name) => name.endsWith('.test.ts')).sort();
  return ['index.ts', ...tests].map((name) => join(dir, name));
}

rmSync(outRoot, { recursive: true, force: true });
await Promise.all(
  suites.map((suite) =>
    esbuild.build({
      entryPoints: entryPoints(suite),
      outdir: join(outRoot, suite),
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node18',
      sourcemap: true,
      external: ['vscode', 'mocha'],
      logLevel: 'warning',
    }),
  ),
);
console.log(`e2e: bundled ${suites.map((suite) => `${suite} (${entryPoints(suite).length - 1} test files)`).join(', ')} into ${outRoot}`);
