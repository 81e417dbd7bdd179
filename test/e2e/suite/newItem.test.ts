/**
 * A letter being written: a title line typed after an item's rationale in letter 003 is an item at
 * once, for the completion of its outcome, in the outline and in the status bar count.
 */
import * as assert from 'assert';
import { describe, it } from 'mocha';
import * as vscode from 'vscode';
import { completionsAt, extensionApi, openLetter, positionOf, symbolsOf, waitFor, waitForActivation, type OpenLetter } from '../helpers';

const TITLE = '**Gabapentin 600mg #90:** ';

function allSymbols(symbols: vscode.DocumentSymbol[]): vscode.DocumentSymbol[] {
  return symbols.flatMap((s) => [s, ...allSymbols(s.children)]);
}

function statusBarText(): string | undefined {
  return extensionApi().statusBarText?.();
}

/** Opens a copy of letter 003 and types the new title on a new line after the first item's rationale. */
async function typeNewItem(): Promise<OpenLetter & { at: vscode.Position }> {
  const letter = await openLetter('003');
  const { document, editor } = letter;
  await waitForActivation();
  await waitFor(() => /\b3 items:/.test(statusBarText() ?? ''), { what: 'the status bar to count three items' });
  const rationale = positionOf(document, 'Therefore the use of Klonopin 1mg #30 is not medically necessary.');
  const end = document.lineAt(rationale.line).range.end;
  await editor.edit((b) => b.insert(end, `\n\n${TITLE}`));
  const at = document.lineAt(end.line + 2).range.end;
  assert.strictEqual(document.lineAt(at.line).text, TITLE);
  return { ...letter, at };
}

describe('a new item being typed', () => {
  it('is offered its outcome after the colon', async () => {
    const { uri, at } = await typeNewItem();
    const labels = (await completionsAt(uri, at)).map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    for (const outcome of ['Upheld', 'Overturned']) assert.ok(labels.includes(outcome), `completion after the colon: ${labels.slice(0, 15).join(', ')}`);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('is in the outline and counted in the status bar', async () => {
    const { uri } = await typeNewItem();
    const items = await waitFor(async () => {
      const found = allSymbols(await symbolsOf(uri)).filter((s) => /Gabapentin 600mg #90/.test(s.name));
      return found.length > 0 ? found : undefined;
    }, { what: 'the new item in the outline' });
    assert.strictEqual(items.length, 1);
    await waitFor(() => /\b4 items:/.test(statusBarText() ?? ''), { what: `the status bar to count four items (it says "${statusBarText()}")` });
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
