/**
 * The CLI on letter PDFs and folders (issue #12): the built bundle, the 104 posted letters of
 * ../shared/corpus/dwc-2017, bad PDFs made here, CSV and NDJSON export, option parsing.
 */
import { before, describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { CSV_COLUMNS } from '../../server/src/csv';
import { extractLetterPdf } from '../../server/src/pdf/letterPdf';
import { pageAt } from '../../server/src/pdf/pages';
import { corpusDir, repoRoot } from '../helpers';

const cli = path.join(repoRoot, 'server', 'out', 'cli.js');
const dwcDir = path.join(corpusDir, 'dwc-2017');
const skip = fs.existsSync(path.join(dwcDir, 'CM17-0007300.pdf')) ? false : `no letter PDFs in ${dwcDir}`;
const letter = path.join(dwcDir, 'CM17-0007300.pdf');

function run(args: string[]) {
  const r = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', cwd: repoRoot, timeout: 120_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** Splits RFC 4180 text into rows of fields (quoted fields may hold commas, quotes, line breaks). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') field += text[++i];
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += ch;
  }
  return rows;
}

before(() => {
  assert.ok(fs.existsSync(cli), 'server/out/cli.js is missing: run npm run build first');
});

describe('imr-check on letter PDFs', { skip }, () => {
  test('text: findings point into the extracted text and name their PDF page', async () => {
    // CM17-0007300's one finding (a true defect): its title drops a digit of Trezix's strength.
    const r = run([letter]);
    assert.equal(r.code, 0);
    const line = r.out.split('\n').find((l) => l.includes(' warning quantity-mismatch '));
    assert.ok(line, r.out);
    const m = /^(.+\.pdf):(\d+):(\d+) \(page (\d+)\) warning quantity-mismatch /.exec(line!);
    assert.ok(m, line);
    const extracted = await extractLetterPdf(new Uint8Array(fs.readFileSync(letter)));
    assert.ok(extracted.ok);
    const lines = extracted.text.split('\n');
    const offset = lines.slice(0, Number(m![2]) - 1).reduce((n, l) => n + l.length + 1, 0) + Number(m![3]) - 1;
    // The finding stands on the rationale's restatement, on the page pdf.js says.
    assert.match(extracted.text.slice(offset, offset + 200), /^One month supply of Trezix capsule 320\.5\/30\/16mg/);
    assert.equal(Number(m![4]), pageAt(extracted.pageStarts, offset));
    assert.equal(Number(m![4]), 3);
  });

  test('json and sarif carry each finding\'s page', () => {
    const json = JSON.parse(run(['--format', 'json', letter]).out) as Array<{ decision: { caseNumber: string }; diagnostics: Array<{ code: string; page: number }> }>;
    assert.equal(json[0].decision.caseNumber, 'CM17-0007300');
    assert.deepEqual(json[0].diagnostics.find((d) => d.code === 'quantity-mismatch')?.page, 3);
    const sarif = JSON.parse(run(['--format', 'sarif', letter]).out);
    const result = sarif.runs[0].results.find((x: { ruleId: string }) => x.ruleId === 'quantity-mismatch');
    assert.deepEqual(result.properties, { page: 3 });
  });

  test('a folder: every letter under it in a stable order; --ignore; csv rows are the same from the PDFs as from the text', () => {
    const fromPdf = run(['--format', 'csv', '--ignore', '*.txt', '--jobs', '2', dwcDir]);
    const fromTxt = run(['--format', 'csv', '--ignore', '*.pdf', '--ignore', 'README.md', dwcDir]);
    assert.equal(fromPdf.code, fromTxt.code);
    const pdfRows = parseCsv(fromPdf.out);
    const txtRows = parseCsv(fromTxt.out);
    assert.deepEqual(pdfRows[0], [...CSV_COLUMNS]);
    // 104 letters, 239 disputed items (../shared/corpus/dwc-2017/README.md).
    assert.equal(pdfRows.length, 1 + 239);
    assert.ok(pdfRows.every((r) => r.length === CSV_COLUMNS.length));
    const files = pdfRows.slice(1).map((r) => path.basename(r[0]));
    assert.deepEqual(files, [...files].sort());
    assert.equal(new Set(files).size, 104);
    const findings = CSV_COLUMNS.indexOf('findings');
    const comparable = (rows: string[][]) => rows.slice(1).map((r) => [r[0].replace(/\.(pdf|txt)$/, ''), ...r.slice(1, findings)]);
    assert.deepEqual(comparable(pdfRows), comparable(txtRows));
  });

  test('ndjson: one decision a line, in order', () => {
    const r = run(['--format', 'ndjson', '--ignore', '*.txt', '--ignore', 'CM17-*', '--ignore', '/README.md', dwcDir]);
    const lines = r.out.split('\n').filter((l) => l !== '');
    const entries = lines.map((l) => JSON.parse(l) as { file: string; decision: { caseNumber: string } });
    assert.ok(entries.length > 10);
    for (const e of entries) assert.equal(e.decision.caseNumber, path.basename(e.file, '.pdf'));
    assert.ok(entries.every((e) => e.decision.caseNumber.startsWith('CM16-')));
  });
});

describe('imr-check on bad PDFs', { skip }, () => {
  test('damaged, locked, scanned, huge, empty and not-a-letter PDFs: one message each, exit 2, the others checked, nothing written', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'imr-badpdf-'));
    const real = fs.readFileSync(letter);
    fs.writeFileSync(path.join(dir, 'damaged.pdf'), real.subarray(0, 5000));
    const locked = Buffer.from(real);
    locked[locked.indexOf(Buffer.from('/U(')) + 3] ^= 1; // the user password is no longer the empty one
    fs.writeFileSync(path.join(dir, 'locked.pdf'), locked);
    const scan = await PDFDocument.create();
    scan.addPage().drawRectangle({ x: 40, y: 40, width: 300, height: 500 });
    fs.writeFileSync(path.join(dir, 'scan.pdf'), await scan.save());
    const other = await PDFDocument.create();
    const font = await other.embedFont(StandardFonts.Helvetica);
    other.addPage().drawText('Minutes of the garden club: roses, tulips and the spring fair.', { x: 50, y: 700, size: 12, font });
    fs.writeFileSync(path.join(dir, 'other.pdf'), await other.save());
    fs.writeFileSync(path.join(dir, 'empty.pdf'), '');
    fs.writeFileSync(path.join(dir, 'huge.pdf'), '%PDF-1.7\n');
    fs.truncateSync(path.join(dir, 'huge.pdf'), 100 * 1024 * 1024);
    fs.copyFileSync(letter, path.join(dir, 'good.pdf'));
    const before = fs.readdirSync(dir).sort();
    try {
      const r = run([dir]);
      assert.equal(r.code, 2);
      const messages = r.err.split('\n').filter((l) => l !== '');
      const said = (name: string) => messages.filter((l) => l.startsWith(`imr-check: cannot read ${path.join(dir, name)}: `));
      assert.match(said('damaged.pdf').join(), /damaged or not a readable PDF/);
      assert.match(said('locked.pdf').join(), /protected by a password/);
      assert.match(said('scan.pdf').join(), /no text layer .*OCR/);
      assert.match(said('other.pdf').join(), /not an IMR determination letter/);
      assert.match(said('empty.pdf').join(), /empty/);
      assert.match(said('huge.pdf').join(), /100 MB, more than the 50 MB/);
      assert.equal(messages.length, 6, r.err);
      assert.match(r.out, /good\.pdf:\d+:\d+ \(page 3\) warning quantity-mismatch/);
      assert.deepEqual(fs.readdirSync(dir).sort(), before);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('imr-check options (node:util parseArgs)', () => {
  test('--opt=value forms, repeated options, and the old messages for bad usage', () => {
    const bogus = run(['--bogus', letter]);
    assert.equal(bogus.code, 2);
    assert.match(bogus.err, /^imr-check: unknown option: --bogus\n/);
    assert.match(run(['--drug']).err, /^imr-check: --drug needs a name\n/);
    assert.match(run(['--format', 'yaml', letter]).err, /^imr-check: unknown format: yaml\n/);
    assert.match(run(['--jobs', '0', letter]).err, /^imr-check: --jobs needs a whole number of at least 1, not 0\n/);
    assert.match(run(['--rule', 'nope=error', letter]).err, /^imr-check: unknown rule: nope\n/);
    assert.match(run(['--help']).out, /--format csv/);
  });
});
