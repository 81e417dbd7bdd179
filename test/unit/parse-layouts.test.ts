/**
 * The older letter layouts (our own sample letters in test/fixtures/layouts) and the equivalence
 * of the two surface forms.
 */
import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { parse } from '../../server/src/parser/parse';
import { decisionToJson } from '../../server/src/json';
import { readFixture, readLetter, toPdfText } from '../helpers';

describe('older layouts', () => {
  test('2013 notice: numbered decisions, outcomes from "(not) medically necessary and appropriate"', () => {
    const d = parse(readFixture('notice-2013.txt'));
    assert.equal(d.layout, 'notice-2013');
    assert.deepEqual(d.sections.map((s) => s.kind), ['decisions-summary', 'issues', 'how-made', 'clinical-summary', 'documents-reviewed']);
    assert.deepEqual(
      d.items.map((i) => [i.title.text, i.outcome, i.strength, i.quantity, i.rationale?.conclusion]),
      [
        ['Tramadol 50mg #60', 'upheld', '50mg', 60, 'not-medically-necessary'],
        ['six sessions of aquatic therapy', 'overturned', null, null, 'medically-necessary'],
      ],
    );
    assert.deepEqual(
      d.items[0].guidelines.map((g) => [g.by, g.citations[0].guideline, g.citations[0].topic, g.citations[0].pages]),
      [
        ['claims-administrator', 'Chronic Pain Medical Treatment Guidelines', 'Tramadol', [113]],
        ['maximus', 'Chronic Pain Medical Treatment Guidelines', 'Criteria for use of opioids', [76, 77, 78, 79, 80]],
      ],
    );
    const json = decisionToJson(d, readFixture('notice-2013.txt'));
    assert.equal(json.caseNumber, 'CM13-0004521');
    assert.deepEqual(json.dates, { decision: '2013-10-15', urDenial: '2013-08-02', injury: '2011-03-14', applicationReceived: '2013-08-20' });
    assert.deepEqual(json.reviewer, { licensure: ['California'], specialty: ['Physical Medicine and Rehabilitation'] });
  });

  test('2013 notice: both parties\' bases in one paragraph are both read', () => {
    const original = readFixture('notice-2013.txt');
    const joined = original.replace(
      'page 113.\nThe Expert Reviewer based his/her decision on',
      'page 113. The Expert Reviewer based his/her decision on',
    );
    assert.notEqual(joined, original);
    const d = parse(joined);
    assert.deepEqual(
      d.items[0].guidelines.map((g) => [g.by, g.label.text, g.citations[0].topic, g.citations[0].pages]),
      [
        ['claims-administrator', 'The Claims Administrator based its decision on', 'Tramadol', [113]],
        ['maximus', 'The Expert Reviewer based his/her decision on', 'Criteria for use of opioids', [76, 77, 78, 79, 80]],
      ],
    );
    // Each basis points at its own words in the letter.
    const maximus = d.items[0].guidelines[1];
    assert.equal(joined.slice(maximus.label.start, maximus.label.end), 'The Expert Reviewer based his/her decision on');
  });

  test('MEDICAL PROFESSIONAL REVIEW: wrapped headings, one item, outcome from the conclusion', () => {
    const d = parse(readFixture('professional-review.txt'));
    assert.equal(d.layout, 'professional-review');
    assert.deepEqual(d.sections.map((s) => s.kind), ['issues', 'clinical-summary', 'documents-reviewed', 'guidelines', 'rationale', 'how-made']);
    assert.equal(d.sections[3].title, 'MEDICAL TREATMENT GUIDELINE(S) RELIED UPON BY PROFESSIONAL REVIEWER AND WHY');
    assert.equal(d.sections[4].title, 'RATIONALE FOR WHY THE REQUESTED TREATMENT/SERVICE IS/WAS NOT MEDICALLY NECESSARY');
    assert.equal(d.items.length, 1);
    const item = d.items[0];
    assert.equal(item.title.text, 'lumbar epidural steroid injection at L4-5');
    assert.equal(item.outcome, 'upheld');
    assert.deepEqual(item.guidelines[0].citations.map((c) => [c.guideline, c.topic, c.pages]), [
      ['Chronic Pain Medical Treatment Guidelines', 'Epidural steroid injections (ESIs)', [46]],
    ]);
    assert.deepEqual(d.reviewer.licensure, ['California']);
  });

  test('MAXIMUS 2014: DOCUMENTS REVIEWED and IMR DECISION(S) AND RATIONALE(S)', () => {
    const d = parse(readFixture('maximus-2014.txt'));
    assert.equal(d.layout, 'maximus-2014');
    assert.deepEqual(d.sections.map((s) => s.kind), ['how-made', 'documents-reviewed', 'clinical-summary', 'issues']);
    assert.deepEqual(
      d.items.map((i) => [i.title.text, i.outcome, i.guidelines.map((g) => g.citations[0].pages.length), i.rationale?.conclusion]),
      [['Naproxen 550mg #60', 'overturned', [7, 7], 'medically-necessary']],
    );
    const fields = Object.fromEntries(d.header!.fields.map((f) => [f.name, f.iso ?? f.value.text]));
    assert.deepEqual(fields, {
      caseNumber: 'CM14-0001234',
      assigned: '2014-01-10',
      injury: '2012-05-05',
      decision: '2014-02-20',
      urDenial: '2013-12-20',
      priority: 'Standard',
      applicationReceived: '2014-01-02',
    });
  });
});

describe('both surface forms give the same model', () => {
  for (const prefix of ['000', '002', '003']) {
    test(`letter ${prefix} as PDF-extracted text parses like its markdown form`, () => {
      const markdown = readLetter(prefix);
      const pdf = toPdfText(markdown);
      const a = decisionToJson(parse(markdown), markdown);
      const b = decisionToJson(parse(pdf), pdf);
      assert.equal(b.form, 'pdf-text');
      const strip = (j: typeof a) => ({
        ...j,
        form: undefined,
        sections: j.sections.map((s) => s.kind),
        items: j.items.map((i) => ({ ...i, range: undefined, rationale: i.rationale?.conclusion })),
      });
      assert.deepEqual(strip(b), strip(a));
    });
  }
});
