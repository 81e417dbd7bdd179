import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { parse } from '../../server/src/parser/parse';
import { readLetter } from '../helpers';

test('letter 003 has three upheld items', () => {
  const d = parse(readLetter('003'));
  assert.deepEqual(d.items.map((i) => [i.treatment.text, i.strength, i.quantity, i.outcome]), [
    ['Klonopin', '1mg', 30, 'upheld'],
    ['Baclofen', '20mg', 90, 'upheld'],
    ['Norco', '10/325mg', 180, 'upheld'],
  ]);
});
