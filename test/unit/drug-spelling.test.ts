/**
 * drug-spelling on the real letters and on variants: silent on every word of letters 000-003, the
 * four "Baclofan" of letter 004 outside its title, other misspellings, English words near drug
 * names, user names.
 */
import { checkContext } from '../../server/src/checks/facts';
import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import check, { spellingDistance } from '../../server/src/checks/drug-spelling';
import unknownDrug from '../../server/src/checks/unknown-drug';
import type { CheckContext, Finding } from '../../server/src/checks/types';
import { loadDrugLexicon, type DrugLexicon } from '../../server/src/knowledge/drugs';
import { loadMtusIndex } from '../../server/src/knowledge/mtus';
import { parse } from '../../server/src/parser/parse';
import { edit, readLetter } from '../helpers';

type Found = Omit<Finding, 'code' | 'severity'>;

function context(text: string, drugs: DrugLexicon = loadDrugLexicon()): CheckContext {
  return checkContext(text, parse(text), { drugs, mtus: loadMtusIndex() });
}

function run(text: string, drugs?: DrugLexicon): Found[] {
  return [...check.run(context(text, drugs))];
}

/** Every offset where `word` occurs in `text`. */
function offsets(text: string, word: string): number[] {
  const out: number[] = [];
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) out.push(at);
  return out;
}

describe('drug-spelling on the real letters', () => {
  test('is a hint by default', () => {
    assert.equal(check.code, 'drug-spelling');
    assert.equal(check.defaultSeverity, 'hint');
  });

  for (const prefix of ['000', '001', '002', '003']) {
    test(`letter ${prefix}: no word is taken for a misspelled drug`, () => {
      assert.deepEqual(run(readLetter(prefix)), []);
    });
  }

  test('letter 004: the four "Baclofan" outside the title, and not the one unknown-drug reports', () => {
    const text = readLetter('004');
    const all = offsets(text, 'Baclofan');
    assert.equal(all.length, 5, 'the letter spells it so five times');
    const title = text.indexOf('Baclofan 20 mg, QTY: 30:  Upheld');
    const expected = all.filter((at) => at !== title);
    const findings = run(text);
    assert.deepEqual(
      findings.map((f) => [f.start, f.end]),
      expected.map((at) => [at, at + 8]),
    );
    // By hand: the UR denial in the summary, the restated request, "requesting Baclofan #30", "Baclofan is not".
    assert.deepEqual(
      expected.map((at) => text.slice(at, at + 20)),
      ['Baclofan 20mg, Qty: ', 'Baclofan 20 mg Qty: ', 'Baclofan #30 and thi', 'Baclofan is not reco'],
    );
    for (const f of findings) {
      assert.equal(
        f.message,
        '"Baclofan" looks like a misspelling of "Baclofen". Correct it, or add the word to the setting imr.drugs.extra if it is a drug name.',
      );
      assert.deepEqual(f.data, { word: 'Baclofan', suggestions: ['Baclofen'] });
      assert.deepEqual(f.fixes, [
        { title: 'Change to "Baclofen"', edits: [{ start: f.start, end: f.end, newText: 'Baclofen' }], preferred: true, safe: true },
      ]);
    }
    const [titleFinding] = [...unknownDrug.run(context(text))];
    assert.equal(titleFinding.start, title);
  });

  test('letter 004 with every fix of both checks applied is clean', () => {
    let text = readLetter('004');
    const edits = [...check.run(context(text)), ...unknownDrug.run(context(text))]
      .map((f) => f.fixes![0].edits[0])
      .sort((a, b) => b.start - a.start);
    for (const e of edits) text = text.slice(0, e.start) + e.newText + text.slice(e.end);
    assert.equal(offsets(text, 'Baclofan').length, 0);
    assert.deepEqual(run(text), []);
    assert.deepEqual([...unknownDrug.run(context(text))], []);
  });

  test('letter 004 with "Baclofan" as a user name: silent', () => {
    assert.deepEqual(run(readLetter('004'), loadDrugLexicon().withExtra(['Baclofan'])), []);
  });
});

describe('drug-spelling on variants', () => {
  test('misspellings in a case summary and a rationale, in any case', () => {
    let text = readLetter('003');
    text = edit(text, 'Neurontin for neuropathic pain', 'Neurontine for neuropathic pain');
    text = edit(text, 'Therefore the use of Klonopin 1mg #30', 'Therefore the use of KLONOPN 1mg #30');
    const findings = run(text);
    assert.deepEqual(
      findings.map((f) => [text.slice(f.start, f.end), f.data?.suggestions]),
      [
        ['Neurontine', ['Neurontin']],
        ['KLONOPN', ['KLONOPIN']],
      ],
    );
  });

  test('a word within the title of a known item is checked too', () => {
    const text = edit(readLetter('003'), '**Norco 10/325mg quantity 180:**', '**Norco 10/325mg quantity 180 (Hydrocodon/APAP):**');
    const findings = run(text);
    assert.deepEqual(findings.map((f) => [text.slice(f.start, f.end), f.data?.suggestions]), [['Hydrocodon', ['Hydrocodone']]]);
  });

  test('two edits are allowed only for long words', () => {
    assert.deepEqual([5, 8, 11, 12, 15].map(spellingDistance), [1, 1, 1, 2, 2]);
    const text = edit(readLetter('003'), 'Baclofen for muscle spasms', 'Baclafon or cyclobenzeprene for muscle spasms');
    const findings = run(text);
    assert.deepEqual(findings.map((f) => [text.slice(f.start, f.end), f.data?.suggestions]), [['cyclobenzeprene', ['cyclobenzaprine']]]);
  });

  test('English words near drug names, short words and known multiword names are left alone', () => {
    const sentence = 'The payer said the layer of anvil dust was alive; Somatic MS Contin and Ben-Gay; ADLs, NSAIDs. ';
    const text = edit(readLetter('003'), 'Physical exam of the lumbar spine', `${sentence}Physical exam of the lumbar spine`);
    assert.deepEqual(run(text), []);
  });

  test('a word near a drug name is left alone inside a multiword name, and reported outside one', () => {
    // "tromethamine" is two edits from "promethazine", and a word of "ketorolac tromethamine".
    const inside = edit(readLetter('003'), 'Baclofen for muscle spasms', 'Ketorolac tromethamine for muscle spasms');
    assert.deepEqual(run(inside), []);
    const outside = edit(readLetter('003'), 'Baclofen for muscle spasms', 'Ketorolac and tromethamine for muscle spasms');
    assert.deepEqual(run(outside).map((f) => outside.slice(f.start, f.end)), ['tromethamine']);
  });

  test('a user name is not a misspelling, and a user name can be misspelled', () => {
    const text = edit(readLetter('003'), 'Baclofen for muscle spasms', 'Zynrelef and Zynreleff for muscle spasms');
    const drugs = loadDrugLexicon().withExtra(['Zynrelef']);
    const findings = run(text, drugs);
    assert.deepEqual(findings.map((f) => [text.slice(f.start, f.end), f.data?.suggestions]), [['Zynreleff', ['Zynrelef']]]);
    assert.deepEqual(run(text).map((f) => text.slice(f.start, f.end)), []);
  });
});

test('abbreviations in capitals are not misspelled drugs (NSAID is one edit from Ansaid)', async () => {
  const { analyze } = await import('../../server/src/engine');
  const text = readLetter('003').replace('benzodiazepines are not recommended', 'benzodiazepines, like NSAIDs and an NSAID, are not recommended');
  assert.deepEqual(analyze(text).findings.filter((f) => f.code === 'drug-spelling'), []);
});
