/**
 * unknown-drug on the real letters and on variants of them: the misspelled title of letter 004,
 * other misspellings, names the lexicon lacks, user names, and items that are not drugs.
 */
import { checkContext } from '../../server/src/checks/facts';
import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import check from '../../server/src/checks/unknown-drug';
import type { Finding } from '../../server/src/checks/types';
import { loadDrugLexicon, type DrugLexicon } from '../../server/src/knowledge/drugs';
import { loadMtusIndex } from '../../server/src/knowledge/mtus';
import { parse } from '../../server/src/parser/parse';
import { edit, readLetter } from '../helpers';

type Found = Omit<Finding, 'code' | 'severity'>;

/** Runs the check on a letter's text. */
function run(text: string, drugs: DrugLexicon = loadDrugLexicon()): Found[] {
  return [...check.run(checkContext(text, parse(text), { drugs, mtus: loadMtusIndex() }))];
}

/** Applies the fix of a finding. */
function applyFix(text: string, finding: Found, index = 0): string {
  const [e] = finding.fixes![index].edits;
  return text.slice(0, e.start) + e.newText + text.slice(e.end);
}

/** Letter 003 with its Klonopin item retitled (markdown form). */
function letter003With(title: string): string {
  return edit(readLetter('003'), '**Klonopin 1mg quantity 30:** Upheld', `**${title}:** Upheld`);
}

describe('unknown-drug on the real letters', () => {
  test('is an error by default', () => {
    assert.equal(check.code, 'unknown-drug');
    assert.equal(check.defaultSeverity, 'error');
  });

  for (const prefix of ['000', '001', '002', '003']) {
    test(`letter ${prefix}: every item names a known drug`, () => {
      assert.deepEqual(run(readLetter(prefix)), []);
    });
  }

  test('letter 004: the title "Baclofan 20 mg, QTY: 30" names no known drug', () => {
    const text = readLetter('004');
    const title = text.indexOf('Baclofan 20 mg, QTY: 30:  Upheld');
    const findings = run(text);
    assert.equal(findings.length, 1);
    const [f] = findings;
    assert.deepEqual([f.start, f.end], [title, title + 'Baclofan'.length]);
    assert.equal(
      f.message,
      '"Baclofan" is not a known drug name. Did you mean "Baclofen"? Correct the name, or add it to the setting imr.drugs.extra if it is right.',
    );
    assert.deepEqual(f.data, { word: 'Baclofan', suggestions: ['Baclofen'] });
    assert.deepEqual(f.fixes, [
      { title: 'Change to "Baclofen"', edits: [{ start: title, end: title + 8, newText: 'Baclofen' }], preferred: true, safe: true },
    ]);
    const fixed = applyFix(text, f);
    assert.ok(fixed.includes('Baclofen 20 mg, QTY: 30:  Upheld'));
    assert.deepEqual(run(fixed), []);
  });

  test('letter 004 with "Baclofan" added as a user name: silent', () => {
    assert.deepEqual(run(readLetter('004'), loadDrugLexicon().withExtra(['Baclofan'])), []);
  });
});

describe('unknown-drug on variants', () => {
  test('a misspelled brand in a markdown title, with the case kept in the fix', () => {
    const text = letter003With('Klonopim 1mg quantity 30');
    const [f, ...rest] = run(text);
    assert.equal(rest.length, 0);
    assert.equal(text.slice(f.start, f.end), 'Klonopim');
    assert.deepEqual(f.data, { word: 'Klonopim', suggestions: ['Klonopin'] });
    assert.equal(f.fixes?.[0].safe, true);
    assert.ok(applyFix(text, f).includes('**Klonopin 1mg quantity 30:** Upheld'));
  });

  test('upper case stays upper case', () => {
    const text = letter003With('KLONOPIM 1MG #30');
    const [f] = run(text);
    assert.deepEqual(f.data, { word: 'KLONOPIM', suggestions: ['KLONOPIN'] });
  });

  test('several suggestions: one fix each, the best preferred, none safe', () => {
    const text = letter003With('Medrix patches #30');
    const [f] = run(text);
    assert.equal(text.slice(f.start, f.end), 'Medrix');
    const names = f.data?.suggestions as string[];
    assert.deepEqual(names, ['Medrox', 'Medrol']);
    assert.equal(f.fixes?.length, names.length);
    assert.deepEqual(
      f.fixes?.map((x) => [x.title, x.preferred ?? false, x.safe ?? false]),
      names.map((n, i) => [`Change to "${n}"`, i === 0, false]),
    );
    assert.match(f.message, /^"Medrix" is not a known drug name\. Did you mean "Medrox" or "Medrol"\?/);
  });

  test('a name far from every known drug: reported without fixes', () => {
    const text = letter003With('Zzyzxamab 10mg #30');
    const [f] = run(text);
    assert.equal(text.slice(f.start, f.end), 'Zzyzxamab');
    assert.deepEqual(f.data, { word: 'Zzyzxamab', suggestions: [] });
    assert.deepEqual(f.fixes, []);
    assert.match(f.message, /No known name is close\./);
    assert.deepEqual(run(text, loadDrugLexicon().withExtra(['Zzyzxamab'])), []);
  });

  test('the range is the whole treatment (a retrospective request\'s without "Retro"); the fix replaces the misspelled word only', () => {
    const text = letter003With('Retro Gabapentine Extra 600mg #90');
    const [f] = run(text);
    assert.equal(text.slice(f.start, f.end), 'Gabapentine Extra');
    const [e] = f.fixes![0].edits;
    assert.equal(text.slice(e.start, e.end), 'Gabapentine');
    assert.equal(e.newText, 'Gabapentin');
  });

  test('known generics, brands, combinations, compounds and medical foods are silent', () => {
    for (const title of [
      'Hydrocodone/APAP 10/325mg #60',
      'APAP/Codeine 300/30mg #60',
      'MS Contin 30mg #60',
      'Tylenol with Codeine #3 #60',
      'Terocin patches #30',
      'LidoPro ointment 121g',
      'Flurbiprofen/Cyclobenzaprine/Menthol cream 20%/10%/4% 180gm',
      'Compound cream: Gabapentin 10%, Lidocaine 5% 240g',
      'Theramine #120',
      'Sentra PM #60',
      'Omeprazole DR 20mg #30',
      'Hysingla 20mg #30',
      // Products the posted 2016-2017 letters dispute (brands of compounded creams and kits).
      'Cyclophene 5% cream 111.2 grams',
      'Ketophene 20% cream, 167 grams',
      'Anecream cream 4% #30',
      'Trezix capsule 320.5/30/16mg #5',
    ]) {
      assert.deepEqual(run(letter003With(title)), [], title);
    }
  });

  test('services, devices, procedures and plain descriptions are silent', () => {
    for (const title of [
      'TENS unit #1',
      'Physical therapy #12',
      'Lumbar epidural steroid injection #1',
      'Trigger point injections #3',
      'MRI of the lumbar spine #1',
      'Knee brace #1',
      'Functional restoration program x 10 days #10',
      'Urine drug screen #1',
      'Consultation with pain management #1',
      'Sleep aid #30',
    ]) {
      assert.deepEqual(run(letter003With(title)), [], title);
    }
  });

  test('a strength is never taken for a drug name ("325mg", "7.5/325mg")', () => {
    for (const title of ['325mg tablets #60', '7.5/325mg #90', 'Medication 10/325mg #60']) {
      assert.deepEqual(run(letter003With(title)), [], title);
    }
    // A misspelled name next to a strength is still found.
    const [f] = run(letter003With('Norcco 10/325mg #60'));
    assert.equal(f.data?.word, 'Norcco');
  });

  test('items that are not medications (no strength, form or quantity) are left alone', () => {
    assert.deepEqual(run(letter003With('Zzyzxamab')), []);
  });
});
