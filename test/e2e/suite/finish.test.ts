/**
 * The finish of the smaller things: the JSON export opens as a read-only document with nothing to
 * save, status bar messages are short, and "Disable … for this line" inside a hard-wrapped paragraph
 * of letter 004 does not split it with a line of its own.
 */
import * as assert from 'assert';
import { describe, it } from 'mocha';
import * as vscode from 'vscode';
import { codeActionsAt, describeDiagnostic, extensionApi, openLetter, symbolsOf, waitFor, waitForDiagnostics } from '../helpers';

const codeOf = (d: vscode.Diagnostic) => String(typeof d.code === 'object' ? d.code.value : d.code);


describe('the smaller things', () => {
  it('Export Decision as JSON opens a read-only document with nothing to save', async () => {
    const { uri } = await openLetter('003');
    await waitFor(async () => (await symbolsOf(uri)).length > 0, { what: 'the outline of 003' });
    await vscode.commands.executeCommand('imr.exportJson');
    const exported = await waitFor(() => {
      const doc = vscode.window.activeTextEditor?.document;
      return doc && doc.uri.toString() !== uri.toString() ? doc : undefined;
    }, { what: 'the exported JSON' });
    assert.strictEqual(exported.isUntitled, false, `an untitled editor that asks to be saved: ${exported.uri.toString()}`);
    assert.notStrictEqual(exported.uri.scheme, 'file');
    assert.strictEqual(exported.isDirty, false);
    assert.strictEqual(exported.languageId, 'json');
    assert.deepStrictEqual(JSON.parse(exported.getText()).decision.caseNumber, 'CM15-0033230');
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  it('Normalize PDF Text says so in a short status bar message', async () => {
    const { uri, document } = await openLetter('004');
    await waitFor(async () => (await symbolsOf(uri)).length > 0, { what: 'the outline of 004' });
    await vscode.commands.executeCommand('imr.normalizePdfText');
    await waitFor(() => /^### CLINICAL CASE SUMMARY$/m.test(document.getText()), { what: 'the normalized letter' });
    const message = await waitFor(() => extensionApi().lastStatusMessage?.(), { what: 'a status bar message' });
    assert.ok(message.length <= 40, `"${message}" pushes the rest of the status bar away`);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('"Disable for this line" inside a hard-wrapped paragraph keeps the paragraph whole', async () => {
    const { uri, document } = await openLetter('004');
    const all = await waitForDiagnostics(uri, (d) => d.filter((x) => codeOf(x) === 'drug-spelling').length === 4, { what: 'the hints of 004' });
    // "medication was first noted in the 06/25/2014 report. Baclofan is not recommended ..." (line 155).
    const hint = all.find((d) => codeOf(d) === 'drug-spelling' && d.range.start.line === 154);
    assert.ok(hint, all.map(describeDiagnostic).join('\n'));
    const actions = await codeActionsAt(uri, hint.range, vscode.CodeActionKind.QuickFix.value);
    const disable = actions.find((a) => a.title === 'Disable drug-spelling for this line');
    assert.ok(disable?.edit, actions.map((a) => a.title).join(', '));
    const lines = document.lineCount;
    assert.ok(await vscode.workspace.applyEdit(disable.edit));
    assert.strictEqual(document.lineCount, lines, 'the comment was put on a line of its own');
    await waitForDiagnostics(uri, (d) => !d.some((x) => codeOf(x) === 'drug-spelling' && x.range.start.line === 154), { what: 'the hint to be silenced' });
    assert.match(document.lineAt(154).text, /^medication was first noted/);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
