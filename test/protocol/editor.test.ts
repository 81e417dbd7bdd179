/**
 * The editor features through the real server over stdio: outline, folding, hover, completion,
 * workspace symbols, links and the server's own requests (summary, export, normalize).
 */
import { after, before, describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type {
  CompletionItem,
  CompletionList,
  DocumentSymbol,
  FoldingRange,
  Hover,
  InitializeResult,
  MarkupContent,
  SymbolInformation,
  TextEdit,
} from 'vscode-languageserver-protocol';
import { ImrRequests, type NormalizeResponse, type SummaryResult, type ExportResult, type FindLettersResult } from '../../server/src/features/requests';
import { parse } from '../../server/src/parser/parse';
import { readLetter } from '../helpers';
import { type LspTestClient, applyTextEdits, fileUri, positionOf, startClient } from './client';


function hoverText(h: Hover | null): string {
  assert.ok(h, 'expected a hover');
  return (h.contents as MarkupContent).value;
}

function labels(result: CompletionList | CompletionItem[] | null): string[] {
  const items = Array.isArray(result) ? result : (result?.items ?? []);
  return items.map((i) => i.label);
}

describe('editor features over stdio', () => {
  let client: LspTestClient;
  let init: InitializeResult;
  let folder: string;

  before(async () => {
    // A workspace folder with two letters on disk (copies: the corpus itself stays read-only).
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'imr-editor-'));
    fs.writeFileSync(path.join(folder, 'letter-003.imr'), readLetter('003'));
    fs.mkdirSync(path.join(folder, 'nested'));
    fs.writeFileSync(path.join(folder, 'nested', 'letter-004.txt'), readLetter('004'));
    fs.writeFileSync(path.join(folder, 'notes.txt'), 'Shopping list: milk, bread.\nCLINICAL CASE SUMMARY is a heading in letters.\n');
    client = await startClient();
    init = await client.initialize({ workspaceFolders: [{ uri: fileUri(folder), name: 'letters' }] });
  });
  after(async () => {
    await client.shutdown();
    fs.rmSync(folder, { recursive: true, force: true });
  });

  test('announces the editor capabilities', () => {
    const c = init.capabilities;
    assert.ok(c.documentSymbolProvider && c.workspaceSymbolProvider && c.foldingRangeProvider && c.hoverProvider);
    assert.ok(c.completionProvider && c.documentLinkProvider);
  });

  test('outline of letter 003: header named by case number, sections, three items with outcomes', async () => {
    const uri = client.open('file:///letters/003.imr', readLetter('003'));
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    assert.deepEqual(symbols.map((s) => s.name), [
      'CM15-0033230',
      'HOW THE IMR FINAL DETERMINATION WAS MADE',
      'CLINICAL CASE SUMMARY',
      'IMR ISSUES, DECISIONS AND RATIONALES',
    ]);
    const issues = symbols[3];
    assert.deepEqual(issues.children!.map((i) => [i.name, i.detail]), [
      ['Klonopin 1mg quantity 30', 'Upheld · medication'],
      ['Baclofen 20mg quantity 90', 'Upheld · medication'],
      ['Norco 10/325mg quantity 180', 'Upheld · medication'],
    ]);
    const norco = issues.children![2];
    assert.deepEqual(norco.children!.map((c) => [c.name, c.detail]), [
      ['Claims Administrator guideline', 'no evidence cited'],
      ['MAXIMUS guideline', 'Criteria for use of opioids, pp. 76-79'],
      ['Decision rationale', 'not medically necessary'],
    ]);
    client.close(uri);
  });

  test('folding: sections and items fold', async () => {
    const text = readLetter('003');
    const uri = client.open('file:///letters/003-fold.imr', text);
    const ranges = await client.request<FoldingRange[]>('textDocument/foldingRange', { textDocument: { uri } });
    const issuesLine = positionOf(text, '## IMR ISSUES').line;
    const klonopinLine = positionOf(text, '**Klonopin 1mg quantity 30:**').line;
    assert.ok(ranges.some((r) => r.startLine === issuesLine && r.endLine === text.split('\n').length - 1));
    assert.ok(ranges.some((r) => r.startLine === klonopinLine && r.endLine === positionOf(text, 'Klonopin 1mg #30 is not').line));
    client.close(uri);
  });

  test('hover on "Page(s): 65" in letter 000 shows the Baclofen topic', async () => {
    const text = readLetter('000');
    const uri = client.open('file:///letters/000.imr', text);
    for (const delta of [1, 9]) {
      const h = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: positionOf(text, 'Page(s): 65', delta) });
      const md = hoverText(h);
      assert.match(md, /Chronic Pain Medical Treatment Guidelines/);
      assert.match(md, /\n\*\*[^*\n]*Baclofen[^*\n]*\*\* · pages 64-65\b/);
    }
    client.close(uri);
  });

  test('hover on "Norco" shows hydrocodone/acetaminophen', async () => {
    const text = readLetter('003');
    const uri = client.open('file:///letters/003-hover.imr', text);
    const h = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: positionOf(text, 'Norco 10/325mg quantity 180', 2) });
    const md = hoverText(h);
    assert.match(md, /\*\*Norco\*\* · brand of \*\*hydrocodone\/acetaminophen\*\*/);
    assert.match(md, /opioid/);
    assert.deepEqual(h.range, { start: positionOf(text, 'Norco 10/325mg quantity 180'), end: positionOf(text, 'Norco 10/325mg quantity 180', 5) });
    client.close(uri);
  });

  test('hover on an outcome says what it means and whether the rationale agrees', async () => {
    const text = readLetter('004');
    const uri = client.open('file:///letters/004.txt', text);
    const h = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: positionOf(text, 'Overturned', 3) });
    const md = hoverText(h);
    assert.match(md, /medically necessary/);
    assert.match(md, /The rationale agrees/);
    client.close(uri);
  });

  test('hover on a prose citation ("MTUS 9792.20e") explains the definition', async () => {
    const text = readLetter('001');
    const uri = client.open('file:///letters/001.txt', text);
    const h = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: positionOf(text, '9792.20e', 2) });
    assert.match(hoverText(h), /Functional improvement/i);
    const nothing = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: positionOf(text, 'overweight', 2) });
    assert.equal(nothing, null);
    client.close(uri);
  });

  test('completion after "Baclo" in an item title offers Baclofen', async () => {
    const original = readLetter('000');
    const text = original.replace('**Baclofen 20mg #120:** Upheld', '**Baclofen 20mg #120:** Upheld\n\nBaclo');
    const uri = client.open('file:///letters/000-complete.imr', text);
    const position = positionOf(text, '\nBaclo', 6);
    const result = await client.request<CompletionList>('textDocument/completion', { textDocument: { uri }, position });
    const items = result.items;
    const baclofen = items.find((i) => i.label === 'Baclofen');
    assert.ok(baclofen, `no Baclofen among ${labels(result).slice(0, 20).join(', ')}`);
    assert.ok(baclofen.kind && baclofen.detail && baclofen.documentation);
    assert.deepEqual((baclofen.textEdit as TextEdit).range, { start: { line: position.line, character: 0 }, end: position });
    // Brands too; drug names are sent for the typed first letter only (the editor filters further).
    const drugs = items.filter((i) => i.labelDetails?.description);
    assert.ok(drugs.some((i) => /^brand of /.test(i.labelDetails!.description!)));
    for (const d of drugs) assert.match(d.label, /^b/i);
    client.close(uri);
  });

  test('completion after an item title colon offers the outcomes', async () => {
    const text = readLetter('000').replace('**Baclofen 20mg #120:** Upheld', '**Baclofen 20mg #120:** ');
    const uri = client.open('file:///letters/000-outcome.imr', text);
    const result = await client.request<CompletionList>('textDocument/completion', {
      textDocument: { uri },
      position: positionOf(text, '**Baclofen 20mg #120:** ', '**Baclofen 20mg #120:** '.length),
    });
    assert.deepEqual(labels(result), ['Upheld', 'Overturned']);
    client.close(uri);
  });

  test('workspace symbols: search by case number, drug (brand or generic) and outcome', async () => {
    const byCase = await client.request<SymbolInformation[]>('workspace/symbol', { query: 'CM15-0033230' });
    assert.ok(byCase.some((s) => s.name === 'CM15-0033230' && s.location.uri.endsWith('/letter-003.imr')));
    const byGeneric = await client.request<SymbolInformation[]>('workspace/symbol', { query: 'hydrocodone' });
    assert.deepEqual(byGeneric.map((s) => s.name), ['Norco 10/325mg quantity 180: Upheld · hydrocodone/acetaminophen']);
    const overturned = await client.request<SymbolInformation[]>('workspace/symbol', { query: 'overturned' });
    assert.deepEqual(overturned.map((s) => [s.name, path.basename(s.location.uri)]), [['Percocet 10/325 mg, QTY: 60: Overturned · oxycodone/acetaminophen', 'letter-004.txt']]);
    const none = await client.request<SymbolInformation[]>('workspace/symbol', { query: 'milk' });
    assert.deepEqual(none, []);
  });

  test('imr/summary, imr/exportJson and imr/findLetters', async () => {
    const uri = client.open('file:///letters/003-summary.imr', readLetter('003'));
    const summary = await client.request<SummaryResult>(ImrRequests.summary, { uri });
    assert.equal(summary.caseNumber, 'CM15-0033230');
    assert.equal(summary.items.length, 3);
    assert.match(summary.status, /^3 items: 3 upheld · /);
    const exported = await client.request<ExportResult>(ImrRequests.exportJson, { uri });
    assert.equal((exported.decision as { caseNumber: string }).caseNumber, 'CM15-0033230');
    assert.ok(Array.isArray(exported.diagnostics));
    const missing = await client.request<unknown>(ImrRequests.summary, { uri: 'file:///not/open.imr' });
    assert.equal(missing, null);
    const found = await client.request<FindLettersResult>(ImrRequests.findLetters, { folderUri: fileUri(folder) });
    assert.deepEqual(found, { files: ['letter-003.imr', 'nested/letter-004.txt'], truncated: false });
    client.close(uri);
  });

  test('normalizing letter 004 keeps every word and parses to the same items', async () => {
    const text = readLetter('004');
    const uri = client.open('file:///letters/004-normalize.txt', text, 'imr', 7);
    const response = await client.request<NormalizeResponse>(ImrRequests.normalize, { uri });
    assert.equal(response.version, 7);
    assert.ok(response.edits.length > 0);
    const normalized = applyTextEdits(text, response.edits);
    const words = (s: string) => s.replace(/\*\*|###/g, ' ').split(/\s+/).filter(Boolean);
    assert.deepEqual(words(normalized), words(text));
    const shape = (t: string) =>
      parse(t).items.map((i) => ({
        title: i.title.text,
        outcome: i.outcome,
        strength: i.strength,
        quantity: i.quantity,
        citations: i.guidelines.map((g) => [g.by, g.citations.map((c) => [c.guideline, c.topic, c.pages])]),
        conclusion: i.rationale?.conclusion,
      }));
    assert.deepEqual(shape(normalized), shape(text));
    assert.equal(parse(normalized).form, 'markdown');
    client.close(uri);
  });

  test('requests on broken or unknown input return empty answers, never errors', async () => {
    const uri = client.open('file:///letters/garbage.imr', '\u0000\u0001 ### **:** <b>\n'.repeat(50));
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    assert.ok(Array.isArray(symbols));
    const h = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: 3, character: 4 } });
    assert.equal(h, null);
    const far = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: 9999, character: 9999 } });
    assert.equal(far, null);
    const c = await client.request<CompletionList>('textDocument/completion', { textDocument: { uri }, position: { line: 2, character: 1 } });
    assert.ok(Array.isArray(c.items));
    client.close(uri);
  });
});
