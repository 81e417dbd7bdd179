// Bundles the extension: the client (vscode external), the language server, the CLI and its worker,
// and the MTUS PDF import (fully bundled). The in-editor test suite has its own script
// (test/e2e/build.mjs). `--watch` rebuilds on change, `--production` minifies.
import * as esbuild from 'esbuild';
import { readFileSync } from 'node:fs';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));

/** @type {esbuild.BuildOptions} */
const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node18',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  // node_modules may be a symbolic link (a git worktree sharing another's): keep the paths as
  // written, so the bundles' module marks read node_modules/... wherever the packages really are.
  preserveSymlinks: true,
  define: { __VERSION__: JSON.stringify(version) },
};

const builds = [
  { ...common, entryPoints: ['client/src/extension.ts'], outfile: 'client/out/extension.js', external: ['vscode'] },
  { ...common, entryPoints: ['server/src/server.ts'], outfile: 'server/out/server.js' },
  { ...common, entryPoints: ['server/src/cli.ts'], outfile: 'server/out/cli.js', banner: { js: '#!/usr/bin/env node' } },
  // pdf.js is large: the PDF readers (MTUS import, letter PDFs) live in one bundle of their own,
  // loaded the first time a PDF is met.
  { ...common, entryPoints: ['server/src/pdf/readers.ts'], outfile: 'server/out/pdfReaders.js' },
  // The CLI's worker threads (one per core over many files).
  { ...common, entryPoints: ['server/src/node/worker.ts'], outfile: 'server/out/worker.js' },
];

if (watch) {
  for (const options of builds) await (await esbuild.context(options)).watch();
  console.log('esbuild: watching');
} else {
  await Promise.all(builds.map((options) => esbuild.build(options)));
}
