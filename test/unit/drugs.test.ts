/**
 * The drug lexicon (server/data/drugs.json through server/src/knowledge/drugs.ts): lookups by
 * generic, brand, multiword and combination names, names found in real letters, suggestions,
 * user names, word-list files, and the English-word filter the spelling check uses.
 */
import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { DrugLexicon, loadDrugLexicon, parseWordList } from '../../server/src/knowledge/drugs';
import { boundedDistance, maxSuggestDistance } from '../../server/src/text/distance';
import { DeletionFilter } from '../../server/src/knowledge/deletionFilter';
import { lowerHash, matchCase, tokenize, WordScanner } from '../../server/src/knowledge/drugNames';
import { decodeWords, encodeWords, isEnglishWord } from '../../server/src/knowledge/english';
import englishData from '../../server/data/english-words.json';
import { corpusDir, readLetter } from '../helpers';

const drugs = loadDrugLexicon();

/** The generic (entry id) a name resolves to, or undefined. */
function id(name: string): string | undefined {
  return drugs.lookup(name)?.id;
}

describe('the bundled lexicon', () => {
  test('loads without problems and is large enough', () => {
    assert.deepEqual(drugs.problems, []);
    assert.ok(drugs.entries.length >= 250, `${drugs.entries.length} entries`);
    assert.ok(drugs.names().length >= 800, `${drugs.names().length} names`);
    assert.equal(loadDrugLexicon(), drugs, 'loaded once');
  });

  test('every entry has a class and at least one governing topic; CPMTG topics give pages', () => {
    for (const entry of drugs.entries) {
      assert.ok(entry.drugClass, entry.id);
      assert.ok(entry.topics.length > 0, entry.id);
      assert.ok(entry.governs.length > 0, entry.id);
      for (const topic of entry.topics) {
        if (topic.guideline === 'CPMTG') assert.match(topic.pages ?? '', /^\d+(?:-\d+)?$/, `${entry.id}: ${topic.topic}`);
        if (topic.pages) {
          const [from, to = from] = topic.pages.split('-').map(Number);
          assert.ok(from >= 1 && to <= 127 && from <= to, `${entry.id}: page ${topic.pages} outside the 2009 CPMTG`);
        }
      }
    }
  });

  test('every drug of the shared drugs.tsv (184 rows) is known by its generic and brand names', () => {
    const tsv = fs.readFileSync(path.join(corpusDir, '..', 'knowledge', 'drugs.tsv'), 'utf8');
    const rows = tsv.trim().split('\n').slice(1).map((line) => line.split('\t'));
    assert.equal(rows.length, 184);
    const bare = (s: string) => s.replace(/\s*\([^)]*\)/g, '').trim();
    // Rows whose "generic" describes a product (medical foods, kits) rather than naming a drug.
    const descriptive = /medical food|compounding kit|supplement$/;
    // "Gel-One" is left out on purpose: "gel one" is ordinary text in a letter.
    const leftOut = new Set(['Gel-One']);
    for (const [generic, brands] of rows) {
      const name = bare(generic);
      if (!descriptive.test(name)) {
        // "cyclobenzaprine/baclofen (topical ingredient)" lists two ingredients, not one product.
        const parts = name === 'cyclobenzaprine/baclofen' ? name.split('/') : [name];
        for (const part of parts) assert.ok(drugs.isKnown(part), `generic ${part}`);
      }
      for (const brand of brands.split(';').map(bare)) {
        if (brand && brand !== '-' && !leftOut.has(brand)) assert.ok(drugs.isKnown(brand), `brand ${brand}`);
      }
    }
  });
});

describe('lookup', () => {
  test('generic and brand names in any case', () => {
    assert.equal(id('baclofen'), 'baclofen');
    assert.equal(id('BACLOFEN'), 'baclofen');
    assert.equal(id('Lioresal'), 'baclofen');
    assert.equal(id('norco'), 'hydrocodone-acetaminophen');
    assert.equal(id('Klonopin'), 'clonazepam');
    assert.equal(id('OxyContin'), 'oxycodone-er');
    assert.equal(id('Baclofan'), undefined);
    assert.equal(id(''), undefined);
    assert.equal(id('  #  '), undefined);
  });

  test('multiword brands', () => {
    assert.equal(id('MS Contin'), 'morphine-sulfate');
    assert.equal(id('Tylenol with Codeine'), 'codeine-acetaminophen');
    assert.equal(id('Tylenol #3'), 'codeine-acetaminophen');
    assert.equal(id('Tylenol'), 'acetaminophen');
    assert.equal(id('Sentra PM'), drugs.lookup('Sentra AM')?.id);
    assert.equal(id('Voltaren Gel'), 'diclofenac-sodium-gel');
    assert.equal(id('Voltaren'), 'diclofenac-sodium');
  });

  test('combination products by generic, abbreviation, order and separator', () => {
    const norco = 'hydrocodone-acetaminophen';
    for (const name of [
      'hydrocodone/acetaminophen',
      'Hydrocodone/APAP',
      'hydrocodone-acetaminophen',
      'Hydrocodone / Acetaminophen',
      'APAP/hydrocodone',
      'acetaminophen and hydrocodone',
      'hydrocodone with acetaminophen',
      'Hydrocodone/APAP 10/325mg',
      'hydrocodone bitartrate/acetaminophen',
    ]) {
      assert.equal(id(name), norco, name);
    }
    assert.equal(id('oxycodone/acetaminophen'), drugs.lookup('Percocet')?.id);
    assert.equal(id('carisoprodol/ASA/codeine'), 'carisoprodol-aspirin-codeine');
    assert.equal(id('hydrocodone/ibuprofen'), drugs.lookup('Vicoprofen')?.id);
    assert.equal(id('hydrocodone/naproxen'), undefined);
  });

  test('salts, release forms and strengths do not hide the drug', () => {
    assert.equal(id('cyclobenzaprine HCl 7.5mg'), 'cyclobenzaprine');
    assert.equal(id('Tramadol ER 150 mg'), 'tramadol');
    assert.equal(id('Hysingla ER'), 'hydrocodone');
    assert.equal(id('Hysingla'), 'hydrocodone');
    assert.equal(id('Toprol XL'), 'metoprolol');
    assert.equal(id('diclofenac potassium'), 'diclofenac-potassium');
  });

  test('topical compounds name their ingredients; medical foods and kits are their own kinds', () => {
    const terocin = drugs.lookup('Terocin');
    assert.equal(terocin?.kind, 'topical-compound');
    assert.deepEqual(terocin?.ingredients, ['lidocaine', 'menthol', 'methyl salicylate', 'capsaicin']);
    assert.equal(drugs.lookup('LidoPro'), terocin);
    assert.equal(id('capsaicin/lidocaine/menthol/methyl salicylate'), terocin?.id);
    assert.equal(drugs.lookup('Fluriflex')?.kind, 'topical-compound');
    assert.equal(id('cyclobenzaprine/flurbiprofen'), drugs.lookup('Fluriflex')?.id);
    const theramine = drugs.lookup('Theramine');
    assert.equal(theramine?.kind, 'medical-food');
    assert.equal(theramine?.genericIsDescription, true);
    assert.match(theramine?.governs ?? '', /ODG Pain: Medical food/);
    assert.equal(drugs.lookup('Synapryn')?.kind, 'oral-suspension-kit');
    assert.deepEqual(drugs.lookup('Synapryn')?.ingredients, ['tramadol']);
    // A descriptive generic is not a name.
    assert.equal(drugs.lookup('medical food (joint inflammation)'), undefined);
  });

  test('each entry tells its governing topic, with CPMTG pages', () => {
    const baclofen = drugs.lookup('Baclofen')!;
    assert.equal(baclofen.drugClass, 'GABA-B agonist antispasticity agent');
    assert.deepEqual(baclofen.topics[0], { guideline: 'CPMTG', topic: 'Muscle relaxants (for pain)', pages: '63-66' });
    assert.match(baclofen.governs, /^CPMTG Muscle relaxants \(for pain\), p\. 63-66; /);
    assert.match(drugs.lookup('Nucynta')!.governs, /ODG Pain: Tapentadol/);
  });
});

describe('findAll', () => {
  test('the medication list of letter 001, in order, with exact ranges', () => {
    const text = readLetter('001');
    const from = text.indexOf('medication list includes');
    assert.ok(from > 0);
    const to = text.indexOf('the treating provider reported', from);
    const found = drugs.findAll(text).filter((m) => m.start >= from && m.end <= to);
    assert.deepEqual(
      found.map((m) => m.name),
      ['Zanaflex', 'Zorvolex', 'Amrix', 'Lunesta', 'Norco', 'Baclofen', 'Motrin', 'Concerta', 'diclofenac', 'Inderal', 'Aldactone', 'Skelaxin'],
    );
    for (const m of found) assert.equal(text.slice(m.start, m.end), m.name);
    assert.equal(found[4].entry.id, 'hydrocodone-acetaminophen');
  });

  test('letter 003 names Norco together with its generic combination', () => {
    const text = readLetter('003');
    const at = text.indexOf('Norco (Hydrocodone/Acetaminophen)');
    const found = drugs.findAll(text).filter((m) => m.start >= at && m.start < at + 40);
    assert.deepEqual(
      found.map((m) => [m.name, m.start - at, m.entry.id]),
      [
        ['Norco', 0, 'hydrocodone-acetaminophen'],
        ['Hydrocodone/Acetaminophen', 7, 'hydrocodone-acetaminophen'],
      ],
    );
  });

  test('longest match, multiword names across a line break, whole words only', () => {
    const text = 'Takes MS\nContin, Tylenol #3, Hydrocodone-APAP; Somatic pain; Normal. Ben Gay and Soma.';
    const at = (name: string, from = 0) => [name, text.indexOf(name, from), text.indexOf(name, from) + name.length];
    assert.deepEqual(
      drugs.findAll(text).map((m) => [m.name, m.start, m.end]),
      [at('MS\nContin'), at('Tylenol #3'), at('Hydrocodone-APAP'), at('Ben Gay'), at('Soma', text.indexOf('and Soma'))],
    );
  });

  test('a multiword name does not reach across a blank line or a sentence', () => {
    assert.deepEqual(drugs.findAll('MS\n\nContin').map((m) => m.name), []);
    assert.deepEqual(drugs.findAll('Tylenol. With codeine').map((m) => m.name), ['Tylenol', 'codeine']);
    assert.deepEqual(drugs.findAll('oxycodone, acetaminophen').map((m) => m.entry.id), ['oxycodone', 'acetaminophen']);
    assert.deepEqual(drugs.findAll('Tylenol No. 3 and lidocaine 5% patch').map((m) => m.entry.id), ['codeine-acetaminophen', 'lidocaine-patch']);
  });

  test('a range of a text is read as that slice would be, with offsets into the whole text', () => {
    const text = 'Norco and MS Contin; Tylenol #3, Hydrocodone/APAP and Ben Gay.';
    const pairs: Array<[number, number]> = [[0, text.length], [3, 40], [10, 15], [21, 29], [33, 47], [0, 12], [50, 58]];
    for (const [from, to] of pairs) {
      const sliced = drugs.findAll(text.slice(from, to)).map((m) => [m.name, m.start + from, m.end + from]);
      assert.deepEqual(drugs.findAll(text, from, to).map((m) => [m.name, m.start, m.end]), sliced, `${from}-${to}`);
    }
  });
});

describe('hasName', () => {
  test('whether findAll finds anything', () => {
    for (const text of ['Norco 10/325 #60', 'MS\nContin', 'MS\n\nContin', 'Physical therapy x 6', 'Baclofan 10mg', '', 'Tylenol #3']) {
      assert.equal(drugs.hasName(text), drugs.findAll(text).length > 0, text);
    }
  });
});

describe('WordScanner', () => {
  test('the words of a range with the hash lowerHash gives them', () => {
    const text = 'Élan: BACLOFEN 10mg, naïve x\nTylenol#3 — fin';
    // The last range ends past the text: the scanner stops at its end.
    for (const [from, to] of [[2, 30], [7, 12], [0, text.length + 5]]) {
      const scanner = new WordScanner(text, from, to);
      const seen: Array<[number, number, number]> = [];
      while (scanner.next()) seen.push([scanner.start, scanner.end, scanner.hash]);
      const limit = Math.min(to, text.length);
      const expected = tokenize(text, from, limit).map((t): [number, number, number] => [t.start, t.end, lowerHash(text, t.start, t.end)]);
      assert.deepEqual(seen, expected);
    }
  });
});

describe('suggest', () => {
  test('the nearest known names, best first', () => {
    assert.deepEqual(drugs.suggest('Baclofan'), ['baclofen']);
    assert.equal(drugs.suggest('Norko')[0], 'Norco');
    assert.equal(drugs.suggest('Percoset')[0], 'Percocet');
    assert.equal(drugs.suggest('Klonipin')[0], 'Klonopin');
    assert.equal(drugs.suggest('Gabapentine')[0], 'gabapentin');
    assert.equal(drugs.suggest('cyclobenzaprene')[0], 'cyclobenzaprine');
    assert.equal(drugs.suggest('Hydrocodon/APAP')[0], 'hydrocodone/APAP');
    assert.equal(drugs.suggest('MSContin')[0], 'MS Contin');
  });

  test('distances come with the suggestions and respect the bound for the length', () => {
    const [first] = drugs.suggestions('Baclofan');
    assert.equal(first.distance, 1);
    assert.equal(first.entry.id, 'baclofen');
    assert.deepEqual(drugs.suggest('Bac'), [], 'three letters: no suggestion');
    assert.deepEqual(drugs.suggest('Baclofen'), [], 'a known name gets none');
    assert.deepEqual(drugs.suggest('hospital'), []);
    assert.equal(drugs.suggest('Norco', 3).length, 0);
    assert.ok(drugs.suggest('Lortb', 2).length <= 2);
    assert.deepEqual(drugs.suggestions('Baclafon', 3, 1), [], 'two edits, bound 1');
    assert.equal(drugs.suggestions('Baclafon', 3, 2)[0].name, 'baclofen');
  });

  test('edit distance counts a swap of neighbours as one edit and stops past the bound', () => {
    assert.equal(boundedDistance('baclofen', 'baclofen', 2), 0);
    assert.equal(boundedDistance('baclofan', 'baclofen', 2), 1);
    assert.equal(boundedDistance('bacolfen', 'baclofen', 2), 1);
    assert.equal(boundedDistance('bclofen', 'baclofen', 2), 1);
    assert.equal(boundedDistance('baclofen', 'tramadol', 2), 3);
    assert.equal(boundedDistance('a', 'abcdef', 2), 3);
    assert.deepEqual([3, 4, 5, 6, 9, 10].map(maxSuggestDistance), [0, 1, 1, 2, 2, 3]);
  });
});

describe('names, isKnown, user names', () => {
  test('names() gives every generic and brand with its entry', () => {
    const names = drugs.names();
    const norco = names.find((n) => n.name === 'Norco');
    assert.equal(norco?.role, 'brand');
    assert.equal(norco?.entry.id, 'hydrocodone-acetaminophen');
    assert.equal(names.find((n) => n.name === 'baclofen')?.role, 'generic');
    assert.equal(names.find((n) => n.name === 'APAP')?.role, 'alias');
    assert.ok(!names.some((n) => n.role === 'variant'), 'derived spellings are not offered');
    assert.ok(!names.some((n) => n.name === 'medical food (joint inflammation)'));
  });

  test('isKnown', () => {
    assert.ok(drugs.isKnown('Zorvolex'));
    assert.ok(drugs.isKnown('apap'));
    assert.ok(!drugs.isKnown('Baclofan'));
    assert.ok(!drugs.isKnown('mg'));
  });

  test('withExtra accepts user names without changing the bundled lexicon', () => {
    assert.ok(!drugs.isKnown('Zynrelef'));
    const extra = drugs.withExtra(['Zynrelef', '  ', 'Baclofen']);
    assert.ok(extra.isKnown('Zynrelef'));
    assert.equal(extra.lookup('zynrelef')?.kind, 'user');
    assert.equal(extra.lookup('Baclofen')?.id, 'baclofen', 'a known name stays with its entry');
    assert.deepEqual(extra.findAll('Zynrelef 60 mg').map((m) => m.name), ['Zynrelef']);
    assert.deepEqual(extra.suggest('Zynrelff'), ['Zynrelef']);
    assert.ok(!drugs.isKnown('Zynrelef'));
    assert.equal(drugs.withExtra(['Zynrelef']), extra, 'the same names give the same lexicon');
    assert.equal(drugs.withExtra([]), drugs);
    assert.deepEqual(extra.problems, []);
  });

  test('parseWordList reads one name a line, skipping blanks and # comments', () => {
    const file = '# local formulary\nZynrelef\n\n  Tylenol #3  \nCompound X  # our pharmacy\r\n#\n';
    assert.deepEqual(parseWordList(file), ['Zynrelef', 'Tylenol #3', 'Compound X']);
    assert.ok(drugs.withExtra(parseWordList(file)).isKnown('compound x'));
  });

  test('bad records become problems, not exceptions', () => {
    const lexicon = DrugLexicon.fromRecords([
      null,
      { generic: 'x', kind: 'drug' },
      { generic: 'alpha', kind: 'drug', class: 'c', brands: ['Beta'], aliases: [], governs: [{ guideline: 'CPMTG', topic: 't', pages: '1' }] },
      { generic: 'gamma', kind: 'drug', class: 'c', brands: ['Beta'], aliases: [], governs: [] },
      { generic: 'alpha/delta', kind: 'combination', class: 'c', brands: [], aliases: [], ingredients: ['alpha', 'delta'], governs: [] },
      { generic: 'odd', kind: 'potion', class: 'c', brands: [], aliases: [], governs: [] },
    ]);
    assert.equal(lexicon.entries.length, 3);
    assert.deepEqual(lexicon.problems, [
      'drug record 0 is malformed',
      'drug record 1 is malformed',
      'odd: unknown kind "potion"',
      '"Beta" names both alpha and gamma',
      'alpha-delta: the ingredient "delta" is not a name of the lexicon',
    ]);
    assert.equal(lexicon.lookup('beta')?.id, 'alpha');
  });
});

describe('words and case', () => {
  test('tokenize gives words with offsets', () => {
    assert.deepEqual(
      tokenize('Norco 10/325, café').map((t) => [t.text, t.lower, t.start, t.end]),
      [
        ['Norco', 'norco', 0, 5],
        ['10', '10', 6, 8],
        ['325', '325', 9, 12],
        ['café', 'café', 14, 18],
      ],
    );
  });

  test('matchCase writes a name in the case of the word it replaces', () => {
    assert.equal(matchCase('Baclofan', 'baclofen'), 'Baclofen');
    assert.equal(matchCase('BACLOFAN', 'baclofen'), 'BACLOFEN');
    assert.equal(matchCase('baclofan', 'baclofen'), 'baclofen');
    assert.equal(matchCase('oxycontn', 'OxyContin'), 'OxyContin');
    assert.equal(matchCase('Norko', 'Norco'), 'Norco');
  });
});

describe('English words', () => {
  test('common and near-drug English words are English; drug names and misspellings are not', () => {
    for (const w of ['the', 'request', 'Physician', 'coma', 'sofa', 'payer', 'layer', 'alive', 'anvil', 'behaviors']) {
      assert.ok(isEnglishWord(w), w);
    }
    for (const w of ['Baclofan', 'baclofen', 'Norco', 'valium', 'arthoscopy']) assert.ok(!isEnglishWord(w), w);
  });

  test('every word of the bundled list is found, in any case; a word beside it in the list is not', () => {
    const list = decodeWords((englishData as { words: string }).words);
    for (const w of list) assert.ok(isEnglishWord(w) && isEnglishWord(w.toUpperCase()), w);
    for (const w of list.slice(0, 500)) assert.ok(list.includes(`${w}q`) || !isEnglishWord(`${w}q`), `${w}q`);
  });

  test('the front coding round-trips', () => {
    const words = ['care', 'cared', 'careful', 'carefully', 'carefulnesses', 'cart', 'zebra'];
    assert.equal(encodeWords(words).slice(0, 9), '0care4d4f');
    assert.deepEqual(decodeWords(encodeWords(words)), words);
  });
});

describe('DeletionFilter', () => {
  test('never rules out a word one edit from a name (every kind of edit, every position)', () => {
    const keys = ['baclofen', 'ms contin', 'norco', 'tylenol 3', 'cyclobenzaprine'];
    const filter = new DeletionFilter(keys, 16);
    const letters = 'abcz 3';
    for (const key of keys) {
      const near = new Set<string>([key]);
      for (let i = 0; i <= key.length; i++) {
        if (i < key.length) near.add(key.slice(0, i) + key.slice(i + 1));
        if (i + 1 < key.length) near.add(key.slice(0, i) + key[i + 1] + key[i] + key.slice(i + 2));
        for (const c of letters) {
          near.add(key.slice(0, i) + c + key.slice(i));
          if (i < key.length) near.add(key.slice(0, i) + c + key.slice(i + 1));
        }
      }
      for (const word of near) {
        assert.ok(boundedDistance(word, key, 1) <= 1, word);
        assert.equal(filter.mayBeNear(word), true, `${word} (near ${key})`);
      }
    }
  });

  test('rules out most words far from every name, and words longer than every name', () => {
    const filter = new DeletionFilter(['baclofen', 'norco'], 16);
    assert.equal(filter.mayBeNear('x'.repeat(100)), false);
    const far = ['patient', 'treatment', 'guidelines', 'recommended', 'medical', 'request'];
    assert.ok(far.filter((w) => filter.mayBeNear(w)).length <= 1);
  });

  test("the lexicon's suggestions are those of a search without the filter", () => {
    for (const word of ['baclofan', 'norko', 'tramadl', 'gabapentn', 'patient', 'reviewed', 'lyricaa', 'somma']) {
      const all = drugs.suggestions(word, 3, 1).map((s) => s.name);
      const exact = drugs.names().filter((n) => boundedDistance(word, n.name.toLowerCase(), 1) <= 1);
      assert.equal(all.length > 0, exact.length > 0, word);
    }
  });
});
