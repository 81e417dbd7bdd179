/** `--ignore` patterns (.gitignore-style) and the letters found under a folder. */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { compileIgnore, ignores, matchSegment } from '../../server/src/node/glob';
import { expandLetterFiles } from '../../server/src/node/letterFiles';

const matches = (pattern: string, relative: string, folder = false) => ignores(compileIgnore(pattern)!, relative, folder);

test('names: * and ? within one name, at any depth when the pattern has no slash', () => {
  assert.ok(matchSegment('*.txt', 'CM16-0213037.txt'));
  assert.ok(!matchSegment('*.txt', 'CM16-0213037.pdf'));
  assert.ok(matchSegment('CM1?-*', 'CM17-0012582.pdf'));
  assert.ok(matchSegment('*a*b*c', 'xxaxxbxxc'));
  assert.ok(!matchSegment('*a*b*c', 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab'));
  assert.ok(matches('*.txt', 'a/b/letter.txt'));
  assert.ok(matches('drafts/', 'x/drafts', true));
  assert.ok(!matches('drafts/', 'x/drafts', false));
});

test('paths: a slash anchors the pattern at the folder checked; ** spans folders', () => {
  assert.ok(matches('/README.md', 'README.md'));
  assert.ok(!matches('/README.md', 'sub/README.md'));
  assert.ok(matches('2017/*.pdf', '2017/a.pdf'));
  assert.ok(!matches('2017/*.pdf', 'x/2017/a.pdf'));
  assert.ok(matches('**/old/*.pdf', 'x/y/old/a.pdf'));
  assert.ok(matches('**/old/*.pdf', 'old/a.pdf'));
  assert.equal(compileIgnore('  '), undefined);
});

test('a folder gives its letters sorted, depth first, minus the ignored; other arguments stay as given', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'imr-walk-'));
  try {
    for (const f of ['b.txt', 'a.pdf', 'notes.docx', 'sub/c.imr', 'sub/d.md', 'drafts/e.txt', 'sub/drafts/f.txt']) {
      fs.mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
      fs.writeFileSync(path.join(dir, f), 'x');
    }
    const found = expandLetterFiles([dir, '-', 'given.txt'], ['drafts/']);
    assert.deepEqual(found.files, [path.join(dir, 'a.pdf'), path.join(dir, 'b.txt'), path.join(dir, 'sub', 'c.imr'), path.join(dir, 'sub', 'd.md'), '-', 'given.txt']);
    assert.deepEqual(found.problems, []);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
