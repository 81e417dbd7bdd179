/**
 * The real server over stdio: diagnostics on the real letters, quick fixes, fix-all, settings,
 * and the version discipline of a server that debounces its checks.
 */
import { after, before, describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol';
import { analyze } from '../../server/src/engine';
import { LineIndex } from '../../server/src/text/lineIndex';
import { readLetter } from '../helpers';
import { type LspTestClient, applyTextEdits, startClient } from './client';


describe('diagnostics over stdio', () => {
  let client: LspTestClient;
  const settings: Record<string, unknown> = {};

  before(async () => {
    client = await startClient({ settings: () => settings });
    const init = await client.initialize();
    assert.ok(init.capabilities.codeActionProvider);
  });
  after(async () => {
    await client.shutdown();
  });

  for (const prefix of ['000', '001', '002', '003', '004']) {
    test(`letter ${prefix}: the server publishes what the engine finds, with codes, sources and doc links`, async () => {
      const text = readLetter(prefix);
      const uri = client.open(`file:///letters/${prefix}.imr`, text);
      const published = await client.waitForDiagnostics(uri, { version: 1 });
      const expected = analyze(text).findings;
      assert.deepEqual(
        published.diagnostics.map((d) => [d.code, d.range.start.line, d.range.start.character]),
        expected.map((f) => {
          const p = new LineIndex(text).positionAt(f.start);
          return [f.code, p.line, p.character];
        }),
      );
      for (const d of published.diagnostics) {
        assert.equal(d.source, 'imr');
        assert.match(d.codeDescription!.href, new RegExp(`/docs/rules/${d.code}\\.md$`));
      }
      // No error on the real letters except letter 004's misspelled drug.
      const errors = published.diagnostics.filter((d) => d.severity === 1).map((d) => d.code);
      assert.deepEqual(errors, prefix === '004' ? errors.filter((c) => c === 'unknown-drug') : []);
      client.close(uri);
      const cleared = await client.waitForDiagnostics(uri, { accept: (p) => p.diagnostics.length === 0 });
      assert.equal(cleared.diagnostics.length, 0);
    });
  }

  test('a quick fix from the server removes its diagnostic; fix-all applies the safe fixes', async () => {
    const original = readLetter('000').replace('CM15-0027300', 'cm15 0027300').replace('**Baclofen 20mg #120:** Upheld', '**Baclofen 20mg #120:** Uphled');
    const uri = client.open('file:///letters/fix.imr', original);
    const first = await client.waitForDiagnostics(uri, { version: 1 });
    const outcome = first.diagnostics.find((d) => d.code === 'unknown-outcome') as Diagnostic;
    assert.ok(outcome, 'unknown-outcome published');
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: outcome.range,
      context: { diagnostics: [outcome], only: ['quickfix'] },
    });
    const titles = actions.map((a) => a.title);
    assert.ok(titles.includes('Change to "Upheld"'), titles.join(', '));
    assert.ok(titles.includes('Disable unknown-outcome for this line'));
    assert.ok(titles.includes('Disable unknown-outcome for this file'));
    const fix = actions.find((a) => a.title === 'Change to "Upheld"')!;
    const fixed = applyTextEdits(original, fix.edit!.changes![uri]);
    const v2 = client.change(uri, fixed);
    const second = await client.waitForDiagnostics(uri, { version: v2 });
    assert.equal(second.diagnostics.filter((d) => d.code === 'unknown-outcome').length, 0);
    assert.equal(second.diagnostics.filter((d) => d.code === 'invalid-case-number').length, 1);
    // source.fixAll.imr corrects the case number (a safe fix) and nothing else.
    const all = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll'] },
    });
    assert.equal(all.length, 1);
    assert.equal(all[0].kind, 'source.fixAll.imr');
    const clean = applyTextEdits(fixed, all[0].edit!.changes![uri]);
    assert.equal(clean, readLetter('000'));
    client.close(uri);
  });

  test('a rule set to off disappears; a bad level gives one message and the default', async () => {
    const text = readLetter('004').replace('Percocet 10/325 mg, QTY: 60:  Overturned', 'Percocet 10/325 mg, QTY: 60:  Upheld');
    const uri = client.open('file:///letters/settings.imr', text);
    const before = await client.waitForDiagnostics(uri, { version: 1 });
    assert.equal(before.diagnostics.filter((d) => d.code === 'outcome-conflict').length, 1);
    settings.rules = { 'outcome-conflict': 'off' };
    await client.notify('workspace/didChangeConfiguration', { settings: null });
    const off = await client.waitForDiagnostics(uri, { accept: (p) => !p.diagnostics.some((d) => d.code === 'outcome-conflict') });
    assert.ok(off);
    settings.rules = { 'outcome-conflict': 'loud' };
    await client.notify('workspace/didChangeConfiguration', { settings: null });
    const back = await client.waitForDiagnostics(uri, { accept: (p) => p.diagnostics.some((d) => d.code === 'outcome-conflict') });
    assert.equal(back.diagnostics.find((d) => d.code === 'outcome-conflict')!.severity, 1);
    await client.waitForMessage((m) => m.type === 2 && /imr\.rules\.outcome-conflict: "loud"/.test(m.message));
    assert.equal(client.messages.filter((m) => m.type === 2 && /"loud"/.test(m.message)).length, 1);
    delete settings.rules;
    client.close(uri);
  });

  test('edits faster than the debounce: only the newest version is published, never a stale one', async () => {
    const text = readLetter('003');
    const uri = client.open('file:///letters/burst.imr', text);
    await client.waitForDiagnostics(uri, { version: 1 });
    const seen: number[] = [];
    let version = 1;
    for (let k = 0; k < 20; k++) version = client.change(uri, text.replace('Klonopin 1mg quantity 30', `Klonopin 1mg quantity ${31 + k}`));
    const last = await client.waitForDiagnostics(uri, {
      accept: (p) => {
        if (p.version !== undefined && p.version > 1) seen.push(p.version);
        return p.version === version;
      },
    });
    assert.equal(last.version, version);
    // Nothing older may arrive afterwards either: up to the publish of one more edit, every
    // publish is of the newest version at the time.
    const from = client.published.lastIndexOf(last);
    const next = client.change(uri, text);
    await client.waitForDiagnostics(uri, { version: next });
    const after = client.published.slice(from + 1).filter((p) => p.uri === uri).map((p) => p.version);
    assert.deepEqual(after, [next], `published after version ${version}: ${after.join(', ')}`);
    assert.ok(seen.every((v) => v === version), `published versions: ${seen.join(', ')}`);
    client.close(uri);
  });
});
