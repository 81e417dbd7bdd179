/**
 * ARCHITECTURE.md lists every module as it is: each source file under server/src and client/src is
 * named there (a check module is named by its registry: `checks/<code>.ts` is the check `code`), and
 * every file it names in backquotes exists.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { test } from 'node:test';
import { CHECKS } from '../../server/src/checks';
import { repoRoot } from '../helpers';

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory() && entry.name !== 'out' && entry.name !== 'node_modules') out.push(...sources(full));
    else if (entry.name.endsWith('.ts')) out.push(relative(repoRoot, full));
  }
  return out;
}

const architecture = readFileSync(join(repoRoot, 'ARCHITECTURE.md'), 'utf8');
const files = [...sources(join(repoRoot, 'server', 'src')), ...sources(join(repoRoot, 'client', 'src'))];

test('ARCHITECTURE.md names every module of server/src and client/src', () => {
  const codes = new Set(CHECKS.map((c) => c.code));
  const unnamed = files.filter((file) => {
    const name = basename(file);
    if (file.includes('/checks/') && codes.has(name.slice(0, -3))) return false;
    return !architecture.includes(name);
  });
  assert.deepEqual(unnamed, [], 'modules ARCHITECTURE.md does not name');
});

test('every module ARCHITECTURE.md names in backquotes exists', () => {
  const everywhere = ['server/src', 'client/src', 'test', 'bench', 'scripts'].flatMap((dir) => sources(join(repoRoot, dir)));
  const names = new Set(everywhere.map((f) => basename(f)));
  const named = [...architecture.matchAll(/`([\w.-]+\.ts)`/g)].map((m) => m[1]);
  assert.ok(named.length > 30, 'the names are found');
  assert.deepEqual(named.filter((n) => !names.has(n)), [], 'modules ARCHITECTURE.md names that do not exist');
});
