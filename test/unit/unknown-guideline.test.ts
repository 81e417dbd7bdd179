/**
 * unknown-guideline on the real letters and on variants of them: a misspelt guideline name, a year
 * the guideline does not have, ODG cited as MTUS, unknown names and regulations in prose; non-MTUS
 * citations and the later MTUS parts are recognised and left alone.
 */
import { checkContext } from '../../server/src/checks/facts';
import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import check from '../../server/src/checks/unknown-guideline';
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

function applyFix(text: string, finding: Found, index = 0): string {
  const [e] = finding.fixes![index].edits;
  return text.slice(0, e.start) + e.newText + text.slice(e.end);
}

const MAXIMUS_LINE = '**MAXIMUS guideline:** Decision based on MTUS Chronic Pain Treatment Guidelines Baclofen Page(s): 65.';

describe('unknown-guideline on the real letters', () => {
  test('is a warning by default, with its code', () => {
    assert.equal(check.code, 'unknown-guideline');
    assert.equal(check.defaultSeverity, 'warning');
  });

  for (const file of corpusFiles()) {
    test(`${file.slice(0, 3)}: every guideline is known (ODG as non-MTUS)`, () => {
      assert.deepEqual(run(readLetter(file.slice(0, 3))), []);
    });
  }
});

describe('unknown-guideline on variants', () => {
  test('a misspelt name: warning on the name, with a fix that keeps the topic', () => {
    const text = edit(readLetter('000'), MAXIMUS_LINE, MAXIMUS_LINE.replace('Guidelines Baclofen', 'Guidlines Baclofen'));
    const found = run(text);
    assert.equal(found.length, 1);
    assert.equal(found[0].severity, undefined, 'the default severity: warning');
    assert.equal(text.slice(found[0].start, found[0].end), 'Chronic Pain Treatment Guidlines Baclofen');
    assert.equal(
      found[0].message,
      '"Chronic Pain Treatment Guidlines Baclofen" is not a guideline the MTUS index knows. Did you mean "Chronic Pain Treatment Guidelines"?',
    );
    assert.equal(found[0].fixes?.[0].title, 'Change to "Chronic Pain Treatment Guidelines"');
    const fixed = applyFix(text, found[0]);
    assert.ok(fixed.includes(MAXIMUS_LINE), 'the fix restores the line');
    assert.deepEqual(run(fixed), []);
  });

  test('a year the guideline does not have', () => {
    const text = edit(readLetter('001'), 'MTUS General Approaches 2004', 'MTUS General Approaches 2009');
    const found = run(text);
    assert.deepEqual(
      found.map((f) => [text.slice(f.start, f.end), f.message, f.fixes?.map((x) => x.title)]),
      [['General Approaches 2009', '"General Approaches 2009": General Approaches is known only as "General Approaches 2004", not 2009.', ['Change to "General Approaches 2004"']]],
    );
  });

  test('a guideline nobody knows', () => {
    const text = edit(readLetter('003'), 'MTUS Chronic Pain Treatment Guidelines Benzodiazepines', 'MTUS Sleep Hygiene Guidelines Benzodiazepines');
    const found = run(text);
    assert.deepEqual(found.map((f) => [text.slice(f.start, f.end), f.message]), [['Sleep Hygiene Guidelines', '"Sleep Hygiene Guidelines" is not a guideline the MTUS index knows.']]);
  });

  test('ODG cited as MTUS', () => {
    const text = edit(readLetter('002'), 'Non-MTUS Citation Official Disability Guidelines', 'MTUS Official Disability Guidelines');
    const found = run(text);
    assert.deepEqual(found.map((f) => [text.slice(f.start, f.end), f.message]), [
      ['Official Disability Guidelines', 'Official Disability Guidelines (ODG) is not part of the MTUS: cite it as a "Non-MTUS Citation".'],
    ]);
  });

  test('an unknown name and an unknown definition in the rationale: hints', () => {
    const text = edit(edit(readLetter('001'), 'page 47 of the ACOEM Practice Guidelines', 'page 47 of the ACOEM Moon Guidelines'), 'MTUS 9792.20e', 'MTUS 9792.20z');
    const found = run(text);
    assert.deepEqual(found.map((f) => [f.severity, text.slice(f.start, f.end), f.message]), [
      ['hint', 'ACOEM Moon Guidelines', 'The rationale cites "ACOEM Moon Guidelines", which is not a guideline the MTUS index knows.'],
      ['hint', 'MTUS 9792.20z', 'The rationale cites "MTUS 9792.20z", but 9792.20 has no definition (z).'],
    ]);
  });
});

describe('unknown-guideline recognises', () => {
  test('non-MTUS sources of any kind', () => {
    const text = edit(readLetter('002'), 'Non-MTUS Citation Official Disability Guidelines (ODG) Pain, Topical Analgesics', 'Non-MTUS Citation Smith J, Topical baclofen in rats, J Pain 2010');
    assert.deepEqual(run(text), []);
  });

  test('the later MTUS parts and the other 2009-era parts by their MAXIMUS names', () => {
    for (const name of ['Chronic Pain Medical Treatment 2016', 'Opioid Treatment 2016', 'Postsurgical Treatment 2009', 'Acupuncture Treatment 2007', 'Low Back Complaints 2004', 'Knee Disorders 2019']) {
      const text = edit(readLetter('001'), 'MTUS General Approaches 2004', `MTUS ${name}`);
      assert.deepEqual(run(text), [], name);
    }
  });
});
