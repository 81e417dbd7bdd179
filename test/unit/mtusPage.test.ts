/** The stored text of an imported guideline's page, found by its PDF and page index ("Open page"). */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { mtusPageText } from '../../server/src/features/mtusPage';
import { defaultKnowledge } from '../../server/src/knowledge';
import type { ImportedGuideline } from '../../server/src/knowledge/mtusData';

const guideline: ImportedGuideline = {
  guidelineId: 'cpmtg-2009',
  pageCount: 127,
  pages: [{ printed: 65, pdfIndex: 70, text: 'Baclofen\nA page of our own words.' }, { printed: null, pdfIndex: 0, text: 'Cover' }],
  contents: [],
  source: { fileName: 'cp.pdf', importedAt: '2026-01-01T00:00:00.000Z', pdfPages: 130, pdf: '/store/cpmtg-2009.pdf' },
};

test('the page of the stored PDF at a page index, titled by its printed number; other PDFs and pages give null', () => {
  const mtus = defaultKnowledge().mtus.withImported([guideline]);
  const page = mtusPageText(mtus, '/store/cpmtg-2009.pdf', 71);
  assert.ok(page);
  assert.match(page.title, /, page 65$/);
  assert.equal(page.text, 'Baclofen\nA page of our own words.');
  assert.match(mtusPageText(mtus, '/store/cpmtg-2009.pdf', 1)?.title ?? '', /, PDF page 1$/);
  assert.equal(mtusPageText(mtus, '/store/cpmtg-2009.pdf', 72), null);
  assert.equal(mtusPageText(mtus, '/elsewhere.pdf', 71), null);
  assert.equal(mtusPageText(defaultKnowledge().mtus, '/store/cpmtg-2009.pdf', 71), null);
});
