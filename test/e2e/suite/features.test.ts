/**
 * The product as a user meets it in VS Code: the five real letters opened as .txt (auto-detect
 * switches them to IMR), their diagnostics, the outline, hovers, completion, the quick fix for
 * letter 004, a setting that silences a rule, and each contributed command.
 */
import * as assert from 'assert';
import { describe, it } from 'mocha';
import * as vscode from 'vscode';
import {
  activateExtension,
  closeAllEditors,
  codeActionsAt,
  completionsAt,
  describeDiagnostic,
  hoversAt,
  hoverText,
  openLetter,
  positionOf,
  symbolsOf,
  waitFor,
  waitForDiagnostics,
  waitForLanguage,
  withSetting,
  workspaceDir,
} from '../helpers';

/** What each letter must show in the Problems panel (the corpus snapshot, checked by hand). */
const EXPECTED: Record<string, string[]> = {
  '000': [],
  '001': [],
  // Its rationale ends "there is no documentation for the medical necessity": a stated conclusion.
  '002': [],
  '003': [],
  '004': ['drug-spelling', 'unknown-drug', 'drug-spelling', 'drug-spelling', 'drug-spelling'],
};

const codes = (uri: vscode.Uri) =>
  vscode.languages
    .getDiagnostics(uri)
    .sort((a, b) => a.range.start.compareTo(b.range.start))
    .map((d) => String(typeof d.code === 'object' ? d.code.value : d.code));

function allSymbols(symbols: vscode.DocumentSymbol[]): vscode.DocumentSymbol[] {
  return symbols.flatMap((s) => [s, ...allSymbols(s.children)]);
}

describe('the five letters in the editor', () => {
  it('opened as .txt, each is switched to IMR and shows exactly its problems', async () => {
    await activateExtension();
    await closeAllEditors();
    const opened: Record<string, vscode.Uri> = {};
    for (const prefix of Object.keys(EXPECTED)) {
      const { uri } = await openLetter(prefix, { extension: '.txt' });
      await waitForLanguage(uri);
      opened[prefix] = uri;
    }
    // The letter with problems publishes them; the server checks letters in the order opened, so
    // once 004 (the last) has its problems, the clean ones before it have been checked too.
    for (const prefix of ['004']) {
      await waitForDiagnostics(opened[prefix], (d) => d.length === EXPECTED[prefix].length, { what: `the problems of letter ${prefix}` });
    }
    await waitFor(async () => (await symbolsOf(opened['000'])).length > 0, { what: 'the outline of 000' });
    for (const [prefix, expected] of Object.entries(EXPECTED)) {
      assert.deepStrictEqual(codes(opened[prefix]), expected, `letter ${prefix}: ${vscode.languages.getDiagnostics(opened[prefix]).map(describeDiagnostic).join('; ')}`);
    }
    const baclofan = vscode.languages.getDiagnostics(opened['004']).find((d) => d.code && (d.code as { value: string }).value === 'unknown-drug');
    assert.ok(baclofan);
    assert.strictEqual(baclofan.severity, vscode.DiagnosticSeverity.Error);
    assert.strictEqual(baclofan.source, 'imr');
    assert.match(baclofan.message, /Baclofen/);
  });

  it('outline of letter 003: its three items with their outcomes', async () => {
    const { uri } = await openLetter('003');
    const symbols = await waitFor(async () => {
      const s = await symbolsOf(uri);
      return s.length > 0 ? s : undefined;
    });
    const items = allSymbols(symbols).filter((s) => /quantity \d+$/.test(s.name));
    assert.deepStrictEqual(
      items.map((s) => [s.name, s.detail]),
      [
        ['Klonopin 1mg quantity 30', 'Upheld · medication'],
        ['Baclofen 20mg quantity 90', 'Upheld · medication'],
        ['Norco 10/325mg quantity 180', 'Upheld · medication'],
      ],
    );
  });

  it('hover on a citation shows its MTUS topic; hover on a drug shows its generic name', async () => {
    const { uri, document } = await openLetter('000');
    const citation = await waitFor(async () => {
      const text = hoverText(await hoversAt(uri, positionOf(document, 'Page(s): 65').translate(0, 9)));
      return /Baclofen/.test(text) ? text : undefined;
    }, { what: 'a hover on Page(s): 65' });
    assert.match(citation, /Chronic Pain Medical Treatment Guidelines/);
    const norco = await openLetter('003');
    const drug = hoverText(await hoversAt(norco.uri, positionOf(norco.document, 'Norco 10/325mg quantity 180').translate(0, 2)));
    assert.match(drug, /hydrocodone\/acetaminophen/);
  });

  it('completion after "Baclo" in an item title offers Baclofen', async () => {
    const { uri, document, editor } = await openLetter('000');
    const end = positionOf(document, '**Baclofen 20mg #120:** Upheld').translate(0, '**Baclofen 20mg #120:** Upheld'.length);
    await editor.edit((b) => b.insert(end, '\n\nBaclo'));
    const at = positionOf(document, '\nBaclo').translate(1, 5);
    const items = await completionsAt(uri, at);
    const labels = items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    assert.ok(labels.includes('Baclofen'), `completion offered: ${labels.slice(0, 20).join(', ')}`);
  });

  it('the quick fix for letter 004 corrects "Baclofan" and its problem goes away', async () => {
    const { uri } = await openLetter('004');
    const [problem] = await waitForDiagnostics(uri, (d) => d.some((x) => (x.code as { value: string })?.value === 'unknown-drug')).then((d) =>
      d.filter((x) => (x.code as { value: string }).value === 'unknown-drug'),
    );
    const actions = await codeActionsAt(uri, problem.range, vscode.CodeActionKind.QuickFix.value);
    const fix = actions.find((a) => /Baclofen/.test(a.title));
    assert.ok(fix?.edit, `quick fixes: ${actions.map((a) => a.title).join(', ')}`);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    await waitForDiagnostics(uri, (d) => !d.some((x) => (x.code as { value: string })?.value === 'unknown-drug'), { what: 'unknown-drug to go away' });
    const doc = await vscode.workspace.openTextDocument(uri);
    assert.match(doc.getText(), /Baclofen 20 mg, QTY: 30/);
  });

  it('imr.rules.unknown-drug = off removes the problem', async () => {
    const { uri } = await openLetter('004');
    await waitForDiagnostics(uri, (d) => d.some((x) => (x.code as { value: string })?.value === 'unknown-drug'));
    await withSetting('imr.rules.unknown-drug', 'off', async () => {
      await waitForDiagnostics(uri, (d) => d.length > 0 && !d.some((x) => (x.code as { value: string })?.value === 'unknown-drug'), { what: 'unknown-drug to be silenced' });
    });
    await waitForDiagnostics(uri, (d) => d.some((x) => (x.code as { value: string })?.value === 'unknown-drug'), { what: 'unknown-drug to come back' });
  });
});

describe('each contributed command', () => {
  it('IMR: Export Decision as JSON opens the model in a new editor', async () => {
    const { uri } = await openLetter('003');
    await waitFor(async () => (await symbolsOf(uri)).length > 0);
    await vscode.commands.executeCommand('imr.exportJson');
    const exported = await waitFor(() => {
      const doc = vscode.window.activeTextEditor?.document;
      return doc && doc.uri.toString() !== uri.toString() && /"caseNumber": "CM15-0033230"/.test(doc.getText()) ? doc : undefined;
    }, { what: 'the exported JSON' });
    const json = JSON.parse(exported.getText());
    assert.deepStrictEqual(json.decision.items.map((i: { treatment: string }) => i.treatment), ['Klonopin', 'Baclofen', 'Norco']);
  });

  it('IMR: Normalize PDF Text turns letter 004 into markdown form with the same items', async () => {
    const { uri, document } = await openLetter('004');
    await waitFor(async () => (await symbolsOf(uri)).length > 0);
    const before = document.getText().replace(/\s+/g, '');
    await vscode.commands.executeCommand('imr.normalizePdfText');
    await waitFor(() => /^### CLINICAL CASE SUMMARY$/m.test(document.getText()), { what: 'the normalized letter' });
    // Every non-space character kept, in order (markup added around headings and labels aside).
    const after = document.getText().replace(/\*\*|###/g, '').replace(/\s+/g, '');
    assert.strictEqual(after, before);
    const items = await waitFor(async () => {
      const s = allSymbols(await symbolsOf(uri)).filter((x) => /QTY: \d+$/.test(x.name));
      return s.length === 2 ? s : undefined;
    }, { what: 'the items of the normalized letter' });
    assert.deepStrictEqual(items.map((s) => [s.name, s.detail]), [
      ['Percocet 10/325 mg, QTY: 60', 'Overturned · medication'],
      ['Baclofan 20 mg, QTY: 30', 'Upheld · medication'],
    ]);
  });

  it('IMR: Show Decision Summary lists the items (and closes cleanly)', async () => {
    const { uri } = await openLetter('004');
    await waitForDiagnostics(uri);
    // The items as the outline names them, in order.
    const items = allSymbols(await symbolsOf(uri)).filter((s) => s.kind === vscode.SymbolKind.Class).map((s) => s.name);
    assert.deepStrictEqual(items, ['Percocet 10/325 mg, QTY: 60', 'Baclofan 20 mg, QTY: 30']);
    let settled = false;
    const running = Promise.resolve(vscode.commands.executeCommand<{ labels: string[] } | undefined>('imr.showSummary')).finally(() => (settled = true));
    await waitFor(async () => {
      if (!settled) await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
      return settled;
    }, { what: 'the summary to close' });
    const shown = await running;
    // Each item with its outcome's icon, then the letter's problems.
    assert.deepStrictEqual(shown?.labels.slice(0, 2), ['$(pass) Percocet 10/325 mg, QTY: 60', '$(circle-slash) Baclofan 20 mg, QTY: 30']);
    assert.match(shown?.labels[2] ?? '', /^\$\(warning\) \d+ problems?$/);
    assert.strictEqual(shown?.labels.length, 3);
  });

  it('IMR: Treat File as Decision Letter switches a plain text file', async () => {
    const file = vscode.Uri.joinPath(vscode.Uri.file(workspaceDir()), 'notes.txt');
    await vscode.workspace.fs.writeFile(file, Buffer.from('Notes for the file: nothing here looks like a letter.\n'));
    const doc = await vscode.workspace.openTextDocument(file);
    await vscode.window.showTextDocument(doc);
    assert.strictEqual(doc.languageId, 'plaintext');
    await vscode.commands.executeCommand('imr.setLanguage');
    await waitForLanguage(file);
  });

  it('IMR: Import MTUS Guideline PDF… asks for a file and does nothing when cancelled', async () => {
    let settled = false;
    let closes = 0;
    const running = Promise.resolve(vscode.commands.executeCommand<string>('imr.importMtusPdf')).finally(() => (settled = true));
    await waitFor(async () => {
      if (!settled) {
        closes++;
        await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
      }
      return settled;
    }, { what: 'the file dialog to close' });
    // The command ended because its file dialog (a quick input in this workbench) was closed, not
    // because the server was not running.
    assert.strictEqual(await running, 'cancelled');
    assert.ok(closes > 0, 'the command was waiting for the dialog');
  });
});
