/**
 * A small LSP client for protocol-level tests: it spawns the built server
 * (`node server/out/server.js --stdio`) and talks to it over stdio as an editor would.
 *
 *   const client = await startClient();
 *   await client.initialize();
 *   const uri = client.open('file:///letters/003.imr', readLetter('003'));
 *   const diagnostics = await client.waitForDiagnostics(uri, { version: 1 });
 *   const symbols = await client.request('textDocument/documentSymbol', { textDocument: { uri } });
 *   await client.shutdown();   // shutdown + exit; kills the process if it does not stop in time
 *
 * Every wait has a deadline and fails with the server's stderr tail, so a hung server never hangs
 * the suite. Call `client.dispose()` in an `after` hook as a safety net (it kills by pid).
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type ClientCapabilities,
  type InitializeResult,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';
import { repoRoot } from '../helpers';
import { LineIndex } from '../../server/src/text/lineIndex';
import type { TextEdit } from 'vscode-languageserver-protocol';

/** The built server bundle the tests run. */
export const serverPath = path.join(repoRoot, 'server', 'out', 'server.js');

/** Default deadline of a request or a wait, in milliseconds. */
export const DEFAULT_TIMEOUT_MS = 10_000;

export interface ClientOptions {
  /** Extra command-line arguments after `--stdio`. */
  args?: string[];
  /** Answer to `workspace/configuration` for the `imr` section (per item); undefined: `{}`. */
  settings?: Record<string, unknown> | ((scopeUri: string | undefined) => Record<string, unknown>);
  /** Deadline for each request and wait (default 10 s). */
  timeoutMs?: number;
}

export interface InitializeOptions {
  rootUri?: string | null;
  workspaceFolders?: Array<{ uri: string; name: string }> | null;
  initializationOptions?: unknown;
  capabilities?: ClientCapabilities;
}

/** The capabilities a modern editor announces (pull configuration, hierarchical symbols, markdown). */
export const DEFAULT_CAPABILITIES: ClientCapabilities = {
  workspace: { configuration: true, workspaceFolders: true, applyEdit: true, symbol: {} },
  textDocument: {
    synchronization: { didSave: true, dynamicRegistration: false },
    publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
    documentSymbol: { hierarchicalDocumentSymbolSupport: true },
    hover: { contentFormat: ['markdown', 'plaintext'] },
    completion: { completionItem: { snippetSupport: true, documentationFormat: ['markdown', 'plaintext'] } },
    foldingRange: { lineFoldingOnly: true },
    documentLink: { tooltipSupport: true },
    codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source.fixAll'] } } },
  },
  window: { workDoneProgress: false },
};

export class LspTestClient {
  readonly connection: ProtocolConnection;
  /** Everything the server wrote to stderr (for failure messages). */
  stderr = '';
  /** The latest diagnostics published per uri. */
  readonly diagnostics = new Map<string, PublishDiagnosticsParams>();
  /** Every `window/showMessage` and `window/logMessage` the server sent. */
  readonly messages: Array<{ type: number; message: string }> = [];
  /** Every `publishDiagnostics`, in order of arrival. */
  readonly published: PublishDiagnosticsParams[] = [];
  private readonly waiters = new Set<{ uri: string; accept: (p: PublishDiagnosticsParams) => boolean; resolve: (p: PublishDiagnosticsParams) => void }>();
  private readonly messageWaiters = new Set<{ accept: (m: { type: number; message: string }) => boolean; resolve: () => void }>();
  private readonly versions = new Map<string, number>();
  private exited = false;
  private readonly exitPromise: Promise<number | null>;

  constructor(
    readonly process: ChildProcessWithoutNullStreams,
    private readonly options: ClientOptions,
  ) {
    this.exitPromise = new Promise((resolve) => process.once('exit', (code) => ((this.exited = true), resolve(code))));
    process.stderr.setEncoding('utf8');
    process.stderr.on('data', (chunk: string) => {
      this.stderr = (this.stderr + chunk).slice(-20_000);
    });
    this.connection = createProtocolConnection(new StreamMessageReader(process.stdout), new StreamMessageWriter(process.stdin));
    this.connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      this.published.push(p);
      this.diagnostics.set(p.uri, p);
      for (const w of [...this.waiters]) {
        if (w.uri === p.uri && w.accept(p)) {
          this.waiters.delete(w);
          w.resolve(p);
        }
      }
    });
    this.connection.onNotification('window/showMessage', (p: { type: number; message: string }) => this.message(p));
    this.connection.onNotification('window/logMessage', (p: { type: number; message: string }) => this.message(p));
    this.connection.onRequest('workspace/configuration', (p: { items: Array<{ scopeUri?: string; section?: string }> }) =>
      p.items.map((item) => {
        const s = this.options.settings;
        const settings = typeof s === 'function' ? s(item.scopeUri) : (s ?? {});
        return item.section === 'imr' || item.section === undefined ? settings : null;
      }),
    );
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onRequest('client/unregisterCapability', () => null);
    this.connection.onRequest('window/workDoneProgress/create', () => null);
    this.connection.onRequest('window/showMessageRequest', () => null);
    this.connection.onRequest('workspace/applyEdit', () => ({ applied: false }));
    this.connection.listen();
  }

  get timeoutMs(): number {
    return this.options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  }

  /** Sends `initialize` then `initialized`; returns the server's answer. */
  async initialize(options: InitializeOptions = {}): Promise<InitializeResult> {
    const result = await this.request<InitializeResult>('initialize', {
      processId: process.pid,
      rootUri: options.rootUri ?? null,
      workspaceFolders: options.workspaceFolders ?? null,
      capabilities: options.capabilities ?? DEFAULT_CAPABILITIES,
      initializationOptions: options.initializationOptions,
    });
    await this.connection.sendNotification('initialized', {});
    return result;
  }

  /** Opens a document (`textDocument/didOpen`); returns its uri. */
  open(uri: string, text: string, languageId = 'imr', version = 1): string {
    this.versions.set(uri, version);
    void this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
    return uri;
  }

  /** Replaces a document's whole text; returns the new version. */
  change(uri: string, text: string): number {
    const version = (this.versions.get(uri) ?? 0) + 1;
    this.versions.set(uri, version);
    void this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
    return version;
  }

  close(uri: string): void {
    this.versions.delete(uri);
    void this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  /**
   * Waits for `publishDiagnostics` for a uri (for a given version when asked; diagnostics already
   * received count). Rejects after the deadline.
   */
  waitForDiagnostics(uri: string, options: { version?: number; timeoutMs?: number; accept?: (p: PublishDiagnosticsParams) => boolean } = {}): Promise<PublishDiagnosticsParams> {
    const accept = (p: PublishDiagnosticsParams) =>
      (options.version === undefined || p.version === undefined || p.version === options.version) && (options.accept?.(p) ?? true);
    const known = this.diagnostics.get(uri);
    if (known && accept(known)) return Promise.resolve(known);
    return this.deadline(
      new Promise<PublishDiagnosticsParams>((resolve) => this.waiters.add({ uri, accept, resolve })),
      options.timeoutMs,
      `diagnostics for ${uri}${options.version !== undefined ? ` version ${options.version}` : ''}`,
    );
  }

  /** Waits until the server has sent a message (shown or logged) that `accept` accepts; messages already received count. */
  waitForMessage(accept: (m: { type: number; message: string }) => boolean, timeoutMs?: number): Promise<void> {
    if (this.messages.some(accept)) return Promise.resolve();
    return this.deadline(new Promise<void>((resolve) => this.messageWaiters.add({ accept, resolve })), timeoutMs, 'a message from the server');
  }

  private message(m: { type: number; message: string }): void {
    this.messages.push(m);
    for (const w of [...this.messageWaiters]) {
      if (!w.accept(m)) continue;
      this.messageWaiters.delete(w);
      w.resolve();
    }
  }

  /** Sends a request and waits for its answer, with a deadline. */
  request<R = unknown>(method: string, params: unknown, timeoutMs?: number): Promise<R> {
    return this.deadline(this.connection.sendRequest<R>(method, params), timeoutMs, `the answer to ${method}`);
  }

  notify(method: string, params: unknown): Promise<void> {
    return this.connection.sendNotification(method, params);
  }

  /** `shutdown` then `exit`; waits for the process to end, killing it if it does not in time. */
  async shutdown(timeoutMs = this.timeoutMs): Promise<number | null> {
    if (this.exited) return this.exitPromise;
    try {
      await this.request('shutdown', null, timeoutMs);
      await this.connection.sendNotification('exit');
    } catch {
      // A server that does not answer is killed below.
    }
    const timer = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), timeoutMs).unref());
    const result = await Promise.race([this.exitPromise, timer]);
    if (result === 'timeout') {
      this.kill();
      return this.exitPromise;
    }
    this.connection.dispose();
    return result;
  }

  /** Kills the server process (by pid) if it still runs. */
  kill(): void {
    if (!this.exited) this.process.kill('SIGKILL');
    this.connection.dispose();
  }

  /** Safety net for `after` hooks. */
  dispose(): void {
    this.kill();
  }

  private deadline<T>(promise: Promise<T>, timeoutMs = this.timeoutMs, what: string): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const expired = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}${this.exited ? ' (the server exited)' : ''}\nserver stderr:\n${this.stderr.slice(-2000)}`));
      }, timeoutMs);
    });
    return Promise.race([promise, expired]).finally(() => clearTimeout(timer));
  }
}

/** Spawns the built server over stdio and connects to it. Run `npm run build` first. */
export async function startClient(options: ClientOptions = {}): Promise<LspTestClient> {
  if (!fs.existsSync(serverPath)) throw new Error(`${serverPath} is missing: run npm run build first`);
  const child = spawn(process.execPath, [serverPath, '--stdio', ...(options.args ?? [])], {
    cwd: repoRoot,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  return new LspTestClient(child, options);
}

/** A file: uri for a path (the letters' own paths, or made-up ones). */
export function fileUri(file: string): string {
  return pathToFileURL(file).href;
}

/** The zero-based position of the first occurrence of `needle` in `text` (plus `delta` characters). */
export function positionOf(text: string, needle: string, delta = 0, occurrence = 1): { line: number; character: number } {
  let at = -1;
  for (let n = 0; n < occurrence; n++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`"${needle}" not found (occurrence ${n + 1})`);
  }
  const offset = at + delta;
  const before = text.slice(0, offset);
  const line = before.split(/\r\n|\r|\n/).length - 1;
  const lineStart = Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r')) + 1;
  return { line, character: offset - lineStart };
}

/** Applies LSP text edits (as a quick fix or a normalisation returns them) to a text. */
export function applyTextEdits(text: string, edits: TextEdit[]): string {
  const lines = new LineIndex(text);
  const offsets = edits
    .map((e) => ({ start: lines.offsetAt(e.range.start), end: lines.offsetAt(e.range.end), newText: e.newText }))
    .sort((a, b) => b.start - a.start);
  let out = text;
  for (const e of offsets) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}
