/** "Disable … for this line" never splits a hard-wrapped paragraph with a line of its own. */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { suppressionFixes } from '../../server/src/checks/suppress';
import { analyze } from '../../server/src/engine';
import { applyEdits } from '../../server/src/features/normalize';
import { readLetter } from '../helpers';

const lineCount = (text: string) => text.split('\n').length;

test('letter 004: inside a wrapped paragraph the comment goes at the end of the line, and silences the finding there', () => {
  const text = readLetter('004');
  const findings = analyze(text).findings.filter((f) => f.code === 'drug-spelling');
  // The hint on "medication was first noted in the 06/25/2014 report. Baclofan is ..." (line 155).
  const inside = findings.find((f) => text.slice(0, f.start).split('\n').length === 155);
  assert.ok(inside, findings.map((f) => text.slice(0, f.start).split('\n').length).join(', '));
  const [lineFix] = suppressionFixes(inside, text);
  const fixed = applyEdits(text, lineFix.edits);
  assert.equal(lineCount(fixed), lineCount(text));
  assert.match(fixed.split('\n')[154], /Baclofan is not recommended for long term <!-- imr-disable-line drug-spelling --> ?$/);
  const after = analyze(fixed).findings.filter((f) => f.code === 'drug-spelling');
  assert.equal(after.length, findings.length - 1);
});

test('letter 004: a title line starts its own block, so the comment goes on a line above it', () => {
  const text = readLetter('004');
  const unknown = analyze(text).findings.find((f) => f.code === 'unknown-drug');
  assert.ok(unknown);
  const [lineFix] = suppressionFixes(unknown, text);
  const fixed = applyEdits(text, lineFix.edits);
  assert.equal(lineCount(fixed), lineCount(text) + 1);
  assert.ok(!analyze(fixed).findings.some((f) => f.code === 'unknown-drug'));
});
