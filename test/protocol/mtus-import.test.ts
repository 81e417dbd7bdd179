/**
 * Importing an MTUS guideline PDF through the real server (its bundled pdf.js importer), then
 * hovering a citation: the hover quotes the imported page and links to it.
 */
import { after, before, test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Hover, MarkupContent } from 'vscode-languageserver-protocol';
import { loadMtusIndex } from '../../server/src/knowledge/mtus';
import { guidelinePdf } from '../fixtures/guidelinePdf';
import { readLetter } from '../helpers';
import { positionOf, startClient, type LspTestClient } from './client';

let client: LspTestClient;
let folder: string;

before(async () => {
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'imr-mtus-lsp-'));
  const headings = loadMtusIndex()
    .topics('cpmtg-2009')
    .map((t) => ({ heading: t.name, page: t.pages[0][0] }));
  fs.writeFileSync(path.join(folder, 'guideline.pdf'), await guidelinePdf({ headings }));
  fs.writeFileSync(path.join(folder, 'not-a-guideline.pdf'), Buffer.from('%PDF-1.4\nnot really a pdf\n'));
  client = await startClient({ timeoutMs: 60_000 });
  await client.initialize({ initializationOptions: { mtusStorage: path.join(folder, 'store') } });
});

after(async () => {
  await client.shutdown();
  fs.rmSync(folder, { recursive: true, force: true });
});

test('a damaged PDF is refused with a message; the server keeps serving', async () => {
  const outcome = await client.request<{ ok: boolean; error?: string }>('imr/importMtusPdf', { file: path.join(folder, 'not-a-guideline.pdf') });
  assert.equal(outcome.ok, false);
  assert.ok(outcome.error && outcome.error.length > 10, outcome.error);
  assert.equal(fs.existsSync(path.join(folder, 'store', 'cpmtg-2009.json')), false);
});

test('an imported guideline is quoted in the hover of a citation, with a link to the page', async () => {
  const outcome = await client.request<{ ok: boolean; name?: string; firstPrinted?: number; lastPrinted?: number }>('imr/importMtusPdf', {
    file: path.join(folder, 'guideline.pdf'),
  });
  assert.equal(outcome.ok, true);
  assert.deepEqual([outcome.firstPrinted, outcome.lastPrinted], [1, 127]);
  assert.ok(fs.existsSync(path.join(folder, 'store', 'cpmtg-2009.json')));
  const text = readLetter('000');
  const uri = client.open('file:///letters/000.imr', text);
  await client.waitForDiagnostics(uri, { version: 1 });
  const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: positionOf(text, 'Page(s): 65', 9) });
  const md = (hover.contents as MarkupContent).value;
  assert.match(md, /Baclofen/);
  assert.match(md, /\[Open page 65\]\(file:\/\/.*cpmtg-2009\.pdf#page=\d+\)/);
});
