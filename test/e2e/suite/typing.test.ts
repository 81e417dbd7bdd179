/**
 * Typing in a letter, a keystroke at a time, as a reviewer edits a rationale: the problems follow
 * the text (the server reads only the edited item again; a changed outcome reads the whole letter).
 */
import * as assert from 'assert';
import { describe, it } from 'mocha';
import * as vscode from 'vscode';
import { openLetter, positionOf, waitForActivation, waitForDiagnostics } from '../helpers';

const codeOf = (d: vscode.Diagnostic) => String(typeof d.code === 'object' ? d.code.value : d.code);

describe('typing in a letter', () => {
  it('a misspelled drug typed into a rationale is found, and gone once corrected; a changed outcome is weighed against the conclusion', async () => {
    const { uri, document, editor } = await openLetter('003');
    await waitForActivation();
    await waitForDiagnostics(uri, (d) => d.length === 0, { what: 'letter 003 checked, with no problem' });
    // Inside the first item's rationale, before "benzodiazepines", one character at a time.
    const at = positionOf(document, 'benzodiazepines are not recommended');
    const word = 'Baclofan ';
    for (let i = 0; i < word.length; i++) {
      await editor.edit((b) => b.insert(at.translate(0, i), word[i]));
    }
    const found = await waitForDiagnostics(uri, (d) => d.some((x) => codeOf(x) === 'drug-spelling'), { what: 'drug-spelling on the typed word' });
    const spelling = found.find((x) => codeOf(x) === 'drug-spelling')!;
    assert.strictEqual(document.getText(spelling.range), 'Baclofan');
    assert.deepStrictEqual(spelling.range.start, at);
    // Corrected: a single keystroke replaces the "a".
    await editor.edit((b) => b.replace(new vscode.Range(at.translate(0, 6), at.translate(0, 7)), 'e'));
    await waitForDiagnostics(uri, (d) => d.length === 0, { what: 'no problem once "Baclofen" is spelled right' });
    // The second item's outcome overturned while its rationale still says "not medically necessary".
    const outcome = positionOf(document, 'Upheld', 1);
    await editor.edit((b) => b.replace(new vscode.Range(outcome, outcome.translate(0, 'Upheld'.length)), 'Overturned'));
    const conflict = await waitForDiagnostics(uri, (d) => d.some((x) => codeOf(x) === 'outcome-conflict'), { what: 'outcome-conflict on the changed item' });
    assert.strictEqual(conflict.filter((x) => codeOf(x) === 'outcome-conflict').length, 1);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
