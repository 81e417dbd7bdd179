/**
 * citation-page on the real letters and on variants of them with a wrong page: outside the guideline,
 * contradicting a corpus-confirmed entry (error), next to it or contradicting an unconfirmed entry
 * (hint), prose pages, 2016+ and non-MTUS citations (silent).
 */
import { checkContext } from '../../server/src/checks/facts';
import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import check from '../../server/src/checks/citation-page';
import type { Finding } from '../../server/src/checks/types';
import { loadDrugLexicon } from '../../server/src/knowledge/drugs';
import { loadMtusIndex } from '../../server/src/knowledge/mtus';
import { parse } from '../../server/src/parser/parse';
import { corpusFiles, edit, readLetter } from '../helpers';

type Found = Omit<Finding, 'code' | 'severity'> & { severity?: Finding['severity'] };

const knowledge = { drugs: loadDrugLexicon(), mtus: loadMtusIndex() };

function run(text: string): Found[] {
  return [...check.run(checkContext(text, parse(text), knowledge))];
}

/** The finding's code-independent essentials: severity, the text its range covers, its message. */
function essentials(text: string, f: Found) {
  return { severity: f.severity ?? check.defaultSeverity, range: text.slice(f.start, f.end), message: f.message };
}

describe('citation-page on the real letters', () => {
  test('is an error by default, with its code', () => {
    assert.equal(check.code, 'citation-page');
    assert.equal(check.defaultSeverity, 'error');
  });

  for (const file of corpusFiles()) {
    test(`${file.slice(0, 3)}: every cited page fits its topic`, () => {
      assert.deepEqual(run(readLetter(file.slice(0, 3))), []);
    });
  }
});

describe('citation-page on wrong pages', () => {
  test('Baclofen cited at page 24, where the confirmed entry is Benzodiazepines: error on the page number', () => {
    const text = edit(readLetter('003'), 'Baclofen Page(s): 65', 'Baclofen Page(s): 24');
    const found = run(text);
    assert.equal(found.length, 1);
    assert.deepEqual(essentials(text, found[0]), {
      severity: 'error',
      range: '24',
      message:
        'Cited page 24 for Baclofen (antispasticity/antispasmodic drugs), but the CPMTG 2009 has Baclofen (antispasticity/antispasmodic drugs) on pages 64-65, 111-113 (confirmed by real letters). Page 24 is about Benzodiazepines and Biofeedback.',
    });
    assert.equal(found[0].start, text.indexOf('Baclofen Page(s): 24') + 'Baclofen Page(s): '.length);
    assert.deepEqual(found[0].data, {
      guideline: 'cpmtg-2009',
      topics: ['baclofen'],
      pages: [24, 24],
      expected: [{ topic: 'baclofen', pages: [[64, 65], [111, 113]] }],
      basis: 'index',
      certainty: 'confirmed',
    });
    assert.deepEqual(found[0].fixes?.map((f) => f.title), ['Cite pages 64-65', 'Cite pages 111-113']);
    const fix = found[0].fixes?.[0];
    const fixed = text.slice(0, fix!.edits[0].start) + fix!.edits[0].newText + text.slice(fix!.edits[0].end);
    assert.ok(fixed.includes('Baclofen Page(s): 64-65.'));
    assert.deepEqual(run(fixed), []);
  });

  test('page 400: outside the guideline', () => {
    const text = edit(readLetter('000'), 'Baclofen Page(s): 65', 'Baclofen Page(s): 400');
    const found = run(text);
    assert.deepEqual(found.map((f) => essentials(text, f)), [
      { severity: 'error', range: '400', message: 'Cited page 400: outside the Chronic Pain Medical Treatment Guidelines (2009), which has 127 pages.' },
    ]);
  });

  test('one bad range among several is the one reported (PDF-text letter 004)', () => {
    const text = edit(readLetter('004'), '88-89, 76-78; 60-61', '88-89, 76-78; 160-161');
    const found = run(text);
    assert.deepEqual(found.map((f) => [f.severity ?? 'error', text.slice(f.start, f.end)]), [['error', '160-161']]);
  });

  test('next to a confirmed entry: only a hint (a topic may run onto the next page)', () => {
    const next = edit(readLetter('003'), 'Benzodiazepines Page(s): 24', 'Benzodiazepines Page(s): 25');
    assert.deepEqual(run(next).map((f) => [f.severity, next.slice(f.start, f.end)]), [['hint', '25']]);
    const further = edit(readLetter('003'), 'Benzodiazepines Page(s): 24', 'Benzodiazepines Page(s): 26');
    assert.deepEqual(run(further).map((f) => [f.severity ?? 'error', further.slice(f.start, f.end)]), [['error', '26']]);
  });

  test('against an unconfirmed entry: a hint that says so', () => {
    const text = edit(readLetter('003'), 'Benzodiazepines Page(s): 24', 'Yoga Page(s): 24');
    const found = run(text);
    assert.deepEqual(found.map((f) => essentials(text, f)), [
      {
        severity: 'hint',
        range: '24',
        message: 'Cited page 24 for Yoga; the MTUS index places Yoga on page 126. These index pages are not yet confirmed: import the official PDF to check.',
      },
    ]);
  });

  test('a prose page outside the guideline: error on the number', () => {
    const text = edit(readLetter('001'), 'page 64 of the MTUS', 'page 164 of the MTUS');
    const found = run(text);
    assert.deepEqual(found.map((f) => essentials(text, f)), [
      { severity: 'error', range: '164', message: 'The rationale cites page 164, outside the Chronic Pain Medical Treatment Guidelines (2009), which has 127 pages.' },
    ]);
  });

  test('"MTUS page N" takes the guideline of the item\'s citation', () => {
    const text = edit(readLetter('004'), 'MTUS page 78', 'MTUS page 780');
    assert.deepEqual(run(text).map((f) => text.slice(f.start, f.end)), ['780']);
  });
});

describe('citation-page stays silent', () => {
  test('on 2016 guidelines, named or by the letter date', () => {
    const named = edit(readLetter('000'), 'MTUS Chronic Pain Treatment Guidelines Baclofen Page(s): 65', 'MTUS Chronic Pain Medical Treatment 2016, Baclofen Page(s): 400');
    assert.deepEqual(run(named), []);
    const dated = edit(edit(readLetter('003'), '01/27/2015', '09/26/2016'), 'Baclofen Page(s): 65', 'Baclofen Page(s): 400');
    assert.deepEqual(run(dated), []);
  });

  test('on non-MTUS citations', () => {
    const text = edit(readLetter('002'), '(ODG) Pain, Topical Analgesics', '(ODG) Pain, Topical Analgesics Page(s): 900');
    assert.deepEqual(run(text), []);
  });

  test('on pages of guidelines whose pages are not indexed (ACOEM)', () => {
    const text = edit(readLetter('001'), 'page 47 of the ACOEM', 'page 470 of the ACOEM');
    assert.deepEqual(run(text), []);
  });
});
