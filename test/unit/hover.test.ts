/** Hovers on citations, drug names and outcomes of the real letters. */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import type { MarkupContent } from 'vscode-languageserver-types';
import { letterDocument } from '../../server/src/features/document';
import { hover } from '../../server/src/features/hover';
import { defaultKnowledge, type Knowledge } from '../../server/src/knowledge';
import { readLetter } from '../helpers';
import { IMPORTED } from './importedGuideline';

const knowledge = defaultKnowledge();

/** The hover markdown at the `delta`-th character of the first `needle` in a letter. */
function hoverAt(text: string, needle: string, delta = 1, k: Knowledge = knowledge): { md: string; covered: string } | null {
  const at = text.indexOf(needle);
  assert.ok(at >= 0, `"${needle}" not in the letter`);
  const doc = letterDocument(text);
  const h = hover(doc, at + delta, k);
  if (!h) return null;
  const r = h.range!;
  const covered = text.slice(doc.lines.offsetAt(r.start), doc.lines.offsetAt(r.end));
  return { md: (h.contents as MarkupContent).value, covered };
}


test('letter 000: "Page(s): 65" shows the guideline, the Baclofen topic with its pages and summary', () => {
  const text = readLetter('000');
  for (const delta of [0, 3, 9]) {
    const h = hoverAt(text, 'Page(s): 65', delta)!;
    assert.match(h.md, /^\*\*Chronic Pain Medical Treatment Guidelines \(2009\)\*\* · MTUS, 8 CCR 9792\.24\.2/);
    assert.match(h.md, /Cited by MAXIMUS: Baclofen, p\. 65/);
    assert.match(h.md, /\n\*\*[^*\n]*Baclofen[^*\n]*\*\* · pages 64-65\b[^\n]*\(under Muscle relaxants \(for pain\)\)/);
    assert.match(h.md, /spasticity/);
    assert.doesNotMatch(h.md, /Open page/);
  }
  // On the page number itself the hover covers just the number.
  assert.equal(hoverAt(text, 'Page(s): 65', 9)!.covered, '65');
});

test('with an imported PDF the hover quotes the page and links to it', () => {
  const k: Knowledge = { ...knowledge, mtus: knowledge.mtus.withImported([IMPORTED]) };
  const h = hoverAt(readLetter('000'), 'Page(s): 65', 9, k)!;
  assert.match(h.md, /Page 65 of the imported guideline/);
  assert.match(h.md, /> Placeholder words standing in for the page text\./);
  assert.match(h.md, /\[Open page 65\]\(file:\/\/\/store\/mtus\/cpmtg%202009\.pdf#page=71\)/);
  assert.match(h.md, /shown by the imported official PDF/);
});

test('letter 003: a page range, and the claims administrator line that cites nothing has no citation hover', () => {
  const text = readLetter('003');
  const h = hoverAt(text, 'Page(s): 76-79', 10)!;
  assert.equal(h.covered, '76-79');
  assert.match(h.md, /\*\*Criteria for use of opioids\*\* · pages 76-80/);
  assert.equal(hoverAt(text, 'did not cite any medical evidence', 3), null);
});

test('letter 001: prose citations: "page 64 of the MTUS ...", "page 47 of the ACOEM ...", "MTUS 9792.20e"', () => {
  const text = readLetter('001');
  const p64 = hoverAt(text, 'page 64 of', 2)!;
  assert.match(p64.covered, /^page 64 of the MTUS/);
  // The topic about the item's own drug comes first.
  assert.match(p64.md, /Cited in the rationale: page 64 of the MTUS Chronic Pain Medical Treatment Guidelines\n\n\*\*[^*\n]*Baclofen/);
  const acoem = hoverAt(text, 'page 47 of the ACOEM', 2)!;
  assert.match(acoem.md, /ACOEM/);
  const reg = hoverAt(text, '9792.20e', 4)!;
  assert.match(reg.md, /^\*\*8 CCR §9792\.20\(e\): Functional improvement\*\*/);
  assert.match(reg.md, /lettering/i);
});

test('letter 004: "MTUS page 78" shows the on-going management topic first, then the cited criteria', () => {
  const h = hoverAt(readLetter('004'), 'MTUS page 78', 6)!;
  const first = h.md.indexOf('4 A');
  const criteria = h.md.indexOf('**Criteria for use of opioids**');
  assert.ok(first > 0 && criteria > first, h.md);
});

test('letter 002: a non-MTUS citation says so', () => {
  const h = hoverAt(readLetter('002'), 'Non-MTUS Citation', 4)!;
  assert.match(h.md, /^\*\*Official Disability Guidelines \(ODG\)\*\* · non-MTUS/);
  assert.match(h.md, /outside the MTUS/);
});

test('drug names: brand (Norco), generic (baclofen), in any section', () => {
  const norco = hoverAt(readLetter('003'), 'Norco 10/325mg quantity 180', 2)!;
  assert.equal(norco.covered, 'Norco');
  assert.match(norco.md, /^\*\*Norco\*\* · brand of \*\*hydrocodone\/acetaminophen\*\*/);
  assert.match(norco.md, /Class: opioid/);
  assert.match(norco.md, /Other brands: Vicodin/);
  assert.match(norco.md, /CPMTG Criteria for use of opioids, p\. 76-80/);
  const baclofen = hoverAt(readLetter('000'), 'baclofen may reduce', 2)!;
  assert.match(baclofen.md, /^\*\*baclofen\*\* · generic name/);
  assert.match(baclofen.md, /Brands: Lioresal/);
  const zanaflex = hoverAt(readLetter('001'), 'Zanaflex', 1)!;
  assert.match(zanaflex.md, /tizanidine/);
});

test('a misspelled drug in a title suggests the right name', () => {
  const h = hoverAt(readLetter('004'), 'Baclofan 20 mg, QTY', 2)!;
  assert.equal(h.covered, 'Baclofan');
  assert.match(h.md, /Did you mean \*\*Baclofen\*\*/);
});

test('outcomes: meaning, and whether the rationale agrees or not', () => {
  const upheld = hoverAt(readLetter('000'), 'Upheld', 2)!;
  assert.match(upheld.md, /^\*\*Upheld\*\*/);
  assert.match(upheld.md, /not medically necessary/);
  assert.match(upheld.md, /✓ The rationale agrees/);
  assert.match(upheld.md, /> Therefore, the request for BACLOFEN 20MG #120 is not medically necessary\./);
  const conflicting = readLetter('000').replace('**Baclofen 20mg #120:** Upheld', '**Baclofen 20mg #120:** Overturned');
  assert.match(hoverAt(conflicting, 'Overturned', 2)!.md, /⚠ The rationale concludes the opposite/);
  const unconcluded = readLetter('002').replace('there is no documentation for the medical necessity for topical Baclofen.', 'the documentation was reviewed.');
  assert.match(hoverAt(unconcluded, 'Upheld', 2)!.md, /no explicit conclusion/);
  const unknown = readLetter('000').replace('**Baclofen 20mg #120:** Upheld', '**Baclofen 20mg #120:** Modified');
  assert.match(hoverAt(unknown, 'Modified', 2)!.md, /is not an IMR outcome/);
});

test('nothing to say: plain prose, blank lines, outside the text, broken input', () => {
  const text = readLetter('000');
  assert.equal(hoverAt(text, 'chief complaint', 2), null);
  const doc = letterDocument(text);
  assert.equal(hover(doc, -5, knowledge), null);
  assert.equal(hover(doc, text.length + 100, knowledge), null);
  for (const junk of ['', '**:**', 'Page(s): 65', '\u0000:\n']) assert.equal(hover(letterDocument(junk), 1, knowledge), null);
});
