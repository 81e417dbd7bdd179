/** Every editor feature on damaged letters and arbitrary text: answers, never throws. */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { completions } from '../../server/src/features/completion';
import { looksLikeLetter } from '../../server/src/features/detect';
import { letterDocument } from '../../server/src/features/document';
import { foldingRanges } from '../../server/src/features/folding';
import { hover } from '../../server/src/features/hover';
import { documentLinks } from '../../server/src/features/links';
import { decisionSummary } from '../../server/src/features/summary';
import { documentSymbols } from '../../server/src/features/symbols';
import { indexLetter, workspaceSymbols } from '../../server/src/features/workspaceSymbols';
import { defaultKnowledge } from '../../server/src/knowledge';
import { readLetter } from '../helpers';

const knowledge = defaultKnowledge();

function exercise(text: string, offsets: number[]): void {
  const doc = letterDocument(text);
  assert.ok(Array.isArray(documentSymbols(doc)));
  assert.ok(Array.isArray(foldingRanges(doc)));
  assert.ok(Array.isArray(documentLinks(doc, knowledge)));
  assert.ok(Array.isArray(decisionSummary(doc).items));
  assert.ok(Array.isArray(workspaceSymbols([indexLetter('file:///x.imr', doc, knowledge)], 'a')));
  assert.equal(typeof looksLikeLetter(text), 'boolean');
  for (const offset of offsets) {
    const h = hover(doc, offset, knowledge);
    assert.ok(h === null || typeof (h.contents as { value: string }).value === 'string');
    assert.ok(Array.isArray(completions(doc, offset, knowledge).items));
  }
}

test('letters cut, spliced and shuffled at random', () => {
  const letters = ['000', '001', '002', '003', '004'].map(readLetter);
  fc.assert(
    fc.property(fc.integer({ min: 0, max: 4 }), fc.nat(), fc.nat(), fc.string({ maxLength: 20 }), fc.array(fc.nat(), { maxLength: 6 }), (k, a, b, insert, offsets) => {
      const text = letters[k];
      const start = a % text.length;
      const end = Math.min(text.length, start + (b % 400));
      const damaged = text.slice(0, start) + insert + text.slice(end);
      exercise(damaged, offsets.map((o) => o % (damaged.length + 2)));
    }),
    { numRuns: 60, seed: 3 },
  );
});

test('arbitrary text built from letter fragments', () => {
  const piece = fc.constantFrom('\n', '\n\n', ' ', ':', '**', '### ', '<b>', 'Upheld', 'Page(s): ', '65', '-', 'MAXIMUS guideline: ', 'Decision based on MTUS ', 'Norco', 'Baclo', 'IMR ISSUES, DECISIONS AND RATIONALES', 'Decision rationale:', '9792.20e', 'page 64 of the MTUS', '\u0000', '\r');
  fc.assert(
    fc.property(fc.array(fc.oneof(piece, fc.string({ maxLength: 6 })), { maxLength: 60 }), fc.array(fc.integer({ min: -2, max: 400 }), { maxLength: 5 }), (pieces, offsets) => {
      exercise(pieces.join(''), offsets);
    }),
    { numRuns: 150, seed: 9 },
  );
});
