/**
 * Incremental analysis (server/src/incremental.ts, server/src/parser/incremental.ts): after any
 * edit, `reanalyze` gives exactly what a whole `analyze` of the new text gives. 10,000 edits over
 * the real letters in every surface form, most of them typing inside an item (read again alone),
 * the rest anywhere (titles and outcomes: their item read again; the summary and header: no item
 * read again; headings, labels, new titles, page breaks, line ends: read whole).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isDeepStrictEqual } from 'node:util';
import { analyze, type Analysis } from '../../server/src/engine';
import { reanalyze } from '../../server/src/incremental';
import { diffTexts } from '../../server/src/parser/incremental';
import { shifted } from '../../server/src/text/shift';
import { allRealLetters, lettersMissing } from '../corpusLetters';
import { edit, readLetter, seeded, toPdfText } from '../helpers';

const EDITS = 10_000;

/** Text a reviewer types or pastes inside a rationale (our own words). */
const TYPED = [
  'a', 'e', ' ', 's', 't', '.', ',', '\n', '\n\n', 'The ', 'records do not show ', 'functional improvement. ',
  'Baclofan ', 'Gabapentn ', 'page 99 of the MTUS Chronic Pain guidelines ', 'BACLOFEN 20MG #90 ',
  'is not medically necessary. ', 'is medically necessary. ', '(',
];

/** Text that changes the structure when it lands in the wrong place. */
const STRUCTURAL = [
  ':', ': Upheld', ': Overturned', '\nUpheld\n', 'Decision rationale: ', '\nClaims Administrator guideline: ', '\nMAXIMUS guideline: ',
  '\n\nPhysical therapy\n', '\nCLINICAL CASE SUMMARY\n', '**', '### ', '\f', '\r\n', '<!-- imr-disable-next-line -->\n', '\n\n', 'Upheld',
];

type Random = () => number;

function pick<T>(rand: Random, list: readonly T[]): T {
  return list[Math.floor(rand() * list.length)];
}

/** An offset inside one item's fields (after its title line), or anywhere when the letter has no item. */
function insideAnItem(rand: Random, analysis: Analysis): number {
  const items = analysis.decision.items;
  if (items.length === 0) return Math.floor(rand() * (analysis.text.length + 1));
  const item = pick(rand, items);
  const from = Math.min(item.end, analysis.text.indexOf('\n', Math.max(item.title.end, item.outcomeSpan?.end ?? 0)) + 1 || item.end);
  return from + Math.floor(rand() * (item.end - from + 1));
}

/** One edit: typing or deleting inside an item, most of the time; else something anywhere. */
function nextText(rand: Random, analysis: Analysis): string {
  const text = analysis.text;
  const r = rand();
  if (r < 0.6) {
    const at = insideAnItem(rand, analysis);
    if (rand() < 0.7) return text.slice(0, at) + pick(rand, TYPED) + text.slice(at);
    return text.slice(0, at) + text.slice(Math.min(text.length, at + 1 + Math.floor(rand() * 3)));
  }
  const at = r < 0.75 ? insideAnItem(rand, analysis) : Math.floor(rand() * (text.length + 1));
  if (r < 0.9) return text.slice(0, at) + pick(rand, STRUCTURAL) + text.slice(at);
  return text.slice(0, at) + text.slice(Math.min(text.length, at + 1 + Math.floor(rand() * 40)));
}

function comparable(a: Analysis) {
  return { decision: a.decision, findings: a.findings, failures: a.failures };
}

test('10,000 edits: every incremental analysis equals a whole analysis of the same text', { skip: lettersMissing ?? false }, (t) => {
  const originals = allRealLetters().map((l) => l.text);
  for (const prefix of ['000', '001', '002', '003', '004']) originals.push(toPdfText(readLetter(prefix)));
  const rand = seeded(15);
  const perLetter = Math.ceil(EDITS / originals.length);
  const paths = { item: 0, letter: 0, whole: 0 };
  let done = 0;
  for (const original of originals) {
    let previous = analyze(original);
    for (let n = 0; n < perLetter && done < EDITS; n++, done++) {
      const text = nextText(rand, previous);
      const incremental = reanalyze(previous, text);
      const whole = analyze(text);
      paths[incremental.path]++;
      if (!isDeepStrictEqual(comparable(incremental), comparable(whole))) {
        const change = diffTexts(previous.text, text);
        assert.deepStrictEqual(comparable(incremental), comparable(whole), `edit ${done} (${incremental.path}) at ${JSON.stringify(change)} differs`);
      }
      // The next edit starts from the incremental result: an error would carry on and show.
      previous = incremental;
    }
  }
  assert.equal(done, EDITS);
  // Every path is exercised, typing inside items mostly the incremental one.
  const counts = JSON.stringify(paths);
  t.diagnostic(`paths taken: ${counts}`);
  assert.ok(paths.item > EDITS * 0.35, `one item read again: ${counts}`);
  assert.ok(paths.letter > EDITS * 0.03, `no item read again: ${counts}`);
  assert.ok(paths.whole > EDITS * 0.04, `whole readings: ${counts}`);
});

test('typing in a rationale reads that item alone: the other items are the same objects', { skip: lettersMissing ?? false }, () => {
  // The older letter with the most items.
  const [before] = ['000', '001', '002', '003', '004'].map((p) => analyze(readLetter(p))).sort((a, b) => b.decision.items.length - a.decision.items.length);
  const text = before.text;
  assert.ok(before.decision.items.length >= 3);
  const second = before.decision.items[1];
  const at = second.rationale!.body.start + 10;
  const after = reanalyze(before, text.slice(0, at) + 'x' + text.slice(at));
  assert.equal(after.path, 'item');
  assert.equal(after.decision.items[0], before.decision.items[0], 'the item before the edit is kept as it was');
  assert.notEqual(after.decision.items[1], second);
  assert.equal(after.decision.items[1].rationale!.body.end, second.rationale!.body.end + 1);
  assert.equal(after.decision.items[2].start, before.decision.items[2].start + 1, 'items after it move by one');
});

test('typing in the clinical case summary reads no item again', { skip: lettersMissing ?? false }, () => {
  const text = readLetter('001');
  const before = analyze(text);
  const summary = before.decision.sections.find((s) => s.kind === 'clinical-summary')!;
  const at = text.indexOf(' ', summary.bodyStart + 40);
  const after = reanalyze(before, text.slice(0, at) + ' Baclofan' + text.slice(at));
  assert.equal(after.path, 'letter');
  assert.ok(after.findings.some((f) => f.code === 'drug-spelling' && f.start === at + 1));
  assert.deepEqual(comparable(after), comparable(analyze(after.text)));
});

test('an edit in a title re-reads its item; one that changes what starts an item, or a heading, reads the whole letter', { skip: lettersMissing ?? false }, () => {
  const text = readLetter('000');
  const before = analyze(text);
  const item = before.decision.items[0];
  const same = (a: Analysis) => assert.deepStrictEqual(comparable(a), comparable(analyze(a.text)));
  // The outcome overturned, a letter typed in the title: the item is read again, as a whole reading would.
  const outcome = item.outcomeSpan!;
  const overturned = reanalyze(before, text.slice(0, outcome.start) + 'Overturned' + text.slice(outcome.end));
  assert.equal(overturned.path, 'item');
  assert.equal(overturned.decision.items[0].outcome, 'overturned');
  assert.ok(overturned.findings.some((f) => f.code === 'outcome-conflict'));
  same(overturned);
  const inTitle = reanalyze(before, text.slice(0, item.title.start + 2) + 'x' + text.slice(item.title.start + 2));
  assert.equal(inTitle.path, 'item');
  same(inTitle);
  // The title's colon removed: the line is no longer a title.
  const colon = text.indexOf(':', item.title.end);
  const noColon = reanalyze(before, text.slice(0, colon) + text.slice(colon + 1));
  assert.equal(noColon.path, 'whole');
  const heading = before.decision.sections[0].heading;
  assert.equal(reanalyze(before, text.slice(0, heading.start) + 'x' + text.slice(heading.start)).path, 'whole');
  // A new title line inside a rationale makes a new item: read whole, and found.
  const at = item.rationale!.body.end;
  const newItem = edit(text, text.slice(at - 20, at), `${text.slice(at - 20, at)}\n\n**Tizanidine 4mg #60:** Upheld\n`);
  const after = reanalyze(before, newItem);
  assert.equal(after.path, 'whole');
  assert.equal(after.decision.items.length, before.decision.items.length + 1);
});

test('a change of settings or knowledge is never served from the previous analysis', { skip: lettersMissing ?? false }, () => {
  const text = readLetter('001');
  const before = analyze(text);
  const at = before.decision.items[0].rationale!.body.start + 5;
  const typed = text.slice(0, at) + 'y' + text.slice(at);
  assert.equal(reanalyze(before, typed).path, 'item');
  assert.equal(reanalyze(before, typed, { rules: { 'drug-spelling': 'off' } }).path, 'whole');
});

test('diffTexts finds the one changed range; shifted moves offsets only, on a copy', () => {
  assert.deepEqual(diffTexts('abcdef', 'abXYef'), { start: 2, oldEnd: 4, newEnd: 4 });
  assert.deepEqual(diffTexts('aaa', 'aaaa'), { start: 3, oldEnd: 3, newEnd: 4 });
  assert.equal(diffTexts('same', 'same'), null);
  const item = { title: { text: 'x', start: 10, end: 11 }, pageRefs: [{ from: 64, to: 65, span: { text: '64', start: 20, end: 22 } }], bodyStart: 30 };
  const moved = shifted(item, 5);
  assert.deepEqual(moved, { title: { text: 'x', start: 15, end: 16 }, pageRefs: [{ from: 64, to: 65, span: { text: '64', start: 25, end: 27 } }], bodyStart: 35 });
  assert.equal(item.title.start, 10, 'the original is untouched');
});
