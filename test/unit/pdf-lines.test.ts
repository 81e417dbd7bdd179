/** Lines rebuilt from the positions of a PDF page's text runs (server/src/pdf/lines.ts). */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { pageLines, type TextRun } from '../../server/src/pdf/lines';

const run = (str: string, x: number, y: number, width = str.length * 6, size = 12): TextRun => ({ str, x, y, width, size });

test('runs on one baseline (within a fraction of the font size) make one line, read left to right, a space at a gap', () => {
  const lines = pageLines([
    run('10/13/2016', 426.8, 675.5),
    run('Date Assigned:', 72, 675.6, 80),
    run('CM16', 179.4, 688.6, 29.3),
    run('Case Number:', 72, 688.7, 74.7),
    run('-', 208.7, 688.6, 3.7),
    run('0213037', 212.4, 688.6, 42.8),
  ]);
  assert.deepEqual(lines, ['Case Number: CM16-0213037', 'Date Assigned: 10/13/2016']);
});

test('a gap clearly larger than the usual line spacing is a paragraph: one blank line', () => {
  const lines = pageLines([run('first line', 72, 700), run('second line', 72, 686), run('third line', 72, 672), run('after a gap', 72, 630), run('last', 72, 616)]);
  assert.deepEqual(lines, ['first line', 'second line', 'third line', '', 'after a gap', 'last']);
});

test('white space is collapsed, blank runs make no line, and no run is lost', () => {
  assert.deepEqual(pageLines([run('  a   b ', 72, 700), run(' ', 72, 686), run('', 72, 672)]), ['a b']);
  assert.deepEqual(pageLines([]), []);
});
