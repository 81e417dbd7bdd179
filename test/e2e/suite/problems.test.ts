/**
 * One truth in the Problems panel: the language server owns the problems of every letter in the
 * workspace, open or closed; IMR: Check All Decisions in Workspace asks it to check them again; the
 * imr-check task reports in the terminal only and never ends as a failure; the status bar counts
 * what the Problems panel lists.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import { describe, it } from 'mocha';
import * as vscode from 'vscode';
import {
  activateExtension,
  closeAllEditors,
  codeActionsAt,
  copyLetter,
  describeDiagnostic,
  letterPath,
  openLetter,
  extensionApi,
  waitFor,
  waitForDiagnostics,
} from '../helpers';

const codeOf = (d: vscode.Diagnostic) => String(typeof d.code === 'object' ? d.code.value : d.code);
const hasUnknownDrug = (all: vscode.Diagnostic[]) => all.some((d) => codeOf(d) === 'unknown-drug');

/** The diagnostics of a letter listed more than once (same place, same code), described. */
function duplicates(uri: vscode.Uri): string[] {
  const seen = new Set<string>();
  const twice: string[] = [];
  for (const d of vscode.languages.getDiagnostics(uri)) {
    const key = describeDiagnostic(d);
    if (seen.has(key)) twice.push(key);
    seen.add(key);
  }
  return twice;
}

/** The extension's status bar text, through its API. */
function statusBarText(): string | undefined {
  return extensionApi().statusBarText?.();
}

describe('one truth in the Problems panel', () => {
  it('a closed letter shows its problems from disk, and again when the file changes on disk', async () => {
    await activateExtension();
    const closed = copyLetter('004');
    await waitForDiagnostics(closed, hasUnknownDrug, { what: 'the problems of a letter never opened' });
    fs.writeFileSync(closed.fsPath, fs.readFileSync(letterPath('004'), 'utf8').replaceAll('Baclofan', 'Baclofen'));
    await waitForDiagnostics(closed, (all) => !hasUnknownDrug(all), { what: 'the problem fixed on disk to go' });
  });

  it('after Check All, an opened letter lists each problem once and a quick fix removes it everywhere', async () => {
    await closeAllEditors();
    const closed = copyLetter('004');
    await vscode.commands.executeCommand('imr.checkWorkspace');
    await waitForDiagnostics(closed, hasUnknownDrug, { what: 'Check All to show the closed letter' });
    const document = await vscode.workspace.openTextDocument(closed);
    await vscode.window.showTextDocument(document);
    const all = await waitForDiagnostics(closed, (d) => d.length === 5, { what: 'the five problems of 004' });
    assert.deepStrictEqual(duplicates(closed), [], all.map(describeDiagnostic).join('\n'));
    const problem = all.find((d) => codeOf(d) === 'unknown-drug')!;
    const fix = (await codeActionsAt(closed, problem.range, vscode.CodeActionKind.QuickFix.value)).find((a) => /Baclofen/.test(a.title));
    assert.ok(fix?.edit, 'a quick fix to Baclofen');
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    await waitForDiagnostics(closed, (d) => !hasUnknownDrug(d), { what: 'the fixed problem to leave the Problems panel' });
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('the imr-check task reports in the terminal: it ends with exit code 0 and adds no problem', async () => {
    await activateExtension();
    const closed = copyLetter('004');
    await waitForDiagnostics(closed, (d) => d.length === 5, { what: 'the server to show the closed letter' });
    const [task] = await vscode.tasks.fetchTasks({ type: 'imr-check' });
    assert.ok(task, 'the imr-check task is provided');
    const ended = new Promise<number | undefined>((resolve) => {
      const sub = vscode.tasks.onDidEndTaskProcess((e) => {
        if (e.execution.task.definition.type !== 'imr-check') return;
        sub.dispose();
        resolve(e.exitCode);
      });
    });
    await vscode.tasks.executeTask(task);
    const code = await Promise.race([ended, new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), 40_000))]);
    // Letter 004 has an error: a finding, not a failure of the tool.
    assert.strictEqual(code, 0);
    assert.deepStrictEqual(duplicates(closed), []);
    assert.strictEqual(vscode.languages.getDiagnostics(closed).length, 5, vscode.languages.getDiagnostics(closed).map(describeDiagnostic).join('\n'));
  });

  it('the status bar counts the problems the Problems panel lists (hints are not listed)', async () => {
    const { uri } = await openLetter('004');
    const all = await waitForDiagnostics(uri, (d) => d.length === 5, { what: 'the problems of 004' });
    const listed = all.filter((d) => d.severity !== vscode.DiagnosticSeverity.Hint).length;
    assert.strictEqual(listed, 1);
    // Letter 004's own text: "2 items: 1 upheld, 1 overturned · 1 problem" (not "· 5 problems").
    await waitFor(() => /2 items: 1 upheld, 1 overturned · 1 problem$/.test(statusBarText() ?? ''), {
      what: `the status bar to count one problem (it says "${statusBarText()}")`,
    });
  });
});
