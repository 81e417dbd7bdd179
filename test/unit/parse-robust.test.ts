/** Any input gives a model without throwing, and text that is not a letter gives an empty one. */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { MAX_READ, parse } from '../../server/src/parser/parse';
import { analyze, MAX_FINDINGS_PER_CHECK } from '../../server/src/engine';
import { collapse, SHOWN_MAX } from '../../server/src/features/document';
import { readFixture, readLetter } from '../helpers';

test('empty text', () => {
  const d = parse('');
  assert.equal(d.layout, 'unknown');
  assert.deepEqual([d.sections, d.items, d.header], [[], [], null]);
  assert.deepEqual(analyze('').findings, []);
});

test('binary junk', () => {
  let seed = 7;
  const bytes = Array.from({ length: 200_000 }, () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) % 256));
  const text = Buffer.from(bytes).toString('latin1');
  const d = parse(text);
  assert.equal(d.layout, 'unknown');
  assert.deepEqual(analyze(text).findings, []);
});

test('a 10 MB single line', () => {
  const text = 'Baclofen 20mg #120: Upheld '.repeat(400_000);
  assert.ok(text.length > 10_000_000);
  const d = parse(text);
  assert.equal(d.items.length, 0);
});

test('a letter with a 1.5 MB rationale line still parses its items', () => {
  const letter = readLetter('000');
  const long = letter.replace('According to MTUS guidelines,', `According to MTUS guidelines, ${'word '.repeat(300_000)}`);
  assert.ok(long.length > 1_500_000 && long.length < MAX_READ);
  const d = parse(long);
  assert.equal(d.items.length, 1);
  assert.equal(d.items[0].rationale?.conclusion, 'not-medically-necessary');
  assert.deepEqual(d.limits, []);
  assert.equal(d.readTo, long.length);
});

test('a text longer than MAX_READ is read up to a line end before it, and says so', () => {
  const letter = readLetter('000');
  const long = letter.replace('According to MTUS guidelines,', `According to MTUS guidelines, ${'word '.repeat(2_000_000)}`);
  const d = parse(long);
  assert.equal(d.items.length, 1, 'the item before the cut is read');
  // The rationale's conclusion is past the cut: not read, so not claimed.
  assert.equal(d.items[0].rationale?.conclusion ?? null, null);
  // The line is far longer than MAX_READ: it is cut inside.
  assert.equal(d.readTo, MAX_READ);
  assert.match(d.limits.join('\n'), /characters long: only the first 2,000,000 are read and checked/);
  // Many lines: the cut falls after the last line break before MAX_READ.
  const lines = parse(letter + 'a short line of prose\n'.repeat(100_000));
  assert.ok(lines.readTo <= MAX_READ && lines.readTo > MAX_READ - 30, `readTo ${lines.readTo}`);
  assert.equal((letter + 'a short line of prose\n'.repeat(100_000))[lines.readTo - 1], '\n');
  assert.equal(lines.items.length, 1);
});

test('CR and CRLF line ends read like LF', () => {
  const letter = readLetter('003');
  const a = parse(letter);
  for (const eol of ['\r\n', '\r']) {
    const b = parse(letter.replace(/\n/g, eol));
    assert.deepEqual(
      b.items.map((i) => [i.title.text, i.outcome, i.quantity]),
      a.items.map((i) => [i.title.text, i.outcome, i.quantity]),
    );
  }
});

test('text that is not a letter stays silent', () => {
  const prose = '# Meeting notes\n\nWe discussed the budget. Priority: high.\n\n**Action:** send the report.\n';
  assert.equal(parse(prose).layout, 'unknown');
  assert.deepEqual(analyze(prose).findings, []);
});

test('past 2,000 disputed items reading stops, says so, and records where', () => {
  const head = readLetter('000').split('**Baclofen 20mg #120:** Upheld')[0];
  const items = Array.from({ length: 2500 }, (_, i) => `**Baclofen ${i}mg #${i}:** Upheld\n`).join('');
  const text = head + items;
  const d = parse(text);
  assert.equal(d.items.length, 2000);
  assert.equal(d.limits.length, 1);
  assert.equal(text.slice(d.readTo, d.readTo + 25), '**Baclofen 2000mg #2000:*');
  assert.equal(parse(readLetter('003')).readTo, readLetter('003').length);
});

test('one check reports at most MAX_FINDINGS_PER_CHECK problems, and the letter says so', () => {
  const letter = readLetter('000');
  const head = letter.slice(0, letter.indexOf('**Baclofen 20mg #120:**'));
  const text = head + Array.from({ length: 800 }, (_, i) => `**Baclofen ${i + 1}mg #${i + 1}:** Upheld\n`).join('');
  const { findings, decision } = analyze(text);
  assert.equal(decision.items.length, 800);
  const missing = findings.filter((f) => f.code === 'missing-rationale');
  assert.equal(missing.length, MAX_FINDINGS_PER_CHECK);
  // The first ones are kept, in order.
  assert.equal(missing[0].start, decision.items[0].title.start);
  assert.ok(decision.limits.some((l) => l.includes(`problems of kind missing-rationale: only the first ${MAX_FINDINGS_PER_CHECK}`)));
  // The editor hears of it too: one reading-limit finding, at the start (everything was read).
  const limit = findings.filter((f) => f.code === 'reading-limit');
  assert.equal(limit.length, 1);
  assert.equal(limit[0].severity, 'information');
  assert.equal(limit[0].start, 0);
  assert.match(limit[0].message, /problems of kind missing-rationale/);
});

test('reading-limit: where reading stopped, with every limit reached; silent on the real letters', () => {
  const letter = readLetter('000');
  const long = letter + 'a short line of prose\n'.repeat(100_000);
  const { findings, decision } = analyze(long);
  const limit = findings.filter((f) => f.code === 'reading-limit');
  assert.equal(limit.length, 1);
  assert.equal(limit[0].start, decision.readTo);
  assert.equal(long.slice(limit[0].start, limit[0].end), 'a short line of prose');
  assert.match(limit[0].message, /characters long: only the first [\d,]+ are read and checked\. Check a text this large as separate letters\./);
  for (const prefix of ['000', '001', '002', '003', '004']) {
    assert.deepEqual(analyze(readLetter(prefix)).findings.filter((f) => f.code === 'reading-limit'), [], prefix);
  }
  // Off like any rule.
  assert.equal(analyze(long, { rules: { 'reading-limit': 'off' } }).findings.filter((f) => f.code === 'reading-limit').length, 0);
});

test('an item title pages long is read for its head only, and shown cut short', () => {
  const review = readFixture('professional-review.txt');
  const long = review.replace('a lumbar epidural steroid injection at L4-5', `Baclofen 20mg #120 ${'and more words '.repeat(30_000)}`);
  const d = parse(long);
  assert.equal(d.items.length, 1);
  assert.ok(d.items[0].title.text.length > 400_000);
  // Past the length of a question, the title is the whole line.
  assert.match(d.items[0].treatment.text, /Baclofen$/);
  assert.equal(d.items[0].strength, '20mg');
  assert.equal(d.items[0].quantity, 120);
  const label = collapse(d.items[0].title.text);
  assert.ok(label.length <= SHOWN_MAX + 1 && label.endsWith('…'), label.slice(-20));
  assert.equal(collapse('  Baclofen \n 20mg  '), 'Baclofen 20mg');
});
