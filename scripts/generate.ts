/**
 * `npm run generate`: rewrites, from the check registry, the `imr.rules.*` settings in package.json,
 * the README's rule table and each rule page's default-severity line. `--check` writes nothing and
 * exits 1 naming the files that are out of date (test/unit/generated.test.ts does the same).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CHECKS } from '../server/src/checks';
import { renderPackageJson, renderReadme, renderRulePage } from './generated';

const root = join(__dirname, '..');

/** Each generated file: its path from the root and how to render it from its current text. */
const targets: Array<{ path: string; render: (text: string) => string }> = [
  { path: 'package.json', render: renderPackageJson },
  { path: 'README.md', render: renderReadme },
  ...CHECKS.map((check) => ({ path: `docs/rules/${check.code}.md`, render: (text: string) => renderRulePage(check, text) })),
];

function main(): number {
  const checkOnly = process.argv.includes('--check');
  const stale: string[] = [];
  for (const target of targets) {
    const file = join(root, target.path);
    const text = readFileSync(file, 'utf8');
    const rendered = target.render(text);
    if (rendered === text) continue;
    stale.push(target.path);
    if (!checkOnly) writeFileSync(file, rendered);
  }
  if (checkOnly && stale.length) {
    process.stderr.write(`Out of date (run npm run generate): ${stale.join(', ')}\n`);
    return 1;
  }
  process.stdout.write(stale.length ? `Rewrote ${stale.join(', ')}\n` : 'Everything generated is up to date.\n');
  return 0;
}

process.exitCode = main();
