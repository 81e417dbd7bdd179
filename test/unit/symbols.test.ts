/** Outline (document symbols) and folding on the real letters and the other layouts. */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import type { DocumentSymbol } from 'vscode-languageserver-types';
import { letterDocument } from '../../server/src/features/document';
import { foldingRanges } from '../../server/src/features/folding';
import { MAX_OUTLINE_ITEMS, documentSymbols } from '../../server/src/features/symbols';
import { readFixture, readLetter } from '../helpers';

const outline = (text: string) => documentSymbols(letterDocument(text));
const names = (symbols: DocumentSymbol[] | undefined) => (symbols ?? []).map((s) => s.name);

function assertNested(symbols: DocumentSymbol[]): void {
  const within = (inner: DocumentSymbol['range'], outer: DocumentSymbol['range']) =>
    (inner.start.line > outer.start.line || (inner.start.line === outer.start.line && inner.start.character >= outer.start.character)) &&
    (inner.end.line < outer.end.line || (inner.end.line === outer.end.line && inner.end.character <= outer.end.character));
  for (const s of symbols) {
    assert.ok(within(s.selectionRange, s.range), `${s.name}: selection outside range`);
    for (const c of s.children ?? []) assert.ok(within(c.range, s.range), `${c.name} is not inside ${s.name}`);
    assertNested(s.children ?? []);
  }
}

test('letter 003: header by case number with its fields, three sections, three items with outcomes', () => {
  const symbols = outline(readLetter('003'));
  assert.deepEqual(names(symbols), ['CM15-0033230', 'HOW THE IMR FINAL DETERMINATION WAS MADE', 'CLINICAL CASE SUMMARY', 'IMR ISSUES, DECISIONS AND RATIONALES']);
  assert.equal(symbols[0].detail, 'decided 04/13/2015');
  assert.deepEqual(
    symbols[0].children!.map((f) => [f.name, f.detail]),
    [
      ['Case Number', 'CM15-0033230'],
      ['Date Assigned', '02/26/2015'],
      ['Date of Injury', '02/04/2003'],
      ['Decision Date', '04/13/2015'],
      ['UR Denial Date', '01/27/2015'],
      ['Priority', 'Standard'],
      ['Application Received', '02/23/2015'],
    ],
  );
  const issues = symbols[3];
  assert.equal(issues.detail, '3 items');
  assert.deepEqual(issues.children!.map((i) => [i.name, i.detail]), [
    ['Klonopin 1mg quantity 30', 'Upheld · medication'],
    ['Baclofen 20mg quantity 90', 'Upheld · medication'],
    ['Norco 10/325mg quantity 180', 'Upheld · medication'],
  ]);
  assert.deepEqual(issues.children![1].children!.map((c) => [c.name, c.detail]), [
    ['Claims Administrator guideline', 'no evidence cited'],
    ['MAXIMUS guideline', 'Baclofen, p. 65'],
    ['Decision rationale', 'not medically necessary'],
  ]);
  // The item's selection is its title (line 34, zero-based 33, after the "**").
  assert.deepEqual(issues.children![1].selectionRange.start, { line: 33, character: 2 });
  assertNested(symbols);
});

test('every letter and layout gives a well-nested outline with clean names', () => {
  const texts = ['000', '001', '002', '003', '004'].map(readLetter).concat(['maximus-2014.txt', 'notice-2013.txt', 'professional-review.txt'].map(readFixture));
  for (const text of texts) {
    const symbols = outline(text);
    assertNested(symbols);
    const all: DocumentSymbol[] = [];
    const walk = (list: DocumentSymbol[]) => list.forEach((s) => (all.push(s), walk(s.children ?? [])));
    walk(symbols);
    for (const s of all) assert.doesNotMatch(s.name, /\*\*|<\/?b>|^#|:$|\s{2}/, s.name);
  }
});

test('letter 004 (PDF text, no header): items, outcomes and the guideline details', () => {
  const symbols = outline(readLetter('004'));
  assert.deepEqual(names(symbols), ['HOW THE IMR FINAL DETERMINATION WAS MADE', 'CLINICAL CASE SUMMARY', 'IMR ISSUES, DECISIONS AND RATIONALES']);
  const items = symbols[2].children!;
  assert.deepEqual(items.map((i) => [i.name, i.detail]), [
    ['Percocet 10/325 mg, QTY: 60', 'Overturned · medication'],
    ['Baclofan 20 mg, QTY: 30', 'Upheld · medication'],
  ]);
  assert.equal(items[0].children![1].detail, 'Criteria for use of opioids and Medications for chronic pain, pp. 88-89, 76-78, 60-61');
  assert.equal(items[0].children![2].detail, 'medically necessary');
});

test('letter 002: a non-MTUS citation and a rationale concluded by "no documentation for the medical necessity"', () => {
  const item = outline(readLetter('002'))[3].children![0];
  assert.equal(item.children![1].detail, 'TOPICAL ANALGESICS, pp. 111-113; ODG: Topical Analgesics');
  assert.equal(item.children![2].detail, 'not medically necessary');
});

test('an item without an outcome, or with an unknown one, says so', () => {
  const text = readLetter('000');
  assert.equal(outline(text.replace('**Baclofen 20mg #120:** Upheld', '**Baclofen 20mg #120:** Modified'))[3].children![0].detail, 'Modified (not an IMR outcome) · medication');
  assert.equal(outline(text.replace('**Baclofen 20mg #120:** Upheld', '**Baclofen 20mg #120:**'))[3].children![0].detail, 'no outcome · medication');
});

test('a huge letter is capped, and says how many items it left out', () => {
  const item = (n: number) => `**Baclofen ${n}mg #1:** Upheld\n\n**MAXIMUS guideline:** Decision based on MTUS Chronic Pain Treatment Guidelines Baclofen Page(s): 65.\n\n**Decision rationale:** Not medically necessary.\n`;
  const head = readLetter('000').split('**Baclofen 20mg #120:**')[0];
  const text = head + Array.from({ length: MAX_OUTLINE_ITEMS + 20 }, (_, i) => item(i + 1)).join('\n');
  const symbols = outline(text);
  const issues = symbols.find((s) => s.name.startsWith('IMR ISSUES'))!;
  assert.equal(issues.children!.length, MAX_OUTLINE_ITEMS);
  assert.match(symbols[symbols.length - 1].name, /^… 20 more items/);
});

test('text that is not a letter gives an empty outline, and broken input never throws', () => {
  assert.deepEqual(outline('Dear diary,\n\nnothing to see.\n'), []);
  for (const junk of ['', '\u0000', '**:**', '### \n### \n', ':\n:\n: Upheld\n', '<b>Case Number:</b>']) {
    assert.ok(Array.isArray(outline(junk)));
    assert.ok(Array.isArray(foldingRanges(letterDocument(junk))));
  }
});

test('folding: header, sections, items and multi-line fields of letter 004; one range per start line', () => {
  const ranges = foldingRanges(letterDocument(readLetter('004')));
  assert.deepEqual(ranges.slice(0, 4), [
    { startLine: 0, endLine: 20 },
    { startLine: 24, endLine: 56 },
    { startLine: 60, endLine: 158 },
    { startLine: 66, endLine: 114 },
  ]);
  assert.ok(ranges.some((r) => r.startLine === 84 && r.endLine === 114), 'the Percocet rationale folds');
  const starts = ranges.map((r) => r.startLine);
  assert.deepEqual(starts, [...new Set(starts)].sort((a, b) => a - b));
  for (const r of ranges) assert.ok(r.endLine > r.startLine);
});

test('folding: letter 000 folds its header block and its one item', () => {
  assert.deepEqual(foldingRanges(letterDocument(readLetter('000'))), [
    { startLine: 2, endLine: 5 },
    { startLine: 7, endLine: 13 },
    { startLine: 15, endLine: 19 },
    { startLine: 21, endLine: 31 },
    { startLine: 25, endLine: 31 },
  ]);
});
