/**
 * Settings and files from the workspace are validated: a bad `imr.*` value, a word-list file that is
 * missing, unreadable, huge or not a file, and a corrupt imported MTUS store each give one clear
 * message, and the defaults take their place. Nothing here throws or hangs.
 */
import { after, describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import { analyze } from '../../server/src/engine';
import { defaultKnowledge } from '../../server/src/knowledge';
import { DEFAULT_SETTINGS, readSettings } from '../../server/src/settings';
import { MAX_WORD_LIST_BYTES, readWordLists } from '../../server/src/node/wordLists';
import { STORE_VERSION, loadMtusStore } from '../../server/src/node/mtusStore';
import { letterDocument } from '../../server/src/features/document';
import { hover } from '../../server/src/features/hover';
import { readLetter, repoRoot } from '../helpers';
import { fuzzParams } from '../fuzz/generators';
import { IMPORTED } from './importedGuideline';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'imr-settings-'));
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** Exactly one problem, naming the setting. */
function assertOneProblem(problems: string[], setting: string): void {
  assert.equal(problems.length, 1, `expected one message about ${setting}, got ${JSON.stringify(problems)}`);
  assert.ok(problems[0].includes(setting), `the message does not name ${setting}: ${problems[0]}`);
}

describe('imr.* settings', () => {
  test('valid settings give no message', () => {
    const { settings, problems } = readSettings(
      { rules: { 'missing-outcome': 'warning', 'missing-section': 'default' }, drugs: { extra: ['Baclofen'], files: ['a.txt'] }, mtus: { folder: '/x' } },
      { trusted: true },
    );
    assert.deepEqual(problems, []);
    assert.deepEqual(settings.rules, { 'missing-outcome': 'warning' });
    assert.deepEqual(settings.extraDrugs, ['Baclofen']);
  });

  const badRules: Array<[string, unknown]> = [
    ['a word that is not a level', 'loud'],
    ['a number', 5],
    ['an object', { level: 'error' }],
    ['a list', ['error']],
    ['a level in capitals', 'ERROR'],
    ['an empty string', ''],
  ];
  for (const [what, value] of badRules) {
    test(`imr.rules.missing-outcome set to ${what}: one message, the rule's own severity`, () => {
      const { settings, problems } = readSettings({ rules: { 'missing-outcome': value } }, { trusted: true });
      assertOneProblem(problems, 'imr.rules.missing-outcome');
      assert.equal(settings.rules['missing-outcome'], undefined);
    });
  }

  test('imr.rules that is not an object: one message, defaults', () => {
    for (const value of ['error', 5, ['error'], true]) {
      const { settings, problems } = readSettings({ rules: value }, { trusted: true });
      assertOneProblem(problems, 'imr.rules');
      assert.deepEqual(settings.rules, {});
    }
  });

  test('a rule that does not exist: one message', () => {
    const { problems } = readSettings({ rules: { 'no-such-rule': 'error' } }, { trusted: true });
    assertOneProblem(problems, 'imr.rules.no-such-rule');
  });

  test('a settings section that is not an object: one message, defaults', () => {
    for (const value of [42, 'imr', true]) {
      const { settings, problems } = readSettings(value, { trusted: true });
      assert.equal(problems.length, 1, JSON.stringify(problems));
      assert.deepEqual(settings, DEFAULT_SETTINGS);
    }
  });

  test('imr.drugs.extra that is not a list of names: one message, no extra names', () => {
    for (const value of ['Baclofen', 5, { name: 'Baclofen' }]) {
      const { settings, problems } = readSettings({ drugs: { extra: value } }, { trusted: true });
      assertOneProblem(problems, 'imr.drugs.extra');
      assert.deepEqual(settings.extraDrugs, []);
    }
    const mixed = readSettings({ drugs: { extra: ['Baclofen', 5, null, { x: 1 }] } }, { trusted: true });
    assertOneProblem(mixed.problems, 'imr.drugs.extra');
    assert.deepEqual(mixed.settings.extraDrugs, ['Baclofen']);
  });

  test('imr.drugs and imr.mtus that are not objects: one message each', () => {
    assertOneProblem(readSettings({ drugs: 'Baclofen' }, { trusted: true }).problems, 'imr.drugs');
    assertOneProblem(readSettings({ mtus: 5 }, { trusted: true }).problems, 'imr.mtus');
  });

  test('imr.mtus.folder that is not a path: one message, the default folder', () => {
    const { settings, problems } = readSettings({ mtus: { folder: 5 } }, { trusted: true });
    assertOneProblem(problems, 'imr.mtus.folder');
    assert.equal(settings.mtusFolder, '');
  });

  test('in an untrusted workspace, files and folders named by settings are not used', () => {
    const { settings } = readSettings({ drugs: { files: ['/etc/passwd'] }, mtus: { folder: '/tmp' } }, { trusted: false });
    assert.deepEqual(settings.drugFiles, []);
    assert.equal(settings.mtusFolder, '');
  });

  test('arbitrary JSON values never throw and always give settings of the right shape', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.jsonValue(), fc.jsonValue(), fc.boolean(), (rules, drugs, mtus, trusted) => {
        const { settings, problems } = readSettings({ rules, drugs, mtus }, { trusted });
        assert.ok(problems.every((p) => typeof p === 'string' && p.startsWith('imr')));
        for (const level of Object.values(settings.rules)) assert.ok(['off', 'hint', 'information', 'warning', 'error'].includes(level));
        assert.ok(settings.extraDrugs.every((d) => typeof d === 'string' && d.length > 0));
        assert.ok(settings.drugFiles.every((d) => typeof d === 'string'));
        assert.equal(typeof settings.mtusFolder, 'string');
        analyze('### IMR ISSUES, DECISIONS AND RATIONALES\n**X 1mg #1:** Upheld\n', { rules: settings.rules });
      }),
      fuzzParams(300),
    );
  });
});

/** Runs readWordLists on a path in a child process, killed after `ms` (a blocking read cannot be interrupted in-process). */
function wordListsInChild(file: string, ms = 8000): { finished: boolean; result?: { names: string[]; problems: string[] } } {
  const script = `const { readWordLists } = require(${JSON.stringify(path.join(repoRoot, 'server', 'src', 'node', 'wordLists.ts'))}); process.stdout.write(JSON.stringify(readWordLists([${JSON.stringify(file)}], undefined)));`;
  const child = spawnSync(process.execPath, ['--import', 'tsx', '-e', script], { cwd: repoRoot, timeout: ms, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (child.error || child.status !== 0) return { finished: false };
  return { finished: true, result: JSON.parse(child.stdout) };
}

describe('word-list files (imr.drugs.files)', () => {
  test('a missing file, a folder: one message each, no names', () => {
    const missing = readWordLists([path.join(tmp, 'missing.txt')], undefined);
    assertOneProblem(missing.problems, 'imr.drugs.files');
    assert.deepEqual(missing.names, []);
    const folder = readWordLists([tmp], undefined);
    assertOneProblem(folder.problems, 'imr.drugs.files');
  });

  test('a file over the size limit: one message, skipped, not read', () => {
    const huge = path.join(tmp, 'huge.txt');
    fs.writeFileSync(huge, 'Baclofen\n');
    fs.truncateSync(huge, MAX_WORD_LIST_BYTES + 1);
    const { names, problems } = readWordLists([huge], undefined);
    assertOneProblem(problems, 'imr.drugs.files');
    assert.deepEqual(names, []);
  });

  test('binary junk and very long lines: no throw, only plausible names', () => {
    const junk = path.join(tmp, 'junk.txt');
    let seed = 11;
    const bytes = Buffer.from(Array.from({ length: 300_000 }, () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) % 256));
    fs.writeFileSync(junk, Buffer.concat([bytes, Buffer.from(`\r\n${'x'.repeat(100_000)}\r\nBaclofen\r\n`)]));
    const { names, problems } = readWordLists([junk], undefined);
    assert.deepEqual(problems, []);
    assert.ok(names.includes('Baclofen'));
    assert.ok(names.every((n) => n.length <= 100));
  });

  test('a relative path is read from the workspace folder', () => {
    fs.writeFileSync(path.join(tmp, 'list.txt'), '# my drugs\nZanaflex\n\n  Lioresal  # brand\n');
    assert.deepEqual(readWordLists(['list.txt'], tmp), { names: ['Zanaflex', 'Lioresal'], problems: [] });
  });

  test('a named pipe: one message, and the server is not blocked waiting on it', () => {
    const fifo = path.join(tmp, 'list.fifo');
    const made = spawnSync('mkfifo', [fifo]);
    assert.equal(made.status, 0, 'mkfifo failed');
    const { finished, result } = wordListsInChild(fifo);
    assert.ok(finished, 'reading a named pipe as a word list blocked (killed after 8 s)');
    assertOneProblem(result!.problems, 'imr.drugs.files');
  });

  test('a device that never ends (/dev/zero): one message, not read', () => {
    const { finished, result } = wordListsInChild('/dev/zero');
    assert.ok(finished, 'reading /dev/zero as a word list did not end (killed after 8 s)');
    assertOneProblem(result!.problems, 'imr.drugs.files');
  });
});

describe('the imported MTUS store', () => {
  const store = (name: string, files: Record<string, string | Buffer>) => {
    const folder = path.join(tmp, name);
    fs.mkdirSync(folder, { recursive: true });
    for (const [file, data] of Object.entries(files)) fs.writeFileSync(path.join(folder, file), data);
    return folder;
  };
  const valid = () => JSON.stringify({ storeVersion: STORE_VERSION, guideline: IMPORTED });

  test('a valid store loads without a message', () => {
    const { guidelines, problems } = loadMtusStore(store('valid', { 'cpmtg-2009.json': valid() }));
    assert.deepEqual(problems, []);
    assert.equal(guidelines.length, 1);
  });

  const corrupt: Array<[string, string | Buffer]> = [
    ['not JSON', '{"storeVersion": 1, "guideline": '],
    ['binary junk', Buffer.from([0xff, 0xfe, 0x00, 0x01, 0x7b])],
    ['an empty file', ''],
    ['JSON null', 'null'],
    ['a list', '[1, 2, 3]'],
    ['another store version', JSON.stringify({ storeVersion: 99, guideline: IMPORTED })],
    ['no pages', JSON.stringify({ storeVersion: STORE_VERSION, guideline: { ...IMPORTED, pages: [] } })],
    ['pages of the wrong type', JSON.stringify({ storeVersion: STORE_VERSION, guideline: { ...IMPORTED, pages: [{ printed: 'x', pdfIndex: 1, text: 5 }] } })],
    ['contents of the wrong type', JSON.stringify({ storeVersion: STORE_VERSION, guideline: { ...IMPORTED, contents: [{ title: 5, page: 'x' }, null] } })],
    ['a name that is not its own', JSON.stringify({ storeVersion: STORE_VERSION, guideline: { ...IMPORTED, guidelineId: 'other' } })],
  ];
  for (const [what, data] of corrupt) {
    test(`a store file with ${what}: one message, the file is not used`, () => {
      const { guidelines, problems } = loadMtusStore(store(`corrupt-${what.replace(/\W+/g, '-')}`, { 'cpmtg-2009.json': data }));
      assert.equal(problems.length, 1, `expected one message, got ${JSON.stringify(problems)}`);
      assert.match(problems[0], /MTUS store/);
      assert.equal(guidelines.length, 0);
    });
  }

  test('a store folder that is a file: one message', () => {
    const file = path.join(tmp, 'not-a-folder');
    fs.writeFileSync(file, 'x');
    const { guidelines, problems } = loadMtusStore(file);
    assert.equal(problems.length, 1, JSON.stringify(problems));
    assert.equal(guidelines.length, 0);
  });

  test('whatever the store holds, a guideline it accepts never makes a check or a hover fail', () => {
    const letters = ['000', '003'].map(readLetter);
    const base = defaultKnowledge();
    const junk = fc.oneof(fc.constant(undefined), fc.constant(null), fc.integer(), fc.string(), fc.boolean(), fc.array(fc.jsonValue(), { maxLength: 3 }), fc.dictionary(fc.string(), fc.jsonValue(), { maxKeys: 3 }));
    // A valid stored guideline with one field, at any depth, replaced by junk.
    const damaged = fc.tuple(fc.nat(), junk).map(([pick, value]) => {
      const copy = JSON.parse(JSON.stringify({ ...IMPORTED, contents: [{ title: 'Baclofen (Lioresal)', page: 65 }] })) as Record<string, unknown>;
      const slots: Array<[Record<string, unknown> | unknown[], string | number]> = [];
      const walk = (o: unknown) => {
        if (Array.isArray(o)) o.forEach((v, i) => (slots.push([o, i]), walk(v)));
        else if (o && typeof o === 'object') for (const [k, v] of Object.entries(o)) (slots.push([o as Record<string, unknown>, k]), walk(v));
      };
      walk(copy);
      const [holder, key] = slots[pick % slots.length];
      (holder as Record<string | number, unknown>)[key] = value;
      return copy;
    });
    let n = 0;
    fc.assert(
      fc.property(damaged, (guideline) => {
        const folder = store(`fuzz-${n++}`, { [`${String(guideline.guidelineId)}.json`.replace(/[/\\]/g, '_')]: JSON.stringify({ storeVersion: STORE_VERSION, guideline }) });
        const { guidelines } = loadMtusStore(folder);
        fs.rmSync(folder, { recursive: true, force: true });
        if (guidelines.length === 0) return;
        const knowledge = { ...base, mtus: base.mtus.withImported(guidelines) };
        for (const text of letters) {
          const analysis = analyze(text, { knowledge });
          assert.deepEqual(analysis.failures, [], `an accepted store entry makes checks fail: ${JSON.stringify(guideline).slice(0, 300)}`);
          const doc = letterDocument(text, { knowledge });
          for (let offset = 0; offset < text.length; offset += 97) hover(doc, offset, knowledge);
        }
      }),
      fuzzParams(60),
    );
  });
});
