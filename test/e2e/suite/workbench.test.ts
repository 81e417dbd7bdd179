/**
 * The picture of the extension at work: letter 004 open with its problems in the Problems panel, the
 * outline of its items and a hover on its misspelled drug, saved as letter-004.png by the
 * code-server launcher (test/e2e/screenshots/ under `npm run test:e2e`). It waits, with deadlines,
 * for what the picture should show; diagnostics.test.ts, hover.test.ts, ... assert those features.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import { describe, it } from 'mocha';
import * as path from 'path';
import * as vscode from 'vscode';
import {
  closeAllEditors,
  hoversAt,
  openLetter,
  positionOf,
  screenshot,
  showHoverAt,
  showProblemsAndOutline,
  symbolsOf,
  waitForActivation,
  waitForOptional,
  workspaceDir,
} from '../helpers';

describe('workbench', () => {
  it('shows letter 004 with its problems, outline and a hover', async () => {
    await closeAllEditors();
    // The copies earlier tests left in the workspace folder go: the picture shows one letter's folder
    // (the server shows the problems of closed letters too, and drops them when their files go).
    for (const name of fs.readdirSync(workspaceDir())) fs.rmSync(path.join(workspaceDir(), name), { recursive: true, force: true });
    const { document, editor } = await openLetter('004', { extension: '.imr' });
    await waitForActivation();
    await waitForOptional(() => vscode.languages.getDiagnostics(document.uri).length > 0, { timeoutMs: 10_000 });
    const shown = () => vscode.languages.getDiagnostics().filter(([, diagnostics]) => diagnostics.length > 0);
    await waitForOptional(() => shown().length === 1, { timeoutMs: 10_000 });
    await waitForOptional(async () => (await symbolsOf(document.uri)).length > 0, { timeoutMs: 5000 });
    await showProblemsAndOutline();
    await vscode.commands.executeCommand('notifications.clearAll');

    const drug = positionOf(document, 'Baclofan 20 mg, QTY');
    await waitForOptional(async () => (await hoversAt(document.uri, drug)).length > 0, { timeoutMs: 5000 });
    await showHoverAt(editor, drug);
    const file = await screenshot('letter-004');
    if (file !== undefined) assert.ok(fs.statSync(file).size > 10_000, `${file} is too small to show the workbench`);
  });
});
