/**
 * Text safety: the tool never loses a user's text.
 *
 * - Quick fixes (and "Fix all") change only their own range: an edit that replaces text replaces
 *   only text inside its finding's range; an insertion deletes nothing; after the fix the rest of
 *   the letter is unchanged and still analyses without a failure.
 * - "Normalize PDF Text" keeps every non-space character of the input, in order, adds only `*` and
 *   `#` markup, and edits only inside the range it is given.
 * Tested on the real letters (both surface forms), letters with defects that call for fixes, and
 * fuzzed damaged letters (`IMR_FUZZ_RUNS` sets the number of cases).
 */
import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { analyze } from '../../server/src/engine';
import type { Edit, Finding, Fix } from '../../server/src/checks/types';
import { suppressionFixes } from '../../server/src/checks/suppress';
import { letterDocument } from '../../server/src/features/document';
import { applyEdits, normalizePdfText } from '../../server/src/features/normalize';
import { safeFixEdits } from '../../server/src/service/diagnostics';
import { readLetter, toPdfText } from '../helpers';
import { damagedLetter, fuzzParams, mutation, mutate, seedLetters } from '../fuzz/generators';
import { describe as show } from '../fuzz/properties';

const LETTERS = ['000', '001', '002', '003', '004'].map(readLetter);

/** Letters with defects that the checks offer fixes for (our own edits of the real letters). */
function defective(): string[] {
  const out: string[] = [];
  for (const letter of LETTERS) {
    out.push(
      letter.replace(/Upheld/g, 'Uphled'),
      letter.replace(/Upheld/, 'Upheeld').replace(/Overturned/, 'Overtruned'),
      letter.replace(/CM(\d\d)-(\d{7})/, 'cm$1 $2'),
      letter.replace(/CM(\d\d)-(\d{7})/, 'CM$1$2'),
      letter.replace(/\*\*Decision rationale:\*\*|Decision rationale:/, ''),
      letter.replace(/\*\*MAXIMUS guideline:\*\*|MAXIMUS guideline:/, ''),
      letter.replace(/:\*\* Upheld|: Upheld/, ':**'),
      letter.replace(/### CLINICAL CASE SUMMARY\n/, ''),
      letter.replace(/Baclofen/g, 'Baclofan'),
      letter.replace(/\n/g, '\r\n').replace(/Upheld/g, 'Uphld'),
    );
  }
  return out.filter((t, i) => !LETTERS.includes(t) && out.indexOf(t) === i);
}

const inside = (e: Edit, f: Finding) => f.start <= e.start && e.end <= f.end;

/** Every fix of every finding changes only its own range, and leaves a letter that still analyses. */
function assertFixesSafe(text: string): number {
  const analysis = analyze(text);
  let fixes = 0;
  for (const f of analysis.findings) {
    const all: Array<[Fix, boolean]> = [...(f.fixes ?? []).map((x): [Fix, boolean] => [x, false]), ...suppressionFixes(f, text).map((x): [Fix, boolean] => [x, true])];
    for (const [fix, suppression] of all) {
      fixes++;
      const label = `${f.code} [${f.start}, ${f.end}) fix "${fix.title}" in ${show(text)}`;
      assert.ok(fix.edits.length > 0, `${label}: no edit`);
      for (const e of fix.edits) {
        assert.ok(0 <= e.start && e.start <= e.end && e.end <= text.length, `${label}: edit [${e.start}, ${e.end}) outside the document`);
        if (e.end > e.start) {
          assert.ok(inside(e, f), `${label}: replaces ${JSON.stringify(text.slice(e.start, e.end))} at [${e.start}, ${e.end}), outside its finding's range ${JSON.stringify(text.slice(f.start, f.end))}`);
        }
        if (suppression) assert.equal(e.end, e.start, `${label}: a suppression fix deletes text`);
        // Never between the CR and LF of a line break, never inside a surrogate pair.
        for (const at of [e.start, e.end]) {
          assert.ok(!(text[at - 1] === '\r' && text[at] === '\n'), `${label}: edit boundary splits a CRLF`);
          const c = text.charCodeAt(at);
          assert.ok(!(c >= 0xdc00 && c <= 0xdfff && at > 0), `${label}: edit boundary splits a surrogate pair`);
        }
      }
      const fixed = applyEdits(text, fix.edits);
      // Outside the replaced ranges, the letter is what it was.
      const sorted = [...fix.edits].sort((a, b) => a.start - b.start);
      let rebuilt = '';
      let at = 0;
      let outAt = 0;
      for (const e of sorted) {
        rebuilt += text.slice(at, e.start);
        outAt += e.start - at + e.newText.length;
        at = e.end;
      }
      rebuilt += text.slice(at);
      assert.equal(fixed.length - text.length, sorted.reduce((n, e) => n + e.newText.length - (e.end - e.start), 0), `${label}: the text changed length unexpectedly`);
      assert.ok(outAt <= fixed.length, `${label}: edits overrun`);
      assert.equal(stripInsertions(fixed, sorted), rebuilt, `${label}: text outside the edits changed`);
      const after = analyze(fixed);
      assert.deepEqual(after.failures, [], `${label}: the fixed letter makes a check fail`);
    }
  }
  // Fix all: the safe edits do not overlap and each lies in the range of the finding it fixes.
  const safe = safeFixEdits(analysis.findings);
  const sorted = [...safe].sort((a, b) => a.start - b.start);
  for (let k = 1; k < sorted.length; k++) assert.ok(sorted[k - 1].end <= sorted[k].start, `fix-all edits overlap in ${show(text)}`);
  for (const e of safe) {
    if (e.end > e.start) assert.ok(analysis.findings.some((f) => (f.fixes ?? []).some((x) => x.safe && x.edits.includes(e)) && inside(e, f)), 'a fix-all edit outside its finding');
  }
  assert.deepEqual(analyze(applyEdits(text, safe)).failures, []);
  return fixes;
}

/** The fixed text with each edit's new text taken out and its old text put back: the original. */
function stripInsertions(fixed: string, sorted: Edit[]): string {
  let out = '';
  let from = 0;
  let delta = 0;
  for (const e of sorted) {
    const start = e.start + delta;
    out += fixed.slice(from, start);
    from = start + e.newText.length;
    delta += e.newText.length - (e.end - e.start);
  }
  return out + fixed.slice(from);
}

/** The text without white space: what the normalizer must keep, in order. */
const ink = (s: string) => s.replace(/[\s\u200b]+/g, '');

function isSubsequence(small: string, big: string): boolean {
  let i = 0;
  for (let j = 0; j < big.length && i < small.length; j++) if (big[j] === small[i]) i++;
  return i === small.length;
}

/** The normalizer keeps every non-space character in order, adds only * and #, and edits only its range. */
function assertNormalizerSafe(text: string, range?: { start: number; end: number }): void {
  const result = normalizePdfText(letterDocument(text), range);
  const label = `${range ? `range [${range.start}, ${range.end}) of ` : ''}${show(text)}`;
  const from = range ? Math.max(0, Math.min(range.start, text.length)) : 0;
  const to = range ? Math.max(from, Math.min(range.end, text.length)) : text.length;
  const sorted = [...result.edits].sort((a, b) => a.start - b.start);
  for (const [k, e] of sorted.entries()) {
    assert.ok(from <= e.start && e.start <= e.end && e.end <= to, `normalizer edit [${e.start}, ${e.end}) outside [${from}, ${to}) of ${label}`);
    if (k > 0) assert.ok(sorted[k - 1].end <= e.start, `normalizer edits overlap in ${label}`);
  }
  const output = applyEdits(text, result.edits);
  assert.ok(isSubsequence(ink(text), ink(output)), `the normalizer lost or moved a non-space character of ${label}`);
  assert.equal(ink(output).replace(/[*#]/g, ''), ink(text).replace(/[*#]/g, ''), `the normalizer added something other than * and # to ${label}`);
  assert.equal(output.slice(0, from), text.slice(0, from), `the normalizer changed text before its range in ${label}`);
  assert.equal(output.slice(output.length - (text.length - to)), text.slice(to), `the normalizer changed text after its range in ${label}`);
}

describe('quick fixes change only their own range', () => {
  test('on the real letters and on letters with defects', () => {
    let fixes = 0;
    for (const text of [...LETTERS, ...defective()]) fixes += assertFixesSafe(text);
    assert.ok(fixes > 50, `only ${fixes} fixes were exercised`);
  });

  test('on fuzzed damaged letters', () => {
    const seeds = [...LETTERS, ...defective().slice(0, 20)];
    fc.assert(
      fc.property(damagedLetter(seeds), (text) => {
        assertFixesSafe(text);
      }),
      fuzzParams(40),
    );
  });
});

describe('"Normalize PDF Text" keeps every non-space character, in order, and edits only its range', () => {
  test('the real letters in PDF-text form, whole', () => {
    for (const letter of LETTERS) {
      assertNormalizerSafe(toPdfText(letter));
      assertNormalizerSafe(toPdfText(letter).replace(/\n/g, '\r\n'));
    }
    assertNormalizerSafe(readLetter('001'));
  });

  test('the real letters, selected ranges', () => {
    for (const letter of LETTERS) {
      for (const text of [letter, toPdfText(letter)]) {
        const n = text.length;
        for (const [a, b] of [[0, n], [0, n / 2], [n / 3, (2 * n) / 3], [n / 2, n], [n - 1, n]]) {
          assertNormalizerSafe(text, { start: Math.floor(a), end: Math.floor(b) });
        }
      }
    }
  });

  test('fuzzed damaged letters and ranges', () => {
    const seeds = seedLetters();
    const pdfSeeds = seeds.map((s) => toPdfText(s));
    const ranged = fc.tuple(
      damagedLetter([...seeds, ...pdfSeeds]),
      fc.option(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true })), { nil: undefined }),
    );
    fc.assert(
      fc.property(ranged, ([text, r]) => {
        const range = r ? { start: Math.floor(Math.min(...r) * text.length), end: Math.floor(Math.max(...r) * text.length) } : undefined;
        assertNormalizerSafe(text, range);
      }),
      fuzzParams(150),
    );
  });

  test('fuzzed: every mutation of every PDF-text letter', () => {
    const pdf = LETTERS.map((l) => toPdfText(l));
    fc.assert(
      fc.property(fc.nat(pdf.length - 1), mutation, (i, m) => {
        assertNormalizerSafe(mutate(pdf[i], m));
      }),
      fuzzParams(100),
    );
  });
});
