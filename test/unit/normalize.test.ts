/** "Normalize PDF Text": keeps every non-space character in order, edits only its range, parses the same. */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { letterDocument } from '../../server/src/features/document';
import { applyEdits, normalizePdfText } from '../../server/src/features/normalize';
import { parse } from '../../server/src/parser/parse';
import { readFixture, readLetter, toPdfText } from '../helpers';

const LETTERS = ['000', '001', '002', '003', '004'];

/** The text without white space: what must survive, in order. */
const ink = (s: string) => s.replace(/\s+/g, '');
/** The same without the markup the normalizer may add. */
const inkWithoutMarkup = (s: string) => ink(s).replace(/[*#]/g, '');

/** Whether `small` is a subsequence of `big`. */
function subsequence(small: string, big: string): boolean {
  let i = 0;
  for (let j = 0; j < big.length && i < small.length; j++) if (big[j] === small[i]) i++;
  return i === small.length;
}

function assertKeepsEverything(input: string, output: string): void {
  assert.ok(subsequence(ink(input), ink(output)), 'a non-space character was lost or moved');
  assert.equal(inkWithoutMarkup(output), inkWithoutMarkup(input), 'something other than ** and # was added');
}

function normalize(text: string, range?: { start: number; end: number }) {
  const result = normalizePdfText(letterDocument(text), range);
  return { ...result, text: applyEdits(text, result.edits) };
}

/** What a letter means, for comparing the parse before and after. */
function shape(text: string) {
  const d = parse(text);
  return {
    layout: d.layout,
    sections: d.sections.map((s) => s.kind),
    header: d.header?.fields.map((f) => [f.name, f.value.text]) ?? [],
    reviewer: [d.reviewer.licensure, d.reviewer.specialty],
    items: d.items.map((i) => ({
      title: i.title.text,
      treatment: i.treatment.text,
      outcome: i.outcome,
      strength: i.strength,
      quantity: i.quantity,
      guidelines: i.guidelines.map((g) => [g.by, g.citesNothing, g.citations.map((c) => [c.guideline, c.topic, c.pages, c.sections])]),
      conclusion: i.rationale?.conclusion ?? null,
      prose: i.rationale?.citations.map((c) => [c.pages, c.regulation]) ?? [],
    })),
  };
}

test('letter 004: every word kept, same items, now in markdown form', () => {
  const text = readLetter('004');
  const out = normalize(text);
  assert.ok(out.edits.length > 0);
  assertKeepsEverything(text, out.text);
  assert.deepEqual(shape(out.text), shape(text));
  assert.equal(parse(out.text).form, 'markdown');
  assert.match(out.text, /^### HOW THE IMR FINAL DETERMINATION WAS MADE\n\nMAXIMUS Federal Services sent the complete case file to an expert reviewer\. He\/she has no affiliation with/);
  assert.match(out.text, /\n\n\*\*Percocet 10\/325 mg, QTY: 60:\*\* Overturned\n\n\*\*Claims Administrator guideline:\*\* Decision based on MTUS Chronic Pain Treatment Guidelines Opioids\.\n\n/);
  assert.match(out.text, /\n\n\*\*Baclofan 20 mg, QTY: 30:\*\* Upheld\n\n/);
  // Paragraphs are whole: no line of the result ends inside a sentence that goes on below it.
  assert.ok(out.text.split('\n').filter((l) => l.trim()).length < 30);
});

test('letter 001: the credentials stay one per line and the reviewer still parses', () => {
  const text = readLetter('001');
  const out = normalize(text);
  assertKeepsEverything(text, out.text);
  assert.deepEqual(shape(out.text), shape(text));
  assert.match(out.text, /\n\n\*\*State\(s\) of Licensure:\*\* Texas, New York, California\n\n\*\*Certification\(s\)\/Specialty:\*\* Preventive Medicine, Occupational Medicine\n\n/);
});

test('the markdown letters are left alone unless a range is given', () => {
  for (const prefix of ['000', '002', '003']) {
    const out = normalize(readLetter(prefix));
    assert.deepEqual(out.edits, []);
    assert.match(out.message, /already in markdown/);
  }
});

test('every corpus letter, normalized over its whole text as a range, keeps every non-space character', () => {
  for (const prefix of LETTERS) {
    const text = readLetter(prefix);
    const out = normalize(text, { start: 0, end: text.length });
    assertKeepsEverything(text, out.text);
    assert.deepEqual(shape(out.text).items, shape(text).items, prefix);
  }
});

test('generated PDF text of the markdown letters and layouts, at many widths, normalizes back to the letter it came from', () => {
  const sources = ['000', '002', '003'].map(readLetter).concat(['maximus-2014.txt', 'notice-2013.txt', 'professional-review.txt'].map(readFixture));
  fc.assert(
    fc.property(fc.integer({ min: 0, max: sources.length - 1 }), fc.integer({ min: 35, max: 140 }), (k, width) => {
      const pdf = toPdfText(sources[k], width);
      const out = normalize(pdf);
      assertKeepsEverything(pdf, out.text);
      // The wrapped text may lose structure the parser cannot read across lines; normalized, it is all back.
      const expected = shape(sources[k]);
      const got = shape(out.text);
      assert.deepEqual(got.items, expected.items);
      assert.deepEqual(got.sections, expected.sections);
      assert.deepEqual(got.reviewer, expected.reviewer);
    }),
    { numRuns: 80, seed: 4 },
  );
});

test('only its own range changes (random ranges of letter 004 and 001)', () => {
  const texts = [readLetter('004'), readLetter('001')];
  fc.assert(
    fc.property(fc.integer({ min: 0, max: 1 }), fc.nat(), fc.nat(), (k, a, b) => {
      const text = texts[k];
      const start = a % text.length;
      const end = start + (b % (text.length - start + 1));
      const out = normalize(text, { start, end });
      for (const e of out.edits) assert.ok(e.start >= start && e.end <= end && e.start <= e.end, `edit ${e.start}-${e.end} outside ${start}-${end}`);
      assert.equal(out.text.slice(0, start), text.slice(0, start));
      assert.equal(out.text.slice(out.text.length - (text.length - end)), text.slice(end));
      assertKeepsEverything(text.slice(start, end), out.text.slice(start, out.text.length - (text.length - end)));
    }),
    { numRuns: 150, seed: 7 },
  );
});

test('arbitrary text: never throws, keeps every non-space character, edits do not overlap', () => {
  const piece = fc.oneof(
    fc.constantFrom(' ', '  ', '\n', '\n\n', ' \n', '\r\n', '\t', ':', '**', '#', '### ', '<b>', '-', '1) ', 'Upheld', 'Decision rationale:', 'MAXIMUS guideline:', 'CLINICAL CASE SUMMARY', 'State(s) of Licensure: X'),
    fc.string({ maxLength: 12 }),
  );
  fc.assert(
    fc.property(fc.array(piece, { maxLength: 80 }), fc.boolean(), (pieces, ranged) => {
      const text = pieces.join('');
      const range = ranged ? { start: Math.floor(text.length / 3), end: Math.floor((2 * text.length) / 3) } : undefined;
      const out = normalize(text, range);
      assertKeepsEverything(text, out.text);
      const sorted = [...out.edits].sort((x, y) => x.start - y.start);
      for (let i = 1; i < sorted.length; i++) assert.ok(sorted[i].start >= sorted[i - 1].end);
    }),
    { numRuns: 300, seed: 11 },
  );
});

test('normalizing twice changes nothing the second time', () => {
  const once = normalize(readLetter('004')).text;
  const twice = normalize(once, { start: 0, end: once.length });
  assert.deepEqual(twice.edits, []);
});

test('CRLF text keeps CRLF line breaks', () => {
  const text = readLetter('004').replace(/\n/g, '\r\n');
  const out = normalize(text);
  assertKeepsEverything(text, out.text);
  assert.doesNotMatch(out.text.replace(/\r\n/g, ''), /\n/);
  assert.deepEqual(shape(out.text).items, shape(text).items);
});

test('a suppression comment line is kept by the normalizer (it is text like any other)', () => {
  const letter = '<!-- imr-disable-file unknown-drug -->\n' + toPdfText(readLetter('000'));
  const result = normalizePdfText(letterDocument(letter));
  const out = applyEdits(letter, result.edits);
  assert.ok(out.includes('<!-- imr-disable-file unknown-drug -->'));
});
