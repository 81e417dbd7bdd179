/**
 * Opening a letter PDF in the editor, the server's part (`imr/openLetterPdf`): the built server
 * extracts a posted PDF with its bundled pdf.js, names the case, and a document holding that text
 * (as the client shows it, scheme `imr-pdf`) is checked like any letter. A bad PDF gets one message.
 */
import { after, before, describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ImrRequests, type OpenLetterPdfResult } from '../../server/src/features/requests';
import { corpusDir } from '../helpers';
import { startClient, type LspTestClient } from './client';

const pdf = path.join(corpusDir, 'dwc-2017', 'CM17-0007300.pdf');
const skip = fs.existsSync(pdf) ? false : `no letter PDF at ${pdf}`;

describe('imr/openLetterPdf', { skip }, () => {
  let client: LspTestClient;
  let folder: string;

  before(async () => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'imr-pdf-lsp-'));
    fs.writeFileSync(path.join(folder, 'damaged.pdf'), fs.readFileSync(pdf).subarray(0, 4000));
    client = await startClient({ timeoutMs: 60_000 });
    await client.initialize();
  });

  after(async () => {
    await client.shutdown();
    fs.rmSync(folder, { recursive: true, force: true });
  });

  test('a posted PDF gives its text and case number; that text is checked as a letter', async () => {
    const result = await client.request<OpenLetterPdfResult>(ImrRequests.openLetterPdf, { file: pdf });
    assert.ok(result.ok, JSON.stringify(result));
    assert.equal(result.caseNumber, 'CM17-0007300');
    assert.equal(result.pages, 3);
    const uri = client.open(`imr-pdf:/CM17-0007300.imr?${encodeURIComponent(`file://${pdf}`)}`, result.text);
    const { diagnostics } = await client.waitForDiagnostics(uri, { version: 1 });
    assert.ok(diagnostics.some((d) => d.code === 'quantity-mismatch'), JSON.stringify(diagnostics));
  });

  test('a damaged PDF gets one message naming the file and the reason', async () => {
    const result = await client.request<OpenLetterPdfResult>(ImrRequests.openLetterPdf, { file: path.join(folder, 'damaged.pdf') });
    assert.equal(result.ok, false);
    assert.match(!result.ok ? result.error : '', /^damaged\.pdf cannot be opened as a letter: it is damaged or not a readable PDF/);
  });
});
