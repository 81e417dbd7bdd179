/**
 * The model of every real letter (the five older ones and the 104 posted letters of dwc-2017)
 * against test/golden/real-letters.json, whose facts were checked by hand against the letter text:
 * case number, the five dates, priority, the reviewer's licensure and specialties, the patient,
 * and each item's whole title, outcome, treatment, category, modified request, citations and
 * conclusion. On an issued letter, every conclusion agrees with its outcome.
 */
import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { letterDocument } from '../../server/src/features/document';
import { applyEdits, normalizePdfText } from '../../server/src/features/normalize';
import { parse } from '../../server/src/parser/parse';
import { allRealLetters, dwcLetters, lettersMissing } from '../corpusLetters';
import { factsOf, type LetterFacts } from '../golden/facts';
import { repoRoot } from '../helpers';

const golden = JSON.parse(fs.readFileSync(path.join(repoRoot, 'test', 'golden', 'real-letters.json'), 'utf8')) as Record<string, LetterFacts>;

describe('every real letter reads as checked by hand', { skip: lettersMissing ?? false }, () => {
  const letters = allRealLetters();
  test('the golden file covers exactly the real letters', () => {
    assert.deepEqual(Object.keys(golden).sort(), letters.map((l) => l.name).sort());
  });
  for (const letter of letters) {
    test(letter.name, () => {
      assert.deepEqual(factsOf(parse(letter.text)), golden[letter.name]);
    });
  }
});

describe('what the posted letters of 2016-2017 hold', { skip: lettersMissing ?? false }, () => {
  const decisions = dwcLetters().map((l) => ({ name: l.name, decision: parse(l.text) }));
  const items = decisions.flatMap((d) => d.decision.items.map((item) => ({ name: d.name, item })));

  test('104 letters, 239 items (217 upheld, 22 overturned), as the corpus README counts them', () => {
    assert.equal(decisions.length, 104);
    assert.equal(items.length, 239);
    assert.equal(items.filter((i) => i.item.outcome === 'upheld').length, 217);
    assert.equal(items.filter((i) => i.item.outcome === 'overturned').length, 22);
  });

  test('every conclusion agrees with its outcome (upheld = not medically necessary)', () => {
    const disagree = items
      .filter(({ item }) => item.rationale?.conclusion !== (item.outcome === 'upheld' ? 'not-medically-necessary' : 'medically-necessary'))
      .map(({ name, item }) => `${name}: ${item.title.text} (${item.outcome}, ${item.rationale?.conclusion})`);
    assert.deepEqual(disagree, []);
  });

  test('every letter names its case number in its file name, and has all five dates', () => {
    const wrong = decisions
      .filter(({ name, decision }) => factsOf(decision).caseNumber !== name || Object.keys(factsOf(decision).dates).length !== 5)
      .map((d) => d.name);
    assert.deepEqual(wrong, []);
  });

  test('a modified request: original, authorized and remaining, the treatment being the remaining part', () => {
    const modified = items.filter(({ item }) => item.request);
    assert.ok(modified.length >= 30, `${modified.length} modified requests`);
    for (const { name, item } of modified) {
      const r = item.request!;
      assert.ok(r.original.text && r.remaining.text, name);
      assert.ok(item.title.text.startsWith(r.original.text), `${name}: the original request opens the title`);
      assert.ok(item.treatment.text.length > 0 && r.remaining.text.includes(item.treatment.text.split(' ')[0]), `${name}: ${item.treatment.text}`);
    }
  });

  test('a retrospective item: its date of service when the title gives one', () => {
    const retro = items.filter(({ item }) => item.retrospective).map(({ item }) => [item.treatment.text, item.serviceDate ?? null]);
    assert.deepEqual(retro, [
      ['Cyclobenzaprine', '2016-12-07'],
      ['Famotidine', '2016-12-07'],
      ['Lidopro', '2016-12-07'],
      ['injection 5cc of lidocaine hcl 1percent and 1cc of dexamethasone', null],
    ]);
  });

  test('patient age and sex on every letter; diagnoses on most', () => {
    assert.deepEqual(decisions.filter((d) => d.decision.patient.sex === null).map((d) => d.name), []);
    // One letter gives two birthdates and no age.
    assert.deepEqual(decisions.filter((d) => d.decision.patient.age === null).map((d) => d.name), ['CM16-0249170']);
    assert.ok(decisions.filter((d) => d.decision.diagnoses.length > 0).length >= 90);
  });

  test('every category the letters dispute is found', () => {
    const categories = new Set(items.map((i) => i.item.category));
    for (const c of ['medication', 'imaging-testing', 'physical-medicine', 'surgery', 'injection', 'dme', 'home-health', 'evaluation', 'behavioral-health', 'program']) {
      assert.ok(categories.has(c as never), c);
    }
    assert.deepEqual(items.filter((i) => i.item.category === 'other').map((i) => i.item.title.text), []);
  });
});

describe('the same facts from the markdown form that IMR: Normalize PDF Text makes', { skip: lettersMissing ?? false }, () => {
  // A word the extraction broke at a hyphen reads "skilled- nursing" in the text and "skilled-nursing"
  // once normalized: the facts are compared without that space.
  const same = (facts: LetterFacts) => JSON.stringify(facts).replace(/- /g, '-');
  for (const letter of dwcLetters()) {
    test(letter.name, () => {
      const doc = letterDocument(letter.text);
      const markdown = applyEdits(letter.text, normalizePdfText(doc).edits);
      const d = parse(markdown);
      assert.equal(d.form, 'markdown');
      assert.equal(same(factsOf(d)), same(golden[letter.name]));
    });
  }
});
