/**
 * Open → first diagnostics in the real editor, for the bench: the longest real letter of
 * ../shared/corpus/dwc-2017 (else of the corpus) that has a problem to show (the editor announces
 * diagnostics, not their absence), copied outside the workspace (so that no scan of
 * the workspace checks it first), opened, and timed until its diagnostics arrive
 * (`languages.onDidChangeDiagnostics`). The figures go to test/e2e/out/timings.json (git-ignored),
 * which `npm run bench` reports. The server is already running (the extension is activated first):
 * this is the time a user waits on opening a letter, not the server's start.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { describe, it } from 'mocha';
import * as vscode from 'vscode';
import { analyze } from '../../../server/src/engine';
import { DEFAULT_TIMEOUT_MS, activateExtension, closeAllEditors, corpusDir, repoRoot } from '../helpers';

/** The longest `.txt` letter with a finding, of the dwc-2017 folder, else of the corpus folder (as bench/editor.ts chooses it). */
function longestRealLetter(): string {
  const dwc = path.join(corpusDir(), 'dwc-2017');
  const dir = fs.existsSync(dwc) ? dwc : corpusDir();
  const files = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => path.join(dir, f))
    .filter((f) => analyze(fs.readFileSync(f, 'utf8')).findings.length > 0);
  return files.reduce((a, b) => (fs.statSync(b).size > fs.statSync(a).size ? b : a));
}

/** Opens `uri` in an editor and resolves with the milliseconds from the call to each step. */
async function timeOpen(uri: vscode.Uri): Promise<{ openDocumentMs: number; shownMs: number; diagnosticsMs: number; count: number }> {
  const started = performance.now();
  let diagnosticsAt: number | undefined;
  const arrived = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no diagnostics for the opened letter')), DEFAULT_TIMEOUT_MS);
    const subscription = vscode.languages.onDidChangeDiagnostics((event) => {
      if (!event.uris.some((u) => u.toString() === uri.toString()) || vscode.languages.getDiagnostics(uri).length === 0) return;
      diagnosticsAt = performance.now();
      clearTimeout(timer);
      subscription.dispose();
      resolve();
    });
  });
  const document = await vscode.workspace.openTextDocument(uri);
  const openDocumentMs = performance.now() - started;
  await vscode.window.showTextDocument(document, { preview: false });
  const shownMs = performance.now() - started;
  await arrived;
  return { openDocumentMs, shownMs, diagnosticsMs: diagnosticsAt! - started, count: vscode.languages.getDiagnostics(uri).length };
}

describe('timings for the bench', () => {
  it('times opening a real letter to its first diagnostics (test/e2e/out/timings.json)', async () => {
    await activateExtension();
    await closeAllEditors();
    const letter = longestRealLetter();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'imr-e2e-timing-'));
    // Twice, in two copies: the first open of the run and one more (the server's code then warm).
    const first = vscode.Uri.file(path.join(dir, 'first.imr'));
    const second = vscode.Uri.file(path.join(dir, 'second.imr'));
    fs.copyFileSync(letter, first.fsPath);
    fs.copyFileSync(letter, second.fsPath);
    const once = await timeOpen(first);
    await closeAllEditors();
    const again = await timeOpen(second);
    await closeAllEditors();
    assert.ok(once.count > 0 && again.count === once.count);
    const out = path.join(repoRoot, 'test', 'e2e', 'out', 'timings.json');
    const round = (ms: number) => Math.round(ms * 10) / 10;
    const timings = {
      date: new Date().toISOString(),
      vscode: vscode.version,
      letter: path.basename(letter),
      bytes: fs.statSync(letter).size,
      diagnostics: once.count,
      openToDiagnosticsMs: round(once.diagnosticsMs),
      openDocumentMs: round(once.openDocumentMs),
      shownMs: round(once.shownMs),
      againOpenToDiagnosticsMs: round(again.diagnosticsMs),
    };
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(out, JSON.stringify(timings, null, 2) + '\n');
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
