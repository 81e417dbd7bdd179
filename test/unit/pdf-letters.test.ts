/**
 * Issue #12: a posted letter PDF gives the same model as its text. For each of the 104 PDFs in
 * ../shared/corpus/dwc-2017, the text extracted here with pdf.js (server/src/pdf/letterPdf.ts) is
 * parsed and compared with the model of the .txt beside it (pypdf's text): case number, the five
 * dates, the reviewer, and each item's title, outcome, treatment, citations and conclusion. The
 * same comparison runs on poppler's `pdftotext` and `pdftotext -layout` output when pdftotext is
 * installed (issue #11: the product reads the text however it was got).
 */
import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { extractLetterPdf } from '../../server/src/pdf/letterPdf';
import { pageAt } from '../../server/src/pdf/pages';
import { corpusDir } from '../helpers';
import { factDifferences, letterFacts } from '../pdfFacts';

const dwcDir = path.join(corpusDir, 'dwc-2017');
const pdfs = fs.existsSync(dwcDir) ? fs.readdirSync(dwcDir).filter((f) => f.endsWith('.pdf')).sort() : [];
const skipCorpus = pdfs.length === 0 ? `no letter PDFs in ${dwcDir}` : false;
const hasPdftotext = spawnSync('pdftotext', ['-v'], { encoding: 'utf8' }).error === undefined;
const skipPoppler = skipCorpus || (hasPdftotext ? false : 'pdftotext (Debian package poppler-utils) is not installed');

/**
 * The facts that poppler's text gives otherwise than pypdf's, per extractor and letter (case
 * number; `*` would apply to every letter), each with the reason the text itself differs. Every
 * fact not listed must be equal, and a listed fact that no longer differs fails too (the list
 * cannot go stale). pdf.js (ours) has none. The parser reads poppler's forms (a form feed at the
 * start of a page's first line, no blank lines between fields, the header table read column by
 * column, a label broken around its value) as it reads pypdf's.
 */
const EXPECTED_DIFFERENCES: Record<'pdftotext' | 'pdftotext -layout', Record<string, string[]>> = {
  'pdftotext': {
    // A web address wrapped at a real hyphen ("skilled-" / "nursing-care"): pdftotext takes the hyphen
    // for a soft one and joins the words ("skillednursing"); the source cannot be told from the text.
    'CM16-0229336': ['item 1 citations'],
  },
  'pdftotext -layout': {},
};

/** The pypdf text of a letter PDF (the .txt beside it). */
function pypdfText(pdf: string): string {
  return fs.readFileSync(path.join(dwcDir, pdf.replace(/\.pdf$/, '.txt')), 'utf8');
}

/** The non-space characters of a text, sorted: what an extraction must keep, whatever its order. */
function characters(text: string): string {
  return [...text.replace(/\s/g, '')].sort().join('');
}

describe('letter PDFs: the model is the same however the text was got', () => {
  test('pdf.js extraction: every fact of the 104 letters as from their text, every character kept, pages separated', { skip: skipCorpus }, async () => {
    const problems: string[] = [];
    for (const pdf of pdfs) {
      const result = await extractLetterPdf(new Uint8Array(fs.readFileSync(path.join(dwcDir, pdf))));
      if (!result.ok) {
        problems.push(`${pdf}: ${result.reason}`);
        continue;
      }
      const txt = pypdfText(pdf);
      for (const d of factDifferences(letterFacts(txt), letterFacts(result.text))) problems.push(`${pdf}: ${d.fact}: ${d.a} (text) vs ${d.b} (PDF)`);
      if (characters(result.text) !== characters(txt)) problems.push(`${pdf}: the characters differ from pypdf's`);
      const feeds = result.text.split('\n\f\n').length - 1;
      if (feeds !== result.pageStarts.length - 1) problems.push(`${pdf}: ${result.pageStarts.length} pages but ${feeds} form-feed lines`);
    }
    assert.deepEqual(problems, []);
  });

  test('pages: an offset names its PDF page; the first item of CM16-0213037 is on page 2', { skip: skipCorpus }, async () => {
    const pdf = 'CM16-0213037.pdf';
    const result = await extractLetterPdf(new Uint8Array(fs.readFileSync(path.join(dwcDir, pdf))));
    assert.ok(result.ok);
    assert.equal(result.pageStarts.length, 2);
    assert.equal(pageAt(result.pageStarts, 0), 1);
    assert.equal(pageAt(result.pageStarts, result.text.indexOf('MRI of the right shoulder without contrast: Upheld')), 2);
    assert.equal(pageAt(result.pageStarts, result.text.indexOf('CLINICAL CASE SUMMARY')), 1);
    // The header table row by row, values beside their labels.
    assert.match(result.text, /^Case Number: CM16-0213037\nDate Assigned: 11\/09\/2016 Date of Injury: 10\/13\/2016\n/);
  });

  for (const mode of ['pdftotext', 'pdftotext -layout'] as const) {
    test(`${mode}: every fact of the 104 letters as from their text, but the expected differences`, { skip: skipPoppler }, (t) => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'imr-poppler-'));
      const unexpected: string[] = [];
      const stale: string[] = [];
      try {
        for (const pdf of pdfs) {
          const out = path.join(dir, pdf.replace(/\.pdf$/, '.txt'));
          const args = mode === 'pdftotext' ? [path.join(dwcDir, pdf), out] : ['-layout', path.join(dwcDir, pdf), out];
          const run = spawnSync('pdftotext', args, { encoding: 'utf8' });
          assert.equal(run.status, 0, `pdftotext ${args.join(' ')}: ${run.stderr}`);
          const caseNumber = pdf.replace(/\.pdf$/, '');
          const allowed = new Set([...(EXPECTED_DIFFERENCES[mode]['*'] ?? []), ...(EXPECTED_DIFFERENCES[mode][caseNumber] ?? [])]);
          const differences = factDifferences(letterFacts(pypdfText(pdf)), letterFacts(fs.readFileSync(out, 'utf8')));
          for (const d of differences) if (!allowed.has(d.fact)) unexpected.push(`${caseNumber}: ${d.fact}: ${d.a} (pypdf) vs ${d.b} (${mode})`);
          const listed = EXPECTED_DIFFERENCES[mode][caseNumber] ?? [];
          const gone = listed.filter((fact) => !differences.some((d) => d.fact === fact));
          if (gone.length > 0) stale.push(`${caseNumber}: ${gone.join(', ')}`);
        }
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
      // The parser now reads these alike: their entries can go from EXPECTED_DIFFERENCES.
      assert.deepEqual(unexpected, []);
      assert.deepEqual(stale, [], 'no longer different: remove from EXPECTED_DIFFERENCES');
    });
  }
});
