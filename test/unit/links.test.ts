/** Document links from cited pages to the imported guideline PDF. */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { letterDocument } from '../../server/src/features/document';
import { documentLinks, pageFileUri } from '../../server/src/features/links';
import { defaultKnowledge, type Knowledge } from '../../server/src/knowledge';
import { readLetter } from '../helpers';
import { IMPORTED } from './importedGuideline';

const base = defaultKnowledge();
const imported: Knowledge = { ...base, mtus: base.mtus.withImported([IMPORTED]) };

function linked(prefix: string, k: Knowledge) {
  const text = readLetter(prefix);
  const doc = letterDocument(text);
  return documentLinks(doc, k).map((l) => ({ text: text.slice(doc.lines.offsetAt(l.range.start), doc.lines.offsetAt(l.range.end)), target: l.target, tooltip: l.tooltip }));
}

test('without an imported PDF there is nothing to link to', () => {
  for (const prefix of ['000', '001', '002', '003', '004']) assert.deepEqual(linked(prefix, base), []);
});

test('letter 000: the cited page 65 links to its page of the stored PDF', () => {
  assert.deepEqual(linked('000', imported), [
    { text: '65', target: 'file:///store/mtus/cpmtg%202009.pdf#page=71', tooltip: 'Open page 65 of Chronic Pain Medical Treatment Guidelines (2009)' },
  ]);
});

test('letter 001: prose "page 64 of the MTUS ..." links; pages the import lacks do not', () => {
  const links = linked('001', imported);
  assert.deepEqual(links.map((l) => [l.text, l.target]), [['page 64 of the MTUS', 'file:///store/mtus/cpmtg%202009.pdf#page=70']]);
});

test('letter 004: a range links to the first of its pages the import has', () => {
  const links = linked('004', imported);
  assert.deepEqual(links.map((l) => [l.text, l.target]), [['63-64', 'file:///store/mtus/cpmtg%202009.pdf#page=70']]);
});

test('page file uris: POSIX, Windows, uri, special characters', () => {
  assert.equal(pageFileUri('/a b/c#d.pdf', 3), 'file:///a%20b/c%23d.pdf#page=3');
  assert.equal(pageFileUri('C:\\Users\\x\\MTUS.pdf', 9), 'file:///C:/Users/x/MTUS.pdf#page=9');
  assert.equal(pageFileUri('file:///x/y.pdf#old', 2), 'file:///x/y.pdf#page=2');
  assert.equal(pageFileUri('\\\\server\\share\\g.pdf', 1), 'file://server/share/g.pdf#page=1');
});
