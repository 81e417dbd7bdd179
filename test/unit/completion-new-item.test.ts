/** Outcome completion on a title line typed after an item's rationale (a letter being written). */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { completions } from '../../server/src/features/completion';
import { letterDocument } from '../../server/src/features/document';
import { defaultKnowledge } from '../../server/src/knowledge';
import { readLetter } from '../helpers';

const TITLE = '**Gabapentin 600mg #90:** ';

test('letter 003: "**Gabapentin 600mg #90:** " typed after the first rationale is offered Upheld and Overturned', () => {
  const letter = readLetter('003');
  const anchor = 'Therefore the use of Klonopin 1mg #30 is not medically necessary.';
  const lineEnd = letter.indexOf('\n', letter.indexOf(anchor));
  const text = `${letter.slice(0, lineEnd)}\n\n${TITLE}${letter.slice(lineEnd)}`;
  const result = completions(letterDocument(text), lineEnd + 2 + TITLE.length, defaultKnowledge());
  const labels = (Array.isArray(result) ? result : result.items).map((i) => i.label);
  assert.deepEqual(labels.filter((l) => l === 'Upheld' || l === 'Overturned'), ['Upheld', 'Overturned']);
  // A wrapped line of the rationale itself is still prose: no outcome there.
  const prose = completions(letterDocument(letter), letter.indexOf(anchor) + 'Therefore'.length, defaultKnowledge());
  assert.ok(!(Array.isArray(prose) ? prose : prose.items).some((i) => i.label === 'Upheld'));
});
