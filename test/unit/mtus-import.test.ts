/**
 * Import of guideline PDFs: PDFs generated here (test/fixtures/guidelinePdf.ts) imitate the DWC layout
 * (cover, table of contents, "Page N of 127" footers two pages behind the PDF index). The import must
 * map PDF pages to printed pages, keep each page's text, recognise the guideline, refuse what it
 * cannot use, and never damage the store.
 */
import { checkContext } from '../../server/src/checks/facts';
import { after, before, describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { extractGuideline } from '../../server/src/knowledge/mtusImport';
import { loadMtusIndex, type ImportedGuideline } from '../../server/src/knowledge/mtus';
import { importMtusPdf, loadMtusStore } from '../../server/src/node/mtusStore';
import { parse } from '../../server/src/parser/parse';
import { loadDrugLexicon } from '../../server/src/knowledge/drugs';
import citationPage from '../../server/src/checks/citation-page';
import unknownGuideline from '../../server/src/checks/unknown-guideline';
import { guidelinePdf, type HeadingPlacement } from '../fixtures/guidelinePdf';
import { corpusFiles, readLetter } from '../helpers';

const index = loadMtusIndex();
/** A heading for every 2009 CPMTG topic, on the first page the index gives it. */
const headings: HeadingPlacement[] = index.topics('cpmtg-2009').map((t) => ({ heading: t.name, page: t.pages[0][0] }));

let folder: string;
let fullPdf: string;
let stored: ImportedGuideline;

before(async () => {
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'imr-mtus-'));
  fullPdf = path.join(folder, 'source', 'MTUS_ChronicPain.pdf');
  fs.mkdirSync(path.dirname(fullPdf));
  fs.writeFileSync(fullPdf, await guidelinePdf({ headings }));
  const outcome = await importMtusPdf(fullPdf, path.join(folder, 'store'), extractGuideline);
  assert.ok(outcome.ok, outcome.ok ? '' : outcome.error);
  const contents = loadMtusStore(path.join(folder, 'store'));
  assert.deepEqual(contents.problems, []);
  stored = contents.guidelines[0];
});

after(() => {
  fs.rmSync(folder, { recursive: true, force: true });
});

/** Every file of the store with its bytes, to show that a failed import changed nothing. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of fs.readdirSync(dir).sort()) out[name] = fs.readFileSync(path.join(dir, name)).toString('base64');
  return out;
}

describe('importing a CPMTG-like PDF', () => {
  test('recognises the 2009 CPMTG and its printed page count', () => {
    assert.equal(stored.guidelineId, 'cpmtg-2009');
    assert.equal(stored.pageCount, 127);
    assert.equal(stored.source.fileName, 'MTUS_ChronicPain.pdf');
    assert.equal(stored.source.pdfPages, 129);
    assert.equal(stored.source.pdf, path.join(folder, 'store', 'cpmtg-2009.pdf'));
  });

  test('maps PDF pages to the printed numbers of the footers (cover and contents unnumbered)', () => {
    assert.deepEqual(stored.pages.slice(0, 4).map((p) => [p.pdfIndex, p.printed]), [[0, null], [1, null], [2, 1], [3, 2]]);
    for (const page of stored.pages.slice(2)) assert.equal(page.printed, page.pdfIndex - 1);
    assert.equal(stored.pages[128].printed, 127);
  });

  test('keeps each page text with its headings, without the running header and footer', () => {
    const p24 = stored.pages.find((p) => p.printed === 24);
    assert.equal(
      p24?.text,
      'Benzodiazepines\nFiller text written for tests about benzodiazepines, on printed page 24.\n' +
        'Biofeedback\nFiller text written for tests about biofeedback, on printed page 24.\n' +
        'Body text of printed page 24: a synthetic paragraph that stands in for guideline prose.',
    );
    assert.match(stored.pages[0].text, /Chronic Pain Medical Treatment Guidelines\nEffective July 18, 2009/);
    for (const page of stored.pages) assert.doesNotMatch(page.text, /Page \d+ of 127/);
  });

  test('reads the table of contents', () => {
    assert.deepEqual(stored.contents.slice(0, 3), [
      { title: 'Introduction', page: 1 },
      { title: 'Introduction: definition of chronic pain', page: 1 },
      { title: 'Introduction: medications and efficacy', page: 7 },
    ]);
  });

  test('hovers then show the page text from the heading, with a link to the PDF page', () => {
    const withText = index.withImported([stored]);
    const d = withText.describe({ guidelineId: 'cpmtg-2009', topicId: 'benzodiazepines', page: 24 });
    assert.match(d?.pageText ?? '', /^Benzodiazepines\nFiller text/);
    assert.deepEqual(d?.link, { file: path.join(folder, 'store', 'cpmtg-2009.pdf'), pdfPage: 26 });
    assert.equal(d?.confidence, 'imported');
  });

  test('with the import, the five letters still pass both checks; a wrong page is an error by the PDF', () => {
    const knowledge = { drugs: loadDrugLexicon(), mtus: index.withImported([stored]) };
    const run = (text: string) =>
      [citationPage, unknownGuideline].flatMap((check) =>
        [...check.run(checkContext(text, parse(text), knowledge))].map((f) => ({ code: check.code, severity: f.severity ?? check.defaultSeverity, text: text.slice(f.start, f.end), data: f.data })),
      );
    for (const file of corpusFiles()) assert.deepEqual(run(readLetter(file.slice(0, 3))), [], file);
    const wrong = readLetter('003').replace('Benzodiazepines Page(s): 24', 'Benzodiazepines Page(s): 90');
    const found = run(wrong);
    assert.equal(found.length, 1);
    assert.equal(found[0].code, 'citation-page');
    assert.equal(found[0].severity, 'error');
    assert.equal(found[0].text, '90');
    assert.equal((found[0].data as { basis: string }).basis, 'imported');
  });
});

describe('page numbers without footers', () => {
  test('page labels (i, ii, 1, 2 ...)', async () => {
    const r = await extractGuideline(await guidelinePdf({ total: 5, numbering: 'labels' }));
    assert.ok(r.ok);
    assert.deepEqual(r.guideline.pages.map((p) => [p.label, p.printed]), [['i', null], ['ii', null], ['1', 1], ['2', 2], ['3', 3], ['4', 4], ['5', 5]]);
    assert.equal(r.guideline.pageCount, null);
  });

  test('a bare number in the footer', async () => {
    const r = await extractGuideline(await guidelinePdf({ total: 5, numbering: 'bare' }));
    assert.ok(r.ok);
    assert.deepEqual(r.guideline.pages.map((p) => p.printed), [null, null, 1, 2, 3, 4, 5]);
    assert.ok(r.guideline.pages.every((p) => !/^\d+$/m.test(p.text)), 'page numbers are not page text');
  });

  test('no numbers at all: PDF order, with a warning', async () => {
    const r = await extractGuideline(await guidelinePdf({ total: 3, numbering: 'none' }));
    assert.ok(r.ok);
    assert.deepEqual(r.guideline.pages.map((p) => p.printed), [1, 2, 3, 4, 5]);
    assert.match(r.warnings.join(' '), /No printed page numbers/);
  });
});

describe('recognising and refusing', () => {
  test('the 2016 edition is told apart by its year', async () => {
    const r = await extractGuideline(await guidelinePdf({ total: 4, numbering: 'bare', edition: 'Effective July 28, 2016' }));
    assert.ok(r.ok);
    assert.equal(r.guideline.guidelineId, 'cpmtg-2016');
  });

  test('a PDF that is not a known guideline is refused with a clear message', async () => {
    const r = await extractGuideline(await guidelinePdf({ title: 'Quarterly Widget Sales Report', edition: 'Fiscal year 2009', total: 4, numbering: 'bare' }), { fileName: 'sales.pdf' });
    assert.equal(r.ok, false);
    assert.match(r.ok ? '' : r.error, /^sales\.pdf: this is not an MTUS guideline that can be imported \(Chronic Pain Medical Treatment Guidelines \(2009\);.*Its first page reads "State of California/);
  });

  test('a guideline whose edition cannot be told is refused', async () => {
    const r = await extractGuideline(await guidelinePdf({ edition: 'State edition', total: 4, numbering: 'bare' }), { fileName: 'cp.pdf' });
    assert.equal(r.ok, false);
    assert.match(r.ok ? '' : r.error, /looks like the Chronic Pain Medical Treatment Guidelines, but .* do not tell which edition/);
  });

  test('a PDF missing its last pages is refused', async () => {
    const r = await extractGuideline(await guidelinePdf({ bodyPages: 10 }), { fileName: 'part.pdf' });
    assert.equal(r.ok, false);
    assert.match(r.ok ? '' : r.error, /part\.pdf stops at printed page 10 of 127: the PDF is incomplete or damaged/);
  });

  test('damaged input gives an error, never an exception', async () => {
    const good = fs.readFileSync(fullPdf);
    const random = new Uint8Array(4096).map((_, i) => (i * 7919 + 13) % 256);
    const withHeader = new Uint8Array([...Buffer.from('%PDF-1.7\n'), ...random]);
    for (const [name, bytes] of [
      ['truncated', new Uint8Array(good.subarray(0, Math.floor(good.length / 2)))],
      ['random', random],
      ['random after a PDF header', withHeader],
      ['empty', new Uint8Array(0)],
    ] as const) {
      const r = await extractGuideline(bytes, { fileName: `${name}.pdf` });
      assert.equal(r.ok, false, name);
      assert.match(r.ok ? '' : r.error, new RegExp(`^${name}\\.pdf (is empty|is not a PDF|could not be read as a PDF|stops at)`), name);
    }
  });
});

describe('the store', () => {
  test('a failed import leaves the stored data intact', async () => {
    const store = path.join(folder, 'store');
    const before = snapshot(store);
    const truncated = path.join(folder, 'truncated.pdf');
    fs.writeFileSync(truncated, fs.readFileSync(fullPdf).subarray(0, 20000));
    const unknown = path.join(folder, 'sales.pdf');
    fs.writeFileSync(unknown, await guidelinePdf({ title: 'Quarterly Widget Sales Report', total: 3, numbering: 'bare' }));
    for (const file of [truncated, unknown, path.join(folder, 'missing.pdf')]) {
      const outcome = await importMtusPdf(file, store, extractGuideline);
      assert.equal(outcome.ok, false, file);
      assert.deepEqual(snapshot(store), before, file);
    }
  });

  test('re-import replaces the guideline', async () => {
    const store = path.join(folder, 'replace');
    const first = path.join(folder, 'first.pdf');
    const second = path.join(folder, 'second.pdf');
    fs.writeFileSync(first, await guidelinePdf({ total: 4, numbering: 'bare', headings: [{ heading: 'Yoga', page: 2 }] }));
    fs.writeFileSync(second, await guidelinePdf({ total: 5, numbering: 'bare', headings: [{ heading: 'Yoga', page: 3 }] }));
    assert.ok((await importMtusPdf(first, store, extractGuideline)).ok);
    const outcome = await importMtusPdf(second, store, extractGuideline);
    assert.deepEqual(outcome.ok && [outcome.guidelineId, outcome.firstPrinted, outcome.lastPrinted], ['cpmtg-2009', 1, 5]);
    const { guidelines } = loadMtusStore(store);
    assert.equal(guidelines.length, 1);
    assert.equal(guidelines[0].source.fileName, 'second.pdf');
    assert.match(guidelines[0].pages.find((p) => p.printed === 3)?.text ?? '', /^Yoga\n/);
    assert.deepEqual(fs.readdirSync(store).sort(), ['cpmtg-2009.json', 'cpmtg-2009.pdf']);
  });

  test('a corrupt store file gives one clear message and the rest still loads', () => {
    const store = path.join(folder, 'store');
    fs.writeFileSync(path.join(store, 'acupuncture-2007.json'), '{"storeVersion": 1, "guideline": ');
    const contents = loadMtusStore(store);
    assert.equal(contents.problems.length, 1);
    assert.match(contents.problems[0], /acupuncture-2007\.json is not valid JSON .*; it is ignored\. Import the guideline PDF again/);
    assert.deepEqual(contents.guidelines.map((g) => g.guidelineId), ['cpmtg-2009']);
    fs.rmSync(path.join(store, 'acupuncture-2007.json'));
  });

  test('a missing store folder is an empty store', () => {
    assert.deepEqual(loadMtusStore(path.join(folder, 'nowhere')), { guidelines: [], problems: [] });
  });
});
