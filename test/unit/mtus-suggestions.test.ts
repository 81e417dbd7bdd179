/**
 * "Did you mean" for unknown guideline names stays cheap on letters citing thousands of unknown
 * names (names normalised once, answers remembered, a bounded edit distance) and gives the same
 * answers as the plain edit distance would.
 */
import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { loadMtusIndex } from '../../server/src/knowledge/mtus';
import { boundedDistance } from '../../server/src/text/distance';
import { fuzzParams } from '../fuzz/generators';

/** The plain optimal-string-alignment distance (a swap of two neighbours is one edit), as a reference. */
function alignment(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

describe('guideline name suggestions', () => {
  test('the bounded distance (the one all suggestions use) equals the plain one up to the limit, and exceeds the limit otherwise', () => {
    const text = fc.array(fc.constantFrom('a', 'b', 'c', ' ', '1'), { maxLength: 14 }).map((a) => a.join(''));
    fc.assert(
      fc.property(text, text, fc.integer({ min: 0, max: 6 }), (a, b, limit) => {
        const plain = alignment(a, b);
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
