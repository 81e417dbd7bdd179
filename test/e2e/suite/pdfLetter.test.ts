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

const CASE = 'CM17-0007300';

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
    // The letter's one finding, a true defect: the title drops a digit of Trezix's strength.
    const diagnostics = await waitForDiagnostics(document.uri, (all) => all.some((d) => codeOf(d) === 'quantity-mismatch'));
    const mismatch = diagnostics.find((d) => codeOf(d) === 'quantity-mismatch');
    // Line 121 of the extracted text, as imr-check reports it for the PDF (121:26, page 3).
    assert.strictEqual(mismatch?.range.start.line, 120, diagnostics.map(describeDiagnostic).join('\n'));
    assert.strictEqual(mismatch?.severity, vscode.DiagnosticSeverity.Warning);
    const symbols = await symbolsOf(document.uri);
    assert.ok(JSON.stringify(symbols.map((s) => [s.name, s.children.map((c) => c.name)])).includes('Trezix'), 'the outline lists the Trezix item');
    const title = positionOf(document, 'One month supply of Trezix capsule');
    const hovers = await hoversAt(document.uri, title.translate(0, 'One month supply of '.length + 1));
    assert.match(hoverText(hovers), /dihydrocodeine/i);
    await screenshot('pdf-letter');
  });
});
