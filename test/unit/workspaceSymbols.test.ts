/** Workspace symbols over letters, and the Node adapter that finds letters in a folder. */
import { after, before, test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { letterDocument } from '../../server/src/features/document';
import { fileName, indexLetter, workspaceSymbols, type IndexedLetter } from '../../server/src/features/workspaceSymbols';
import { defaultKnowledge } from '../../server/src/knowledge';
import { findLetterFiles, relativeLetterPaths, WorkspaceLetters } from '../../server/src/node/workspace';
import { readLetter, toPdfText } from '../helpers';

const knowledge = defaultKnowledge();
const letters: IndexedLetter[] = ['000', '001', '002', '003', '004'].map((p) => indexLetter(`file:///w/letter%20${p}.txt`, letterDocument(readLetter(p)), knowledge));
const names = (query: string) => workspaceSymbols(letters, query).map((s) => s.name);

test('a letter is named by its case number, else by its file name', () => {
  assert.deepEqual(letters.map((l) => l.name), ['CM15-0027300', 'letter 001.txt', 'CM14-0129040', 'CM15-0033230', 'letter 004.txt']);
  assert.equal(fileName('file:///a/b/c%23d.imr?x#y'), 'c#d.imr');
});

test('search by case number: the letter and its items', () => {
  assert.deepEqual(names('CM15-0033230'), [
    'CM15-0033230',
    'Klonopin 1mg quantity 30: Upheld · clonazepam',
    'Baclofen 20mg quantity 90: Upheld',
    'Norco 10/325mg quantity 180: Upheld · hydrocodone/acetaminophen',
  ]);
});

test('search by drug: brand, generic, any case', () => {
  assert.deepEqual(names('hydrocodone'), ['Norco 10/325mg quantity 180: Upheld · hydrocodone/acetaminophen']);
  assert.deepEqual(names('lioresal'), [
    'Baclofen 20mg #120: Upheld',
    'Baclofen 10 mg QTY 45.00: Upheld',
    'Baclofen cream #2 120mg: Upheld',
    'Baclofen 20mg quantity 90: Upheld',
  ]);
  assert.deepEqual(names('percocet'), ['Percocet 10/325 mg, QTY: 60: Overturned · oxycodone/acetaminophen']);
});

test('search by outcome, and by several words at once', () => {
  assert.deepEqual(names('overturned'), ['Percocet 10/325 mg, QTY: 60: Overturned · oxycodone/acetaminophen']);
  assert.deepEqual(names('upheld baclofen cm15'), ['Baclofen 20mg #120: Upheld', 'Baclofen 20mg quantity 90: Upheld']);
  assert.deepEqual(names('nothing-like-this'), []);
});

test('the empty query lists everything, up to the limit; locations point at the titles', () => {
  assert.equal(workspaceSymbols(letters, '').length, 5 + 8);
  assert.equal(workspaceSymbols(letters, '', 4).length, 4);
  const klonopin = workspaceSymbols(letters, 'klonopin')[0];
  assert.deepEqual(klonopin.location.range.start, { line: 25, character: 2 });
  assert.equal(klonopin.containerName, 'CM15-0033230');
});

let dir: string;
before(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'imr-ws-'));
  fs.writeFileSync(path.join(dir, 'a.imr'), readLetter('003'));
  fs.mkdirSync(path.join(dir, 'sub'));
  fs.writeFileSync(path.join(dir, 'sub', 'b.txt'), toPdfText(readLetter('000')));
  fs.writeFileSync(path.join(dir, 'sub', 'c.md'), readLetter('002'));
  fs.writeFileSync(path.join(dir, 'notes.md'), '# Notes\n\nCLINICAL CASE SUMMARY is a heading.\n');
  fs.writeFileSync(path.join(dir, 'empty.imr'), '');
  for (const skipped of ['node_modules', '.git', 'out']) {
    fs.mkdirSync(path.join(dir, skipped));
    fs.writeFileSync(path.join(dir, skipped, 'x.imr'), readLetter('000'));
  }
});
after(() => fs.rmSync(dir, { recursive: true, force: true }));

test('findLetterFiles: .imr always, .txt/.md only when they read like letters, skipped folders', async () => {
  const { files, truncated } = await findLetterFiles(dir);
  assert.equal(truncated, false);
  assert.deepEqual(files.map((f) => path.relative(dir, f.path)), ['a.imr', 'empty.imr', path.join('sub', 'b.txt'), path.join('sub', 'c.md')]);
  assert.deepEqual(await relativeLetterPaths(dir, { maxLetters: 2 }), { files: ['a.imr', 'empty.imr'], truncated: true });
  assert.deepEqual(await findLetterFiles(path.join(dir, 'missing')), { files: [], truncated: false });
});

test('WorkspaceLetters: indexes, skips open documents, re-reads a changed file', async () => {
  const ws = new WorkspaceLetters([dir], { rescanMs: 0 });
  const first = await ws.letters(knowledge);
  assert.deepEqual(first.map((l) => l.name).sort(), ['CM14-0129040', 'CM15-0027300', 'CM15-0033230', 'empty.imr']);
  const openUri = pathToFileURL(path.join(dir, 'a.imr')).href;
  assert.ok(!(await ws.letters(knowledge, new Set([openUri]))).some((l) => l.uri === openUri));
  fs.writeFileSync(path.join(dir, 'a.imr'), readLetter('003').replace('CM15-0033230', 'CM15-0099999') + '\n');
  const again = await ws.letters(knowledge);
  assert.ok(again.some((l) => l.name === 'CM15-0099999'));
});
