/**
 * What a reader of the posted letters sees of the new facts: the outline names a modified request
 * by the part under review and gives each item's outcome and category; the hover on a title tells
 * the category, the three parts of a modified request and a retrospective service date; the
 * summary gives the patient and each item's category.
 */
import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { MarkupContent } from 'vscode-languageserver-types';
import { letterDocument } from '../../server/src/features/document';
import { hover } from '../../server/src/features/hover';
import { decisionSummary, summaryMarkdown } from '../../server/src/features/summary';
import { documentSymbols } from '../../server/src/features/symbols';
import { defaultKnowledge } from '../../server/src/knowledge';
import { dwcDir, lettersMissing } from '../corpusLetters';

const knowledge = defaultKnowledge();
const read = (name: string) => fs.readFileSync(path.join(dwcDir, `${name}.txt`), 'utf8');

describe('the new facts in the editor, on posted letters', { skip: lettersMissing ?? false }, () => {
  test('outline: a modified request is named by its remaining part; details give outcome and category', () => {
    const doc = letterDocument(read('CM16-0239569'), { knowledge });
    const issues = documentSymbols(doc).find((s) => s.name.startsWith('IMR ISSUES'))!;
    const first = issues.children![0];
    assert.equal(first.name, 'Chiropractic spinal manipulation times 6 (modified request)');
    assert.equal(first.detail, 'Upheld · physical medicine');
  });

  test('hover on a title: category, the three parts of a modified request', () => {
    const text = read('CM16-0234464');
    const doc = letterDocument(text, { knowledge });
    const at = text.indexOf('#90 was the original request') + 10;
    const h = hover(doc, at, knowledge)!;
    const md = (h.contents as MarkupContent).value;
    assert.match(md, /Category: medication/);
    assert.match(md, /- requested: Cyclobenzaprine 7\.5mg #90/);
    assert.match(md, /- authorized by the claims administrator: Cyclobenzaprine 7\.5mg #63/);
    assert.match(md, /- under review here: Cyclobenzaprine 7\.5mg #27/);
  });

  test('hover on a retrospective title: its date of service', () => {
    const text = read('CM17-0009995');
    const doc = letterDocument(text, { knowledge });
    const md = (hover(doc, text.indexOf('Retrospective Famotidine'), knowledge)!.contents as MarkupContent).value;
    assert.match(md, /Retrospective request, service on 2016-12-07\./);
  });

  test('summary: the patient, and each item with its category', () => {
    const s = decisionSummary(letterDocument(read('CM16-0213037'), { knowledge }));
    assert.equal(s.patient, '48-year-old male');
    assert.deepEqual(s.items.map((i) => i.category), ['diagnostic imaging and testing', 'diagnostic imaging and testing']);
    assert.match(summaryMarkdown(s), /· 48-year-old male/);
  });
});
