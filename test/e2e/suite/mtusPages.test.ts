/**
 * "Open page 65" in a hover, once a guideline is imported: the page opens as a read-only text
 * document of that page (no PDF viewer is installed here), never as a binary PDF in the text editor.
 * The store is written by the test in the import's format, with a page text of our own.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import { describe, it } from 'mocha';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { hoversAt, hoverText, openLetter, positionOf, waitFor, withSetting } from '../helpers';

const PAGE_TEXT = 'Baclofen (Lioresal)\nA page written for this test: a muscle relaxant, here only to be opened.';

/** A store folder holding guideline cpmtg-2009 with printed page 65 at PDF page 71, and a PDF copy. */
function writeStore(): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'imr-e2e-mtus-'));
  const guideline = {
    guidelineId: 'cpmtg-2009',
    pageCount: 127,
    pages: [{ printed: 65, pdfIndex: 70, text: PAGE_TEXT }],
    contents: [],
    source: { fileName: 'chronic-pain.pdf', importedAt: '2026-01-01T00:00:00.000Z', pdfPages: 130 },
  };
  fs.writeFileSync(path.join(folder, 'cpmtg-2009.json'), JSON.stringify({ storeVersion: 1, guideline }));
  fs.writeFileSync(path.join(folder, 'cpmtg-2009.pdf'), Buffer.from([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x34, 0x0a, 0x00, 0xff, 0x00, 0xfe]));
  return folder;
}

describe('stored MTUS pages', () => {
  it('"Open page 65" opens the stored page as a read-only text document', async () => {
    const folder = writeStore();
    const { uri, document } = await openLetter('000');
    await withSetting('imr.mtus.folder', folder, async () => {
      const at = positionOf(document, 'Page(s): 65').translate(0, 9);
      const markdown = await waitFor(async () => {
        const text = hoverText(await hoversAt(uri, at));
        return /Open page 65/.test(text) ? text : undefined;
      }, { what: 'the "Open page 65" link in the hover' });
      const link = /\[Open page 65\]\(([^)\s]+)\)/.exec(markdown)?.[1] ?? '';
      assert.ok(!/^file:.*\.pdf/i.test(link), `the link opens the PDF in the text editor: ${link}`);
      const command = /^command:([\w.]+)\?(.*)$/.exec(link);
      assert.ok(command, `the link is not a command: ${link}`);
      const args = JSON.parse(decodeURIComponent(command[2])) as unknown[];
      await vscode.commands.executeCommand(command[1], ...args);
      const opened = await waitFor(() => {
        const doc = vscode.window.activeTextEditor?.document;
        return doc && doc.uri.toString() !== uri.toString() ? doc : undefined;
      }, { what: 'the page to open' });
      assert.notStrictEqual(opened.uri.scheme, 'file', `the PDF file itself was opened: ${opened.uri.toString()}`);
      assert.match(opened.getText(), /A page written for this test/);
      assert.match(opened.getText(), /page 65/);
      assert.strictEqual(vscode.workspace.fs.isWritableFileSystem(opened.uri.scheme), undefined, 'a page is no file to save');
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    });
    fs.rmSync(folder, { recursive: true, force: true });
  });
});
