/**
 * "Did you mean" for unknown guideline names stays cheap on letters citing thousands of unknown
 * names (names normalised once, answers remembered, a banded edit distance) and gives the same
 * answers as the plain edit distance would.
 */
import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { loadMtusIndex } from '../../server/src/knowledge/mtus';
import { boundedDistance } from '../../server/src/knowledge/mtusSuggestions';
import { fuzzParams } from '../fuzz/generators';

/** The plain Levenshtein distance, as a reference. */
function levenshtein(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length];
}

describe('guideline name suggestions', () => {
  test('the banded distance equals the plain one up to the limit, and exceeds the limit otherwise', () => {
    const text = fc.array(fc.constantFrom('a', 'b', 'c', ' ', '1'), { maxLength: 14 }).map((a) => a.join(''));
    fc.assert(
      fc.property(text, text, fc.integer({ min: 0, max: 6 }), (a, b, limit) => {
        const plain = levenshtein(a, b);
        const banded = boundedDistance(a, b, limit);
        if (plain <= limit) assert.equal(banded, plain, `${JSON.stringify(a)} ${JSON.stringify(b)} limit ${limit}`);
        else assert.equal(banded, limit + 1, `${JSON.stringify(a)} ${JSON.stringify(b)} limit ${limit}`);
      }),
      fuzzParams(3000),
    );
  });

  test('a misspelt name gets the known name; the answer is a fresh copy each time', () => {
    const index = loadMtusIndex();
    const first = index.suggestGuidelineNames('Chronic Pain Medical Treatment Guidlines');
    assert.equal(first[0]?.name, 'Chronic Pain Medical Treatment Guidelines');
    first[0].name = 'changed by the caller';
    assert.equal(index.suggestGuidelineNames('Chronic Pain Medical Treatment Guidlines')[0]?.name, 'Chronic Pain Medical Treatment Guidelines');
    assert.deepEqual(index.suggestGuidelineNames('Zebra Zoology Handbook'), []);
  });

  test('thousands of distinct unknown names and one huge name are answered (no timing: it must simply finish)', () => {
    const index = loadMtusIndex();
    for (let i = 0; i < 3000; i++) index.suggestGuidelineNames(`Knee Complaints ${1900 + (i % 200)} x${i}`);
    assert.deepEqual(index.suggestGuidelineNames('x'.repeat(200_000)), []);
  });
});
