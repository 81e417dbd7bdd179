/**
 * The real server over stdio keeps serving whatever it is sent: malformed requests and bytes,
 * unknown methods, requests for documents it does not have, positions out of range, cancelled
 * requests, a document closed while it is being checked, a bad setting. Each is answered with an error, an empty answer or nothing, and afterwards the server
 * still answers a normal request.
 */
import { after, before, describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CancellationTokenSource, ResponseError, type PublishDiagnosticsParams } from 'vscode-languageserver-protocol/node';
import { LineIndex } from '../../server/src/text/lineIndex';
import { readLetter } from '../helpers';
import { startClient, type LspTestClient } from './client';

const LETTER = readLetter('003');
const LETTER_URI = 'file:///robustness/003.imr';
const UNKNOWN_URI = 'file:///robustness/never-opened.imr';

/** Every request the server offers on a document, with well-formed params for a uri and position. */
function documentRequests(uri: string, position: { line: number; character: number }): Array<[string, unknown]> {
  const range = { start: position, end: position };
  return [
    ['textDocument/documentSymbol', { textDocument: { uri } }],
    ['textDocument/foldingRange', { textDocument: { uri } }],
    ['textDocument/hover', { textDocument: { uri }, position }],
    ['textDocument/completion', { textDocument: { uri }, position }],
    ['textDocument/documentLink', { textDocument: { uri } }],
    ['textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics: [] } }],
    ['imr/summary', { uri }],
    ['imr/exportJson', { uri }],
    ['imr/normalize', { uri, range }],
  ];
}

/** Every LSP range inside a JSON value. */
function rangesIn(value: unknown, out: Array<{ start: { line: number; character: number }; end: { line: number; character: number } }> = []) {
  if (Array.isArray(value)) value.forEach((v) => rangesIn(v, out));
  else if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    const s = o.start as { line?: unknown } | undefined;
    const e = o.end as { line?: unknown } | undefined;
    if (s && e && typeof s.line === 'number' && typeof e.line === 'number') out.push(o as never);
    for (const v of Object.values(o)) rangesIn(v, out);
  }
  return out;
}

describe('the server keeps serving whatever it is sent', () => {
  let client: LspTestClient;
  let storage: string;
  const settings: Record<string, unknown> = {};
  /** Called when the server asks for a document's settings (that is, while it validates the document). */
  const onSettingsAsked = new Map<string, () => void>();
  /** Every diagnostics notification, in order of arrival. */
  const published: PublishDiagnosticsParams[] = [];

  /** A normal request is answered: the outline of the open letter. */
  async function assertServing(after: string, on: LspTestClient = client): Promise<void> {
    let symbols: unknown;
    try {
      symbols = await on.request<unknown[]>('textDocument/documentSymbol', { textDocument: { uri: LETTER_URI } });
    } catch (e) {
      assert.fail(`the server stopped answering after ${after}: ${(e as Error).message}\nserver stderr:\n${on.stderr.slice(-1500)}`);
    }
    assert.ok(Array.isArray(symbols) && symbols.length > 0, `the server stopped answering after ${after}`);
  }

  /**
   * Waits until the server has validated a document opened now: a validation it had started before
   * (a closed document's, say) has ended by then, since validations run in the order they began.
   */
  let sentinels = 0;
  async function serverCaughtUp(): Promise<void> {
    const uri = `file:///robustness/sentinel-${++sentinels}.imr`;
    client.open(uri, LETTER);
    await client.waitForDiagnostics(uri, { version: 1 });
    client.close(uri);
  }

  /** Sends a request; an answer or an error response both count, a dead server or a timeout do not. */
  async function answered(method: string, params: unknown): Promise<{ result?: unknown; error?: ResponseError<unknown> }> {
    try {
      return { result: await client.request(method, params) };
    } catch (e) {
      if (e instanceof ResponseError) return { error: e };
      throw e;
    }
  }

  before(async () => {
    storage = fs.mkdtempSync(path.join(os.tmpdir(), 'imr-robustness-'));
    client = await startClient({
      settings: (scopeUri) => {
        if (scopeUri) onSettingsAsked.get(scopeUri)?.();
        return settings;
      },
      timeoutMs: 15_000,
    });
    const set = client.diagnostics.set.bind(client.diagnostics);
    client.diagnostics.set = (uri: string, p: PublishDiagnosticsParams) => {
      published.push(p);
      return set(uri, p);
    };
    await client.initialize({ initializationOptions: { trusted: true, mtusStorage: storage } });
    client.open(LETTER_URI, LETTER);
    await client.waitForDiagnostics(LETTER_URI, { version: 1 });
  });

  after(async () => {
    await client.shutdown();
    fs.rmSync(storage, { recursive: true, force: true });
  });

  test('an unknown method is answered with MethodNotFound', async () => {
    const { error } = await answered('imr/noSuchMethod', { uri: LETTER_URI });
    assert.equal(error?.code, -32601);
    await assertServing('an unknown method');
  });

  test('malformed params are answered (an error or an empty answer)', async () => {
    const bad: unknown[] = [null, {}, [], 42, 'text', { textDocument: null }, { textDocument: { uri: 42 } }, { textDocument: { uri: LETTER_URI }, position: 'here' }, { textDocument: { uri: LETTER_URI }, range: null }, { uri: null, range: { start: 1 } }];
    for (const [method] of documentRequests(LETTER_URI, { line: 0, character: 0 })) {
      for (const params of bad) await answered(method, params);
    }
    for (const params of bad) {
      await answered('imr/findLetters', params);
      await answered('workspace/symbol', params);
    }
    await answered('imr/findLetters', { folderUri: 'http://example.invalid/letters' });
    await assertServing('malformed params');
  });

  test('malformed bytes on the wire do not stop the server', async () => {
    const frame = (body: string) => `Content-Length: ${Buffer.byteLength(body, 'utf8')}\r\n\r\n${body}`;
    client.process.stdin.write(frame('{not json at all'));
    client.process.stdin.write(frame('{"jsonrpc":"2.0","foo":1}'));
    client.process.stdin.write(frame('{"jsonrpc":"2.0","id":9999}'));
    client.process.stdin.write(frame('{"jsonrpc":"2.0","id":9998,"method":"textDocument/hover","params":"x"}'));
    client.process.stdin.write(frame('{"jsonrpc":"2.0","method":"textDocument/didChange","params":{"textDocument":{"uri":"file:///robustness/never-opened.imr","version":3},"contentChanges":[{"text":"x"}]}}'));
    client.process.stdin.write(frame('{"jsonrpc":"2.0","method":"textDocument/didClose","params":{"textDocument":{"uri":"file:///robustness/never-opened.imr"}}}'));
    await assertServing('malformed messages');
  });

  test('requests for documents that are not open get empty answers', async () => {
    for (const [method, params] of documentRequests(UNKNOWN_URI, { line: 0, character: 0 })) {
      const { result, error } = await answered(method, params);
      assert.ok(error || result === null || (Array.isArray(result) && result.length === 0) || (typeof result === 'object' && (result as { items?: unknown[] }).items?.length === 0), `${method} on an unknown document answered ${JSON.stringify(result)}`);
    }
    await assertServing('requests for unknown documents');
  });

  test('positions out of range are answered, with ranges inside the document', async () => {
    const lines = new LineIndex(LETTER);
    const positions = [
      { line: 1_000_000_000, character: 1_000_000_000 },
      { line: -1, character: -5 },
      { line: 0, character: 1_000_000 },
      { line: lines.lineCount, character: 0 },
      { line: 2.5, character: 0.5 },
    ];
    for (const position of positions) {
      for (const [method, params] of documentRequests(LETTER_URI, position)) {
        const { result } = await answered(method, params);
        for (const r of rangesIn(result)) {
          for (const p of [r.start, r.end]) {
            assert.ok(p.line >= 0 && p.line < lines.lineCount && p.character >= 0, `${method} at ${JSON.stringify(position)} answered a range outside the document: ${JSON.stringify(r)}`);
          }
        }
      }
    }
    // A range whose end comes before its start.
    await answered('textDocument/codeAction', { textDocument: { uri: LETTER_URI }, range: { start: { line: 40, character: 0 }, end: { line: 2, character: 0 } }, context: { diagnostics: [] } });
    await assertServing('positions out of range');
  });

  test('cancelled requests are answered or dropped, and the server goes on', async () => {
    const pending: Array<Promise<unknown>> = [];
    for (const [method, params] of documentRequests(LETTER_URI, { line: 3, character: 2 })) {
      const source = new CancellationTokenSource();
      pending.push(client.connection.sendRequest(method, params, source.token).catch((e: unknown) => e));
      source.cancel();
    }
    const outcomes = await Promise.race([Promise.all(pending), new Promise((resolve) => setTimeout(() => resolve('timeout'), 10_000))]);
    assert.notEqual(outcomes, 'timeout', 'a cancelled request was never answered');
    await client.notify('$/cancelRequest', { id: 987654 });
    await client.notify('$/cancelRequest', { id: 'no-such-request' });
    await assertServing('cancelled requests');
  });

  test('a document closed while it is being checked gets its diagnostics cleared, and nothing later', async () => {
    const uri = 'file:///robustness/closed-mid-check.imr';
    const big = `${LETTER}\n`.repeat(20);
    // The server asks for the document's settings when it starts checking it: close it right then.
    let asked = false;
    onSettingsAsked.set(uri, () => {
      asked = true;
      client.close(uri);
    });
    client.open(uri, big);
    await client.waitForDiagnostics(uri, { accept: (p) => p.diagnostics.length === 0 });
    await serverCaughtUp();
    onSettingsAsked.delete(uri);
    assert.ok(asked, 'the server never started checking the document');
    const forUri = published.filter((p) => p.uri === uri);
    assert.ok(forUri.length > 0, 'the closed document was never cleared');
    assert.deepEqual(forUri[forUri.length - 1].diagnostics, [], 'diagnostics were published for a closed document after it was cleared');
    // The same, closing after an edit while the check of the edit waits for its settings.
    const uri2 = 'file:///robustness/closed-after-edit.imr';
    client.open(uri2, big);
    await client.waitForDiagnostics(uri2, { version: 1 });
    await client.notify('workspace/didChangeConfiguration', { settings: null });
    onSettingsAsked.set(uri2, () => client.close(uri2));
    await client.notify('textDocument/didChange', { textDocument: { uri: uri2, version: 2 }, contentChanges: [{ text: `${big}x` }] });
    await client.waitForDiagnostics(uri2, { accept: (p) => p.diagnostics.length === 0 });
    await serverCaughtUp();
    onSettingsAsked.delete(uri2);
    const forUri2 = published.filter((p) => p.uri === uri2);
    assert.deepEqual(forUri2[forUri2.length - 1].diagnostics, [], 'diagnostics were published for a closed document after it was cleared');
    await assertServing('a document closed mid-check');
  });

  test('a bad setting gives one clear message, and the defaults apply', async () => {
    const before = client.messages.length;
    settings.rules = { 'missing-outcome': 'loud', 'no-such-rule': 'error' };
    settings.drugs = { extra: 'Baclofen', files: [42] };
    await client.notify('workspace/didChangeConfiguration', { settings: null });
    const uri = 'file:///robustness/settings.imr';
    client.open(uri, LETTER);
    const diagnostics = await client.waitForDiagnostics(uri, { version: 1 });
    assert.ok(Array.isArray(diagnostics.diagnostics));
    for (const needle of ['imr.rules.missing-outcome', 'imr.drugs.extra']) await client.waitForMessage((m) => m.type === 2 && m.message.includes(needle));
    const shown = client.messages.slice(before).filter((m) => m.type === 2 /* warning */ || m.type === 1).map((m) => m.message);
    const about = (needle: string) => shown.filter((m) => m.includes(needle));
    // Each problem is reported, once in the log and once as a message (not once per document).
    for (const needle of ['imr.rules.missing-outcome', 'imr.drugs.extra']) {
      assert.ok(about(needle).length >= 1, `no message about ${needle}: ${JSON.stringify(shown)}`);
      assert.ok(about(needle).length <= 2, `${needle} reported ${about(needle).length} times: ${JSON.stringify(shown)}`);
    }
    // A second document does not repeat the messages.
    const count = client.messages.length;
    client.open('file:///robustness/settings-2.imr', LETTER);
    await client.waitForDiagnostics('file:///robustness/settings-2.imr', { version: 1 });
    assert.equal(client.messages.slice(count).filter((m) => m.message.includes('imr.rules.missing-outcome')).length, 0);
    delete settings.rules;
    delete settings.drugs;
    await assertServing('a bad setting');
  });
});
