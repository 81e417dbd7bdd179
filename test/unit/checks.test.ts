/**
 * Defective variants of the real letters: each defect gives its exact code, severity and range.
 */
import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { analyze } from '../../server/src/engine';
import type { Finding } from '../../server/src/checks/types';
import { CHECKS } from '../../server/src/checks';
import { edit, readLetter } from '../helpers';

/** The findings of one code, with the text each one's range covers. */
function found(text: string, code: string): Array<{ severity: string; covers: string; message: string; finding: Finding }> {
  return analyze(text)
    .findings.filter((f) => f.code === code)
    .map((f) => ({ severity: f.severity, covers: text.slice(f.start, f.end), message: f.message, finding: f }));
}

/** Applies a finding's fix to the text. */
function applyFix(text: string, f: Finding, index = 0): string {
  const fix = f.fixes![index];
  let out = text;
  for (const e of [...fix.edits].sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}

describe('the real letters are clean of these checks', () => {
  for (const prefix of ['000', '001', '002', '003', '004']) {
    test(`letter ${prefix}: no error or warning from the structural and item checks`, () => {
      const findings = analyze(readLetter(prefix)).findings.filter(
        (f) => (f.severity === 'error' || f.severity === 'warning') && !['unknown-drug', 'drug-spelling', 'citation-page', 'unknown-guideline'].includes(f.code),
      );
      assert.deepEqual(findings.map((f) => `${f.code}: ${f.message}`), []);
    });
  }
  test('letter 002: "there is no documentation for the medical necessity" concludes the upheld item; without it, a hint', () => {
    const text = readLetter('002');
    assert.deepEqual(found(text, 'missing-conclusion'), []);
    assert.deepEqual(found(text, 'outcome-conflict'), []);
    const last = 'Therefore, there is no documentation for the medical necessity for topical Baclofen.';
    const cut = edit(text, last, 'Therefore, the documentation was reviewed.');
    const hints = found(cut, 'missing-conclusion');
    assert.equal(hints.length, 1);
    assert.equal(hints[0].severity, 'hint');
  });
});

describe('sections', () => {
  test('missing-section: the clinical case summary removed (markdown)', () => {
    const letter = readLetter('000');
    const start = letter.indexOf('### CLINICAL CASE SUMMARY');
    const end = letter.indexOf('### IMR ISSUES');
    const text = letter.slice(0, start) + letter.slice(end);
    const [f, ...rest] = found(text, 'missing-section');
    assert.equal(rest.length, 0);
    assert.equal(f.severity, 'error');
    assert.equal(f.covers, 'IMR ISSUES, DECISIONS AND RATIONALES');
    assert.match(f.message, /clinical case summary section \("CLINICAL CASE SUMMARY"\) is missing/);
    // The fix inserts the heading in the letter's own form, and the finding goes away.
    const fixed = applyFix(text, f.finding);
    assert.ok(fixed.includes('### CLINICAL CASE SUMMARY\n\n### IMR ISSUES'));
    assert.deepEqual(found(fixed, 'missing-section'), []);
  });

  test('missing-section: the issues section removed from a PDF-text letter points at the end', () => {
    const letter = readLetter('004');
    const at = letter.indexOf('IMR ISSUES, DECISIONS AND RATIONALES');
    assert.ok(at > 0);
    const text = letter.slice(0, at);
    const [f] = found(text, 'missing-section');
    assert.match(f.message, /issues, decisions and rationales section .* is missing\. Add it at the end/);
    assert.ok(applyFix(text, f.finding).endsWith('\nIMR ISSUES, DECISIONS AND RATIONALES\n'));
  });

  test('duplicate-section and section-order', () => {
    const letter = readLetter('003');
    const summaryStart = letter.indexOf('### CLINICAL CASE SUMMARY');
    const issuesStart = letter.indexOf('## IMR ISSUES');
    const summary = letter.slice(summaryStart, issuesStart);
    // The summary moved after the issues.
    const moved = letter.slice(0, summaryStart) + letter.slice(issuesStart) + '\n\n' + summary;
    const [order] = found(moved, 'section-order');
    assert.equal(order.covers, 'CLINICAL CASE SUMMARY');
    assert.equal(order.severity, 'warning');
    assert.match(order.message, /clinical case summary section should come before the issues, decisions and rationales section/);
    assert.deepEqual(found(moved, 'duplicate-section'), []);
    // The summary twice.
    const twice = letter.slice(0, issuesStart) + summary + letter.slice(issuesStart);
    const [dup] = found(twice, 'duplicate-section');
    assert.equal(dup.covers, 'CLINICAL CASE SUMMARY');
    assert.equal(twice.indexOf('CLINICAL CASE SUMMARY', summaryStart + 5) , dup.finding.start);
    assert.equal(dup.finding.related![0].start, summaryStart + 4);
  });
});

describe('header', () => {
  test('missing-header-field: Priority removed', () => {
    const text = edit(readLetter('000'), '<b>Priority:</b>\tStandard\t', '');
    const [f, ...rest] = found(text, 'missing-header-field');
    assert.equal(rest.length, 0);
    assert.equal(f.covers, 'Case Number');
    assert.match(f.message, /no "Priority" field/);
  });

  test('invalid-case-number: wrong form, fixable; wrong year', () => {
    const bad = edit(readLetter('000'), 'CM15-0027300', 'cm15 0027300');
    const [f] = found(bad, 'invalid-case-number');
    assert.equal(f.severity, 'error');
    assert.equal(f.covers, 'cm15 0027300');
    assert.equal(f.finding.fixes![0].safe, true);
    assert.ok(applyFix(bad, f.finding).includes('<b>Case Number:</b>\tCM15-0027300'));
    const unfixable = edit(readLetter('000'), 'CM15-0027300', 'CM15-27300');
    assert.deepEqual(found(unfixable, 'invalid-case-number')[0].finding.fixes, []);
    const year = edit(readLetter('000'), 'CM15-0027300', 'CM14-0027300');
    const [y] = found(year, 'invalid-case-number');
    assert.equal(y.severity, 'warning');
    assert.equal(y.covers, '14');
  });

  test('invalid-date: 02/30/2015', () => {
    const text = edit(readLetter('000'), '02/19/2015', '02/30/2015');
    const [f] = found(text, 'invalid-date');
    assert.equal(f.severity, 'error');
    assert.equal(f.covers, '02/30/2015');
    assert.match(f.message, /Date Assigned/);
  });

  test('date-order: the decision dated before the assignment, the injury after the UR denial', () => {
    let text = edit(readLetter('003'), '04/13/2015', '02/13/2015');
    let [f] = found(text, 'date-order');
    assert.equal(f.covers, '02/13/2015');
    assert.match(f.message, /Decision Date \(02\/13\/2015\) is before Date Assigned \(02\/26\/2015\)/);
    text = edit(readLetter('003'), '02/04/2003', '02/04/2016');
    [f] = found(text, 'date-order');
    assert.equal(f.covers, '01/27/2015');
    assert.equal(text.slice(f.finding.related![0].start, f.finding.related![0].end), '02/04/2016');
  });
});

describe('items', () => {
  test('a title being typed is an item at once: bold in the markdown form, the last line in the PDF form', () => {
    const typed = readLetter('003').trimEnd() + '\n\n**Gabapentin 600mg #90:** \n';
    const last = analyze(typed).decision.items.at(-1)!;
    assert.equal(last.title.text, 'Gabapentin 600mg #90');
    assert.equal(last.category, 'medication');
    // The Norco item before it keeps its rationale and conclusion.
    assert.equal(analyze(typed).decision.items[2].rationale?.conclusion, 'not-medically-necessary');
    assert.deepEqual(found(typed, 'missing-outcome').map((f) => f.covers), ['Gabapentin 600mg #90']);
    const plain = readLetter('004').trimEnd() + '\n\nGabapentin 600mg #90:\n';
    assert.equal(analyze(plain).decision.items.at(-1)!.title.text, 'Gabapentin 600mg #90');
    assert.equal(analyze(plain).decision.items.length, 3);
  });
  test('missing-rationale: the Baclofen rationale deleted; the fix inserts the label', () => {
    const letter = readLetter('003');
    const start = letter.indexOf('**Decision rationale:** According to MTUS guidelines, an non sedating');
    const end = letter.indexOf('**Norco 10/325mg quantity 180:**');
    const text = letter.slice(0, start) + letter.slice(end);
    const [f, ...rest] = found(text, 'missing-rationale');
    assert.equal(rest.length, 0);
    assert.equal(f.covers, 'Baclofen 20mg quantity 90');
    const fixed = applyFix(text, f.finding);
    assert.ok(fixed.includes('Page(s): 65.\n\n**Decision rationale:** \n\n**Norco'));
    // An empty rationale is still reported, now on its label.
    const [g] = found(fixed, 'missing-rationale');
    assert.equal(g.covers, 'Decision rationale:');
    assert.match(g.message, /is empty/);
  });

  test('outcome-conflict: an upheld item whose rationale says medically necessary (004 flipped)', () => {
    const text = edit(readLetter('004'), 'Percocet 10/325 mg, QTY: 60:  Overturned', 'Percocet 10/325 mg, QTY: 60:  Upheld');
    const [f] = found(text, 'outcome-conflict');
    assert.equal(f.severity, 'error');
    assert.equal(f.covers.replace(/\s+/g, ' '), 'The request is medically necessary.');
    assert.equal(text.slice(f.finding.related![0].start, f.finding.related![0].end), 'Upheld');
  });

  test('missing-outcome and unknown-outcome', () => {
    const none = edit(readLetter('000'), '**Baclofen 20mg #120:** Upheld', '**Baclofen 20mg #120:**');
    const [m] = found(none, 'missing-outcome');
    assert.equal(m.covers, 'Baclofen 20mg #120');
    // The rationale says not medically necessary, so "Upheld" is the preferred fix.
    const preferred = m.finding.fixes!.findIndex((x) => x.preferred);
    assert.equal(m.finding.fixes![preferred].title, 'Add the outcome "Upheld"');
    assert.ok(applyFix(none, m.finding, preferred).includes('**Baclofen 20mg #120:** Upheld'));
    const odd = edit(readLetter('000'), '**Baclofen 20mg #120:** Upheld', '**Baclofen 20mg #120:** Denied');
    const [u] = found(odd, 'unknown-outcome');
    assert.equal(u.covers, 'Denied');
    assert.deepEqual(u.finding.fixes, []);
  });

  test('no-disputed-items: an issues section with no item', () => {
    const letter = readLetter('000');
    const text = letter.slice(0, letter.indexOf('**Baclofen 20mg #120:**'));
    const [f] = found(text, 'no-disputed-items');
    assert.equal(f.covers, 'IMR ISSUES, DECISIONS AND RATIONALES');
  });

  test('missing-citation: the MAXIMUS guideline line removed', () => {
    const text = edit(readLetter('000'), '**MAXIMUS guideline:** Decision based on MTUS Chronic Pain Treatment Guidelines Baclofen Page(s): 65.\n\n', '');
    const [f] = found(text, 'missing-citation');
    assert.equal(f.severity, 'warning');
    assert.equal(f.covers, 'Baclofen 20mg #120');
    assert.ok(applyFix(text, f.finding).includes('**MAXIMUS guideline:** \n\n**Decision rationale:**'));
  });

  test('quantity-mismatch: the rationale restates a different quantity (003) and strength (004)', () => {
    let text = edit(readLetter('003'), 'BACLOFEN 20MG #90', 'BACLOFEN 20MG #120');
    let [f] = found(text, 'quantity-mismatch');
    assert.equal(f.covers, 'BACLOFEN 20MG #120');
    assert.match(f.message, /quantity 120 \(title: 90\)/);
    assert.equal(text.slice(f.finding.related![0].start, f.finding.related![0].end), 'Baclofen 20mg quantity 90');
    // The last occurrence is the rationale's; the first is in the case summary.
    const letter = readLetter('004');
    const at = letter.lastIndexOf('Percocet 10/325mg Qty: 60');
    text = letter.slice(0, at) + 'Percocet 5/325mg Qty: 60' + letter.slice(at + 'Percocet 10/325mg Qty: 60'.length);
    [f] = found(text, 'quantity-mismatch');
    assert.equal(f.covers, 'Percocet 5/325mg Qty: 60');
    assert.match(f.message, /strength 5\/325mg \(title: 10\/325mg\)/);
  });
});

describe('settings and suppression', () => {
  const flipped = () => edit(readLetter('004'), 'Percocet 10/325 mg, QTY: 60:  Overturned', 'Percocet 10/325 mg, QTY: 60:  Upheld');

  test('a rule level overrides the severity; off silences it', () => {
    assert.equal(analyze(flipped(), { rules: { 'outcome-conflict': 'warning' } }).findings.find((f) => f.code === 'outcome-conflict')?.severity, 'warning');
    assert.equal(analyze(flipped(), { rules: { 'outcome-conflict': 'off' } }).findings.filter((f) => f.code === 'outcome-conflict').length, 0);
  });

  test('imr-disable-next-line silences the next non-blank line; imr-disable-file the whole letter', () => {
    const text = flipped();
    const conflict = analyze(text).findings.find((f) => f.code === 'outcome-conflict')!;
    const lineStart = text.lastIndexOf('\n', conflict.start) + 1;
    const next = text.slice(0, lineStart) + '<!-- imr-disable-next-line outcome-conflict -->\n\n' + text.slice(lineStart);
    assert.equal(analyze(next).findings.filter((f) => f.code === 'outcome-conflict').length, 0);
    const other = text.slice(0, lineStart) + '<!-- imr-disable-next-line quantity-mismatch -->\n\n' + text.slice(lineStart);
    assert.equal(analyze(other).findings.filter((f) => f.code === 'outcome-conflict').length, 1);
    const file = '<!-- imr-disable-file outcome-conflict -->\n' + text;
    assert.equal(analyze(file).findings.filter((f) => f.code === 'outcome-conflict').length, 0);
    // The comment itself does not change what the parser reads.
    assert.equal(analyze(next).decision.items[0].rationale?.conclusion, 'medically-necessary');
  });
});

test('every check has a doc page and a unique code', async () => {
  const fs = await import('node:fs');
  const path = await import('node:path');
  const codes = CHECKS.map((c) => c.code);
  assert.equal(new Set(codes).size, codes.length);
  for (const code of codes) {
    assert.ok(fs.existsSync(path.join(__dirname, '..', '..', 'docs', 'rules', `${code}.md`)), `docs/rules/${code}.md is missing`);
  }
});
