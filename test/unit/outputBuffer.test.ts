/** The CLI's gathered standard output: same text, same order, fewer writes; a terminal gets each at once. */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { OutputBuffer } from '../../server/src/node/outputBuffer';

function collector(isTTY = false) {
  const writes: string[] = [];
  return { writes, stream: { isTTY, write: (text: string) => writes.push(text) } };
}

test('text is gathered and written in one piece on flush, in order', () => {
  const { writes, stream } = collector();
  const out = new OutputBuffer(stream);
  out.write('a\n');
  out.write('');
  out.write('b\n');
  out.flush();
  out.flush();
  assert.deepEqual(writes.slice(-1), ['a\nb\n']);
  assert.equal(writes.join(''), 'a\nb\n');
});

test('a large amount is written without waiting for flush', () => {
  const { writes, stream } = collector();
  const out = new OutputBuffer(stream);
  const line = 'x'.repeat(1000) + '\n';
  for (let k = 0; k < 100; k++) out.write(line);
  assert.ok(writes.length >= 1);
  out.flush();
  assert.equal(writes.join(''), line.repeat(100));
});

test('a terminal gets each text as it comes', () => {
  const { writes, stream } = collector(true);
  const out = new OutputBuffer(stream);
  out.write('a\n');
  out.write('b\n');
  assert.deepEqual(writes, ['a\n', 'b\n']);
});
