/** The CLI as users run it: the built bundle, real letters, exit codes. */
import { before, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { corpusDir, corpusFiles, letterPath, repoRoot } from '../helpers';

const cli = path.join(repoRoot, 'server', 'out', 'cli.js');

function run(args: string[]) {
  const r = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', cwd: repoRoot, timeout: 60_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

before(() => {
  assert.ok(fs.existsSync(cli), 'server/out/cli.js is missing: run npm run build first');
});

test('--format json gives one entry per file with the contract fields', () => {
  const files = corpusFiles().map((f) => path.join(corpusDir, f));
  const r = run(['--format', 'json', ...files]);
  const out = JSON.parse(r.out) as Array<{ file: string; decision: Record<string, unknown>; diagnostics: unknown[] }>;
  assert.equal(out.length, 5);
  assert.deepEqual(out.map((e) => e.file), files);
  for (const e of out) {
    for (const key of ['caseNumber', 'dates', 'priority', 'reviewer', 'sections', 'items']) assert.ok(key in e.decision, key);
    assert.ok(Array.isArray(e.diagnostics));
  }
  const d3 = out[3].decision as { items: Array<{ title: string; outcome: string; treatment: string; strength: string; quantity: number; citations: Array<{ pages: number[] }>; range: unknown }> };
  assert.deepEqual(
    d3.items.map((i) => [i.treatment, i.strength, i.quantity, i.outcome, i.citations.flatMap((c) => c.pages)]),
    [
      ['Klonopin', '1mg', 30, 'upheld', [24]],
      ['Baclofen', '20mg', 90, 'upheld', [65]],
      ['Norco', '10/325mg', 180, 'upheld', [76, 77, 78, 79]],
    ],
  );
  assert.deepEqual((out[3].decision.items as Array<{ range: unknown }>)[0].range, { start: { line: 25, character: 0 }, end: { line: 31, character: 435 } });
});

test('an unreadable file exits 2 with a clear message, and the other files are still checked', () => {
  const r = run(['--format', 'json', '/nonexistent/letter.txt', letterPath('000')]);
  assert.equal(r.code, 2);
  assert.match(r.err, /cannot read \/nonexistent\/letter\.txt: ENOENT/);
  assert.equal(JSON.parse(r.out).length, 1);
});

test('bad usage exits 2', () => {
  assert.equal(run([]).code, 2);
  assert.equal(run(['--format', 'yaml', letterPath('000')]).code, 2);
  assert.equal(run(['--bogus', letterPath('000')]).code, 2);
});

test('text output: file:line:col severity code message', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'imr-cli-'));
  const file = path.join(dir, 'letter.txt');
  fs.writeFileSync(file, fs.readFileSync(letterPath('000'), 'utf8').replace('**Baclofen 20mg #120:** Upheld', '**Baclofen 20mg #120:** Uphled'));
  const r = run([file]);
  assert.equal(r.code, 1);
  assert.match(r.out, new RegExp(`^${file.replace(/[/.]/g, '\\$&')}:26:25 error unknown-outcome "Uphled" is not an outcome`, 'm'));
  // --exit-zero (the editor's task): the same report, and findings are not a failure; a missing file still is.
  const report = run(['--exit-zero', file]);
  assert.equal(report.code, 0);
  assert.equal(report.out, r.out);
  assert.equal(run(['--exit-zero', file, path.join(dir, 'missing.txt')]).code, 2);
  fs.rmSync(dir, { recursive: true });
});

test('--format sarif: SARIF 2.1.0 with one-based regions; --rule changes the level and the exit code', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'imr-cli-'));
  const file = path.join(dir, 'letter.txt');
  fs.writeFileSync(file, fs.readFileSync(letterPath('000'), 'utf8').replace('**Baclofen 20mg #120:** Upheld', '**Baclofen 20mg #120:** Uphled'));
  const r = run(['--format', 'sarif', file]);
  assert.equal(r.code, 1);
  const log = JSON.parse(r.out);
  assert.equal(log.version, '2.1.0');
  const result = log.runs[0].results.find((x: { ruleId: string }) => x.ruleId === 'unknown-outcome');
  assert.equal(result.level, 'error');
  assert.deepEqual(result.locations[0].physicalLocation.region, { startLine: 26, startColumn: 25, endLine: 26, endColumn: 31 });
  assert.ok(log.runs[0].tool.driver.rules.some((x: { id: string }) => x.id === 'unknown-outcome'));
  const relaxed = run(['--rule', 'unknown-outcome=warning', file]);
  assert.equal(relaxed.code, 0);
  assert.match(relaxed.out, /26:25 warning unknown-outcome/);
  assert.equal(run(['--rule', 'no-such-rule=off', file]).code, 2);
  fs.rmSync(dir, { recursive: true });
});
