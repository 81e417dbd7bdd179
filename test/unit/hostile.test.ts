/**
 * Hostile inputs (a 10 MB line, a million lines, 100,000 items, labels repeated without end, ...)
 * are parsed, checked, outlined and folded in under 2 s each, without throwing and with sound
 * ranges. The cases are in test/fuzz/hostile.ts.
 *
 * The cases run in a child process so that one that never ends is killed after
 * `HARD_DEADLINE_MS` (and reported as such) instead of hanging the suite; the rest then go on in a
 * new child. The child runs the server code bundled by esbuild, as the extension and the CLI ship
 * it (not through the test's TypeScript loader, whose module wrappers add their own cost). Time
 * is the smaller of wall-clock and CPU time of the case (see HostileResult.ms).
 */
import { after, describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import { buildSync } from 'esbuild';
import { HOSTILE_BUDGET_MS, HOSTILE_CASES, type HostileResult } from '../fuzz/hostile';
import { repoRoot } from '../helpers';

/** A case still running after this long is killed and fails. */
const HARD_DEADLINE_MS = 10_000;
/** Extra time for the child to start and warm up before its first case. */
const STARTUP_MS = 15_000;

/** test/fuzz/hostile.ts bundled with the server code it times, as the shipped bundles are built. */
const runner = path.join(repoRoot, 'test', 'out', 'hostile.js');
buildSync({
  entryPoints: [path.join(repoRoot, 'test', 'fuzz', 'hostile.ts')],
  outfile: runner,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node18',
  logLevel: 'warning',
});
const names = Object.keys(HOSTILE_CASES);

type Outcome = HostileResult | { name: string; killed: true; stderr: string };

/** Runs the cases in order in child processes; a case past the deadline is killed and the rest go on. */
function runAll(): Map<string, Promise<Outcome>> {
  const resolvers = new Map<string, (o: Outcome) => void>();
  const results = new Map<string, Promise<Outcome>>();
  for (const name of names) results.set(name, new Promise((resolve) => resolvers.set(name, resolve)));
  let children: ChildProcess[] = [];
  const start = (pending: string[]) => {
    if (pending.length === 0) return;
    const child = spawn(process.execPath, [runner, ...pending], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
    children.push(child);
    let stderr = '';
    let buffer = '';
    let index = 0;
    let timer: NodeJS.Timeout | undefined;
    const arm = (ms: number) => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        child.kill('SIGKILL');
      }, ms);
    };
    arm(STARTUP_MS + HARD_DEADLINE_MS);
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr = (stderr + chunk).slice(-4000)));
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
      buffer += chunk;
      let nl: number;
      while ((nl = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, nl);
        buffer = buffer.slice(nl + 1);
        const result = JSON.parse(line) as HostileResult;
        resolvers.get(result.name)?.(result);
        index++;
        arm(HARD_DEADLINE_MS);
      }
    });
    child.on('exit', () => {
      clearTimeout(timer);
      children = children.filter((c) => c !== child);
      if (index < pending.length) {
        resolvers.get(pending[index])?.({ name: pending[index], killed: true, stderr });
        start(pending.slice(index + 1));
      }
    });
  };
  start(names);
  after(() => children.forEach((c) => c.kill('SIGKILL')));
  return results;
}

describe(`hostile inputs finish in under ${HOSTILE_BUDGET_MS} ms, without throwing`, () => {
  const results = runAll();
  for (const name of names) {
    test(name, async () => {
      const outcome = await results.get(name)!;
      if ('killed' in outcome) {
        assert.fail(`"${name}" did not finish within ${HARD_DEADLINE_MS} ms and was killed${outcome.stderr ? `\n${outcome.stderr}` : ''}`);
      }
      assert.equal(outcome.problem, undefined, `"${name}" (${outcome.chars} chars): ${outcome.problem}`);
      assert.ok(outcome.ms < HOSTILE_BUDGET_MS, `"${name}" (${outcome.chars} chars) took ${Math.round(outcome.ms)} ms (budget ${HOSTILE_BUDGET_MS} ms)`);
    });
  }
});
