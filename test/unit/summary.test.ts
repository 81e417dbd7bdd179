/** The decision summary behind the status bar item and "IMR: Show Decision Summary". */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { letterDocument } from '../../server/src/features/document';
import { agreement, decisionSummary, statusText, summaryMarkdown } from '../../server/src/features/summary';
import { readLetter } from '../helpers';

test('letter 003: three upheld items, their MAXIMUS basis, and the problems counted by severity', () => {
  const doc = letterDocument(readLetter('003'));
  const s = decisionSummary(doc);
  assert.equal(s.caseNumber, 'CM15-0033230');
  assert.equal(s.decisionDate, '04/13/2015');
  assert.deepEqual(s.items.map((i) => [i.title, i.outcomeText, i.agrees, i.basis]), [
    ['Klonopin 1mg quantity 30', 'Upheld', true, 'Benzodiazepines, p. 24'],
    ['Baclofen 20mg quantity 90', 'Upheld', true, 'Baclofen, p. 65'],
    ['Norco 10/325mg quantity 180', 'Upheld', true, 'Criteria for use of opioids, pp. 76-79'],
  ]);
  assert.deepEqual(s.outcomes, { upheld: 3, overturned: 0, 'partially-overturned': 0, none: 0 });
  const findings = doc.analysis.findings;
  assert.equal(s.problems.total, findings.length);
  assert.equal(s.problems.error + s.problems.warning + s.problems.information + s.problems.hint, findings.length);
  assert.equal(statusText(s), `3 items: 3 upheld · ${findings.length === 0 ? 'no problems' : findings.length === 1 ? '1 problem' : `${findings.length} problems`}`);
  assert.deepEqual(s.items[0].selectionRange.start, { line: 25, character: 2 });
});

test('letter 004: one overturned, one upheld; markdown lists them', () => {
  const s = decisionSummary(letterDocument(readLetter('004')));
  assert.equal(s.caseNumber, null);
  // One error and four drug-spelling hints: the status bar counts what the Problems panel lists.
  assert.deepEqual([s.problems.error, s.problems.hint], [1, 4]);
  assert.equal(statusText(s), '2 items: 1 upheld, 1 overturned · 1 problem');
  const md = summaryMarkdown(s);
  assert.match(md, /^\*\*Decision letter\*\*/);
  assert.match(md, /- Percocet 10\/325 mg, QTY: 60: \*\*Overturned\*\*/);
  assert.match(md, /- Baclofan 20 mg, QTY: 30: \*\*Upheld\*\*/);
});

test('a conflict between outcome and rationale is flagged; a missing outcome is counted', () => {
  const text = readLetter('000');
  const conflict = decisionSummary(letterDocument(text.replace('**Baclofen 20mg #120:** Upheld', '**Baclofen 20mg #120:** Overturned')));
  assert.equal(conflict.items[0].agrees, false);
  assert.match(summaryMarkdown(conflict), /⚠ the rationale concludes the opposite/);
  const none = decisionSummary(letterDocument(text.replace('**Baclofen 20mg #120:** Upheld', '**Baclofen 20mg #120:**')));
  assert.equal(none.outcomes.none, 1);
  assert.match(statusText(none), /1 item: 1 without outcome/);
  assert.equal(agreement('upheld', null), null);
  assert.equal(agreement('partially-overturned', 'medically-necessary'), null);
});

test('not a letter: an empty summary, no throw', () => {
  const s = decisionSummary(letterDocument('hello'));
  assert.equal(s.items.length, 0);
  assert.equal(statusText(s), '0 items · no problems');
  assert.match(summaryMarkdown(s), /No disputed items found/);
});
