/** Completion on the real letters: drug names in titles, outcomes, guideline names and topics, headings. */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import type { CompletionItem, TextEdit } from 'vscode-languageserver-types';
import { completions } from '../../server/src/features/completion';
import { letterDocument } from '../../server/src/features/document';
import { defaultKnowledge } from '../../server/src/knowledge';
import { readLetter } from '../helpers';

const knowledge = defaultKnowledge();

/** Completions with the cursor where `|` stands in `text` (the `|` is removed). */
function at(textWithCursor: string): { items: CompletionItem[]; text: string; offset: number } {
  const offset = textWithCursor.indexOf('|');
  assert.ok(offset >= 0);
  const text = textWithCursor.slice(0, offset) + textWithCursor.slice(offset + 1);
  return { items: completions(letterDocument(text), offset, knowledge).items, text, offset };
}

/** The text after accepting a completion item. */
function accept(text: string, item: CompletionItem): string {
  const doc = letterDocument(text);
  const e = item.textEdit as TextEdit;
  return text.slice(0, doc.lines.offsetAt(e.range.start)) + e.newText + text.slice(doc.lines.offsetAt(e.range.end));
}

const L000 = readLetter('000');
const L004 = readLetter('004');

test('"Baclo" on a new title line offers Baclofen (capitalised), with kind, detail and docs', () => {
  const { items, text } = at(L000.replace('**Baclofen 20mg #120:** Upheld', '**Baclofen 20mg #120:** Upheld\n\nBaclo|'));
  const baclofen = items.find((i) => i.label === 'Baclofen');
  assert.ok(baclofen);
  assert.equal(baclofen.labelDetails?.description, 'generic');
  assert.equal(baclofen.detail, 'GABA-B agonist antispasticity agent');
  assert.match((baclofen.documentation as { value: string }).value, /Brands: Lioresal/);
  assert.match(accept(text, baclofen), /Upheld\n\nBaclofen\n/);
  // Only names with the same first letter are sent; the editor filters the rest.
  const drugs = items.filter((i) => i.labelDetails?.description);
  assert.ok(drugs.length > 5);
  for (const d of drugs) assert.match(d.label, /^b/i);
  assert.ok(items.some((i) => i.label === 'Bentyl' || i.labelDetails?.description?.startsWith('brand of')));
});

test('brand names complete in a PDF-text letter title too, inside an existing title', () => {
  const { items } = at(L004.replace('Baclofan 20 mg, QTY: 30:  Upheld', 'Norc| 20 mg, QTY: 30:  Upheld'));
  const norco = items.find((i) => i.label === 'Norco');
  assert.ok(norco);
  assert.equal(norco.labelDetails?.description, 'brand of hydrocodone/acetaminophen');
});

test('no drug names in the case summary prose or after the title colon', () => {
  assert.deepEqual(at(L000.replace('The injured worker was a 63', 'The injured worker Baclo| was a 63')).items, []);
  const afterColon = at(L000.replace('**Baclofen 20mg #120:** Upheld', '**Baclofen 20mg #120:** Up|')).items;
  assert.deepEqual(afterColon.map((i) => i.label), ['Upheld', 'Overturned']);
});

test('outcomes after an item title colon, with a space added when the colon has none', () => {
  const { items, text } = at(L004.replace('Percocet 10/325 mg, QTY: 60:  Overturned', 'Percocet 10/325 mg, QTY: 60:|'));
  assert.deepEqual(items.map((i) => [i.label, i.detail]), [
    ['Upheld', 'not medically necessary'],
    ['Overturned', 'medically necessary'],
  ]);
  assert.match(accept(text, items[1]), /Percocet 10\/325 mg, QTY: 60: Overturned/);
  // Not after a label's colon.
  const label = at(L004.replace('Decision rationale: According to the 11/10/2014 report, this patient presents with "ongoing left \n\nbuttocks', 'Decision rationale:| \n\nbuttocks')).items;
  assert.ok(!label.some((i) => i.label === 'Upheld'));
});

test('guideline lines: openings, guideline names, then topics of the guideline, then its pages', () => {
  const empty = at(L000.replace('**MAXIMUS guideline:** Decision based on MTUS Chronic Pain Treatment Guidelines Baclofen Page(s): 65.', '**MAXIMUS guideline:** |'));
  assert.ok(empty.items.some((i) => i.label === 'Decision based on MTUS Chronic Pain Treatment Guidelines'));
  assert.ok(!empty.items.some((i) => /did not cite/.test(i.label)), 'only the claims administrator line cites nothing');

  const names = at(L000.replace('Decision based on MTUS Chronic Pain Treatment Guidelines Baclofen Page(s): 65.', 'Decision based on MTUS Chro|'));
  const cpmtg = names.items.find((i) => i.label === 'Chronic Pain Medical Treatment Guidelines' && i.labelDetails?.description === 'CPMTG 2009');
  assert.ok(cpmtg, names.items.map((i) => i.label).join(' | '));
  assert.match(accept(names.text, cpmtg), /Decision based on MTUS Chronic Pain Medical Treatment Guidelines \n/);

  const topics = at(L000.replace('Decision based on MTUS Chronic Pain Treatment Guidelines Baclofen Page(s): 65.', 'Decision based on MTUS Chronic Pain Treatment Guidelines Bac|'));
  const topic = topics.items.find((i) => /Baclofen/.test(i.label));
  assert.ok(topic);
  assert.match(topic.labelDetails!.description!, /^pp\. 64-65\b/);
  assert.match(accept(topics.text, topic), /Guidelines Baclofen[^\n]*\n/);

  const pages = at(L000.replace('Decision based on MTUS Chronic Pain Treatment Guidelines Baclofen Page(s): 65.', 'Decision based on MTUS Chronic Pain Treatment Guidelines Baclofen |'));
  const page = pages.items.find((i) => i.label.startsWith('Page(s):'));
  assert.ok(page);
  assert.equal(page.label, 'Page(s): 64-65');

  const odg = at(L000.replace('Decision based on MTUS Chronic Pain Treatment Guidelines Baclofen Page(s): 65.', 'Decision based on Non-MTUS Citation Off|'));
  assert.ok(odg.items.some((i) => /Official Disability Guidelines/.test(i.label)));
  assert.ok(!odg.items.some((i) => i.labelDetails?.description === 'CPMTG 2009'));
});

test('section headings at line start, in the letter\'s own form', () => {
  const markdown = at(L000.replace('### CLINICAL CASE SUMMARY', '### CLIN|'));
  const heading = markdown.items.find((i) => i.label === 'CLINICAL CASE SUMMARY');
  assert.ok(heading);
  assert.equal((heading.textEdit as TextEdit).newText, '### CLINICAL CASE SUMMARY');
  assert.equal(heading.detail, 'section heading');
  assert.match(markdown.items.find((i) => i.label === 'HOW THE IMR FINAL DETERMINATION WAS MADE')!.detail!, /already in the letter/);
  const pdf = at(L004.replace('CLINICAL CASE SUMMARY', 'CLIN|'));
  assert.equal((pdf.items.find((i) => i.label === 'CLINICAL CASE SUMMARY')!.textEdit as TextEdit).newText, 'CLINICAL CASE SUMMARY');
  // Item labels in the issues section.
  const labels = at(L000.replace('**Decision rationale:** According', 'Deci|\n\nAccording'));
  assert.ok(labels.items.some((i) => i.label === 'Decision rationale:' && (i.textEdit as TextEdit).newText === '**Decision rationale:** '));
});

test('items carry kinds, and nothing is offered in the middle of prose or on broken input', () => {
  const { items } = at(L000.replace('**Baclofen 20mg #120:** Upheld', '**Baclofen 20mg #120:** Upheld\n\nBaclo|'));
  for (const i of items) assert.ok(i.kind && i.textEdit, i.label);
  assert.deepEqual(at(L000.replace('Efficacy appears to diminish', 'Efficacy ap|pears to diminish')).items, []);
  for (const junk of ['|', '**|', '### |', ':|', 'Baclo|']) assert.ok(Array.isArray(at(junk).items));
  assert.deepEqual(completions(letterDocument('abc'), 999, knowledge).items, []);
});
