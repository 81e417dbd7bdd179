/**
 * Reading comfort: a letter's long paragraphs wrap by default (a language default the user can
 * change), and a problem's rule link opens the rule page packaged with the extension, offline.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import { describe, it } from 'mocha';
import * as vscode from 'vscode';
import { LANGUAGE_ID, activateExtension, openLetter, ourExtension, waitForDiagnostics } from '../helpers';

describe('reading comfort', () => {
  it('letters wrap their lines by default, as prose languages do', async () => {
    await activateExtension();
    const editor = vscode.workspace.getConfiguration('editor', { languageId: LANGUAGE_ID });
    assert.strictEqual(editor.get('wordWrap'), 'on');
    // A language default: the user's own setting for the language still wins.
    assert.strictEqual(editor.inspect('wordWrap')?.defaultLanguageValue, 'on');
  });

  it("a problem's rule link is the rule page inside the installed extension", async () => {
    const { uri } = await openLetter('004');
    const [problem] = await waitForDiagnostics(uri, (all) => all.some((d) => typeof d.code === 'object' && d.code.value === 'unknown-drug')).then((all) =>
      all.filter((d) => typeof d.code === 'object' && d.code.value === 'unknown-drug'),
    );
    const target = (problem.code as { target: vscode.Uri }).target;
    assert.notStrictEqual(target.scheme, 'https', `the rule link needs the network: ${target.toString()}`);
    assert.strictEqual(target.scheme, 'file', target.toString());
    assert.ok(target.fsPath.startsWith(ourExtension().extensionPath), `${target.fsPath} is not inside the extension`);
    assert.ok(fs.existsSync(target.fsPath), `${target.fsPath} does not exist`);
    assert.match(target.fsPath, /docs[\\/]rules[\\/]unknown-drug\.md$/);
  });
});
