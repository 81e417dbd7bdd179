/**
 * "IMR: Open Letter PDF" (issue #12): a posted letter PDF from ../shared/corpus/dwc-2017 opens as a
 * letter, read-only, titled by its case number, with diagnostics, outline and hovers.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { describe, it } from 'mocha';
import * as vscode from 'vscode';
import { activateExtension, corpusDir, describeDiagnostic, hoverText, hoversAt, positionOf, screenshot, symbolsOf, waitFor, waitForDiagnostics, workspaceDir } from '../helpers';

const CASE = 'CM16-0221706';

describe('open letter PDF', () => {
  it('opens a posted PDF read-only as a letter with every feature, titled by its case number', async function () {
    const source = path.join(corpusDir(), 'dwc-2017', `${CASE}.pdf`);
    if (!fs.existsSync(source)) {
      this.skip(); // no letter PDFs at ../shared/corpus/dwc-2017
    }
    await activateExtension();
    // A copy in the workspace: the PDF as a user would have it, by another name than its case.
    const pdf = path.join(workspaceDir(), 'posted-letter.pdf');
    fs.copyFileSync(source, pdf);
    await vscode.commands.executeCommand('imr.openLetterPdf', vscode.Uri.file(pdf));
    const editor = await waitFor(() => {
      const active = vscode.window.activeTextEditor;
      return active?.document.uri.scheme === 'imr-pdf' ? active : undefined;
    }, { what: 'the letter PDF open in an editor' });
    const { document } = editor;
    assert.strictEqual(path.posix.basename(document.uri.path), `${CASE}.imr`);
    assert.strictEqual(document.languageId, 'imr');
    assert.match(document.getText(), new RegExp(`^Case Number: ${CASE}\\n`));
    assert.notStrictEqual(vscode.workspace.fs.isWritableFileSystem('imr-pdf'), true);

    const codeOf = (d: vscode.Diagnostic) => String(typeof d.code === 'object' ? d.code.value : d.code);
    const diagnostics = await waitForDiagnostics(document.uri, (all) => all.some((d) => codeOf(d) === 'outcome-conflict'));
    const conflict = diagnostics.find((d) => codeOf(d) === 'outcome-conflict');
    // Line 58 of the extracted text, as imr-check reports it for the PDF (58:37, page 2).
    assert.strictEqual(conflict?.range.start.line, 57, diagnostics.map(describeDiagnostic).join('\n'));
    assert.strictEqual(conflict?.severity, vscode.DiagnosticSeverity.Error);
    const symbols = await symbolsOf(document.uri);
    assert.ok(JSON.stringify(symbols.map((s) => [s.name, s.children.map((c) => c.name)])).includes('Viagra'), 'the outline lists the Viagra item');
    const title = positionOf(document, 'Three months coverage of Viagra 50mg');
    const hovers = await hoversAt(document.uri, title.translate(0, 'Three months coverage of '.length + 1));
    assert.match(hoverText(hovers), /sildenafil/i);
    await screenshot('pdf-letter');
  });
});
