/** CSV export (RFC 4180) and the CLI's progress line, as pure functions. */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { CSV_COLUMNS, csvHeader, csvRow, decisionToCsv } from '../../server/src/csv';
import { Progress } from '../../server/src/node/progress';
import { parse } from '../../server/src/parser/parse';
import { letterPath, readLetter } from '../helpers';

test('fields with a comma, a quote or a line break are quoted, inner quotes doubled; rows end in CRLF', () => {
  assert.equal(csvRow(['plain', 'a,b', 'say "no"', 'two\nlines', '']), 'plain,"a,b","say ""no""","two\nlines",\r\n');
  assert.equal(csvHeader(), CSV_COLUMNS.join(',') + '\r\n');
});

test('one row per item of a real letter: dates, reviewer, outcome, citations with pages', () => {
  const rows = decisionToCsv(letterPath('003'), parse(readLetter('003')), 4).split('\r\n').filter((r) => r !== '');
  assert.equal(rows.length, 3);
  const fields = rows[2].split(',');
  const at = (name: (typeof CSV_COLUMNS)[number]) => fields[CSV_COLUMNS.indexOf(name)];
  assert.equal(at('treatment'), 'Norco');
  assert.equal(at('outcome'), 'upheld');
  assert.equal(at('findings'), '4');
  assert.match(rows[2], /p\. 76-79/);
});

test('the progress line: files done, files per second, time left; nothing unless a terminal', () => {
  const written: string[] = [];
  const quiet = new Progress(10, { write: (t: string) => written.push(t) });
  quiet.tick();
  quiet.finish();
  assert.equal(written.length, 0);
  const shown = new Progress(10, { write: (t: string) => written.push(t), isTTY: true });
  for (let i = 0; i < 4; i++) shown.tick();
  assert.match(shown.line(Date.now() + 2000), /^imr-check: 4\/10 files, [\d.]+ files\/s, about \d+ s left$/);
  assert.ok(written.length >= 1);
  shown.finish();
  assert.equal(written[written.length - 1], '\r\u001b[K');
});
