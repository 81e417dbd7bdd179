/**
 * The language server: a thin LSP adapter over the pure language service (`service/`). Each handler
 * passes one request to the service; this file adds what needs Node or the connection: the
 * transport, the debounce timers, the MTUS store on disk, word-list files and workspace folders.
 */
import { fileURLToPath } from 'url';
import {
  CodeActionKind,
  createConnection,
  FileChangeType,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument, type TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-types';
import {
  ImrNotifications,
  ImrRequests,
  type FindLettersParams,
  type FindLettersResult,
  type ImportMtusParams,
  type ImportMtusResult,
  type InitializationOptions,
  type MtusPageParams,
  type OpenLetterPdfParams,
  type OpenLetterPdfResult,
  type NormalizeParams,
  type SetTrustedParams,
  type UriParams,
  SETTINGS_SECTION,
} from './features/requests';
import { mtusPageText } from './features/mtusPage';
import { defaultKnowledge } from './knowledge';
import { defaultMtusFolder, importMtusPdf, loadMtusStore } from './node/mtusStore';
import { letterPdfForEditor } from './node/pdfLetter';
import { readWordLists } from './node/wordLists';
import { pathOf, WorkspaceDiagnostics } from './node/workspaceDiagnostics';
import { relativeLetterPaths, WorkspaceLetters } from './node/workspace';
import { LanguageService } from './service/languageService';
import { LineIndex } from './text/lineIndex';

declare const __VERSION__: string;
const VERSION = typeof __VERSION__ === 'string' ? __VERSION__ : 'dev';

const USAGE = `usage: imr-language-server [--stdio | --node-ipc | --socket=PORT]

The IMR Decision Tools language server. It speaks the Language Server Protocol over the
transport given; editors start it for you.`;

/** How long to wait after the last edit before checking a letter again. */
const DEBOUNCE_MS = 150;

/** The server: the language service, and the connection and Node resources it is given. */
export class ImrServer {
  readonly documents = new TextDocuments({ create: TextDocument.create, update: updateDocument });
  /** The letters on disk in the workspace folders (workspace symbols). */
  readonly workspaceLetters = new WorkspaceLetters([]);
  readonly service: LanguageService;
  /**
   * The problems of the letters that are not open, read from disk: the server owns every letter's
   * problems. Checked at start, when a watched file changes, when a letter closes, on
   * `imr/checkWorkspace` (Check All), and when settings, folders or knowledge change.
   */
  readonly closedLetters: WorkspaceDiagnostics<Diagnostic>;
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private pullConfiguration = false;
  private folderChanges = false;
  private rootPath: string | undefined;
  private mtusStorage: string | undefined;
  private mtusImported = false;

  constructor(readonly connection: Connection) {
    this.service = new LanguageService({
      documents: this.documents,
      log: connection.console,
      workspaceLetters: this.workspaceLetters,
      uriToPath: (uri) => (uri.startsWith('file:') ? fileURLToPath(uri) : uri),
      configuration: (uri) => (this.pullConfiguration ? connection.workspace.getConfiguration({ scopeUri: uri, section: SETTINGS_SECTION }) : Promise.resolve(undefined)),
      readWordLists: (files) => readWordLists(files, this.rootPath),
      showProblem: (problem) => {
        connection.console.warn(problem);
        void connection.window.showWarningMessage(`IMR Decision Tools: ${problem}`);
      },
    });
    this.closedLetters = new WorkspaceDiagnostics<Diagnostic>(this.workspaceLetters, {
      openPaths: () => new Set(this.documents.all().flatMap((d) => pathOf(d.uri) ?? [])),
      diagnose: (uri, text) => this.service.diagnoseText(uri, text),
      publish: (uri, diagnostics) => void this.connection.sendDiagnostics({ uri, diagnostics }),
    });
  }

  /**
   * Warms the engine in idle time (`service/warmUp.ts`), one analysis per turn of the event loop,
   * while no letter is open: once one is, its own analysis warms the engine, and it must not wait.
   */
  private warmUp(): void {
    const steps = this.service.warmUp();
    const next = (): void => {
      if (this.documents.all().length === 0 && !steps.next().done) setImmediate(next);
    };
    setImmediate(next);
  }

  /** Checks a document after a pause; a newer edit cancels the pending check. */
  schedule(doc: TextDocument, delay = DEBOUNCE_MS): void {
    this.cancel(doc.uri);
    const timer = setTimeout(() => {
      this.timers.delete(doc.uri);
      void this.validate(doc.uri);
    }, delay);
    this.timers.set(doc.uri, timer);
  }

  private cancel(uri: string): void {
    clearTimeout(this.timers.get(uri));
    this.timers.delete(uri);
  }

  private async validate(uri: string): Promise<void> {
    const published = await this.service.validate(uri);
    if (published) await this.connection.sendDiagnostics(published);
  }

  /** Checks every letter again, open and closed (settings, trust, folders or knowledge changed). */
  private revalidateAll(): void {
    for (const doc of this.documents.all()) this.schedule(doc, 0);
    void this.closedLetters.refreshAll();
  }

  private initialize(params: InitializeParams): InitializeResult {
    this.pullConfiguration = !!params.capabilities.workspace?.configuration;
    const root = params.workspaceFolders?.[0]?.uri ?? params.rootUri;
    if (root?.startsWith('file:')) this.rootPath = fileURLToPath(root);
    this.folderChanges = !!params.capabilities.workspace?.workspaceFolders;
    const folders = params.workspaceFolders ? params.workspaceFolders.map((f) => f.uri) : params.rootUri ? [params.rootUri] : [];
    this.setFolders(folders);
    const init = params.initializationOptions as Partial<InitializationOptions> | undefined;
    if (typeof init?.trusted === 'boolean') this.service.settings.setTrusted(init.trusted);
    if (typeof init?.mtusStorage === 'string') this.mtusStorage = init.mtusStorage;
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, `${CodeActionKind.SourceFixAll}.imr`] },
        documentSymbolProvider: { label: 'IMR decision' },
        workspaceSymbolProvider: true,
        foldingRangeProvider: true,
        hoverProvider: true,
        completionProvider: { triggerCharacters: [':', ' '], resolveProvider: false },
        documentLinkProvider: { resolveProvider: false },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'imr-language-server', version: VERSION },
    };
  }

  /** The workspace folders' paths become the roots of the letter scan (non-file folders are skipped). */
  private setFolders(uris: string[]): void {
    const paths: string[] = [];
    for (const uri of uris) {
      if (!uri.startsWith('file:')) continue;
      try {
        paths.push(fileURLToPath(uri));
      } catch {
        // Not a local folder: nothing to scan.
      }
    }
    this.workspaceLetters.setRoots(paths);
  }

  private async findLetters(p: FindLettersParams): Promise<FindLettersResult> {
    try {
      if (!p?.folderUri?.startsWith('file:')) return { files: [], truncated: false };
      return await relativeLetterPaths(fileURLToPath(p.folderUri));
    } catch {
      return { files: [], truncated: false };
    }
  }

  /** Where imported MTUS text is kept: `imr.mtus.folder` (validated; trusted workspaces), else the extension's storage. */
  private async mtusFolder(): Promise<string> {
    return (await this.service.settings.mtusFolder()) || (this.mtusStorage ?? defaultMtusFolder());
  }

  /** Loads the imported MTUS text (if any) into the knowledge and re-checks the open letters. */
  private async reloadMtus(): Promise<void> {
    const { guidelines, problems } = loadMtusStore(await this.mtusFolder());
    for (const p of problems) this.service.settings.report(p);
    if (guidelines.length === 0 && !this.mtusImported) return;
    this.mtusImported = guidelines.length > 0;
    this.service.setKnowledge({ ...this.service.baseKnowledge, mtus: defaultKnowledge().mtus.withImported(guidelines) });
    this.revalidateAll();
  }

  private async importMtus(params: ImportMtusParams): Promise<ImportMtusResult> {
    if (!params || typeof params.file !== 'string') return { ok: false, error: 'No PDF file was given.' };
    const outcome = await importMtusPdf(params.file, await this.mtusFolder());
    if (!outcome.ok) return outcome;
    await this.reloadMtus();
    return { ok: true, name: outcome.name, firstPrinted: outcome.firstPrinted, lastPrinted: outcome.lastPrinted, warnings: outcome.warnings };
  }

  /** Wires the connection's requests and notifications to the service. */
  start(): void {
    const { connection, documents, service } = this;
    connection.onInitialize((params) => this.initialize(params));
    connection.onInitialized(() => this.initialized());
    connection.onDidChangeConfiguration(() => {
      service.settings.changed();
      void this.reloadMtus();
      this.revalidateAll();
    });
    connection.onNotification(ImrNotifications.setTrusted, (p: SetTrustedParams) => {
      service.settings.setTrusted(p?.trusted !== false);
      this.revalidateAll();
    });
    // The documents fire onDidChangeContent right after onDidOpen, for the same version: an opened
    // letter is checked at once, not after the typing debounce.
    let opened: TextDocument | undefined;
    documents.onDidOpen((e) => {
      opened = e.document;
      this.schedule(e.document, 0);
    });
    documents.onDidChangeContent((e) => {
      const justOpened = opened === e.document;
      opened = undefined;
      if (!justOpened) this.schedule(e.document);
    });
    documents.onDidClose((e) => {
      this.cancel(e.document.uri);
      service.close(e.document.uri);
      void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
      // A closed letter on disk keeps its problems, read from the file.
      void this.closedLetters.closed(e.document.uri);
    });
    connection.onDidChangeWatchedFiles((params) => {
      for (const change of params.changes) void this.closedLetters.fileChanged(change.uri, change.type === FileChangeType.Deleted);
    });
    connection.onRequest(ImrRequests.checkWorkspace, () => this.closedLetters.refreshAll());
    connection.onCodeAction((p) => service.codeActions(p.textDocument.uri, p.context.diagnostics, p.context.only));
    connection.onDocumentSymbol((p) => service.documentSymbols(p.textDocument.uri));
    connection.onFoldingRanges((p) => service.foldingRanges(p.textDocument.uri));
    connection.onHover((p) => service.hover(p.textDocument.uri, p.position));
    connection.onCompletion((p) => service.completion(p.textDocument.uri, p.position));
    connection.onDocumentLinks((p) => service.documentLinks(p.textDocument.uri));
    connection.onWorkspaceSymbol((p) => service.workspaceSymbols(p.query));
    connection.onRequest(ImrRequests.summary, (p: UriParams) => service.summary(p?.uri));
    connection.onRequest(ImrRequests.exportJson, (p: UriParams) => service.exportJson(p?.uri));
    connection.onRequest(ImrRequests.normalize, (p: NormalizeParams) => service.normalize(p?.uri, p?.range));
    connection.onRequest(ImrRequests.findLetters, (p: FindLettersParams) => this.findLetters(p));
    connection.onRequest(ImrRequests.importMtusPdf, (p: ImportMtusParams) => this.importMtus(p));
    connection.onRequest(ImrRequests.mtusPage, (p: MtusPageParams) =>
      typeof p?.file === 'string' && Number.isInteger(p.pdfPage) ? mtusPageText(service.baseKnowledge.mtus, p.file, p.pdfPage) : null,
    );
    connection.onRequest(ImrRequests.openLetterPdf, (p: OpenLetterPdfParams): Promise<OpenLetterPdfResult> =>
      typeof p?.file === 'string' ? letterPdfForEditor(p.file) : Promise.resolve({ ok: false, error: 'no PDF file given' }),
    );
    documents.listen(connection);
    connection.listen();
  }

  private initialized(): void {
    this.warmUp();
    // An MTUS import found at start re-checks every letter itself (reloadMtus); else the closed ones are read now.
    void this.reloadMtus().then(() => (this.mtusImported ? undefined : this.closedLetters.refreshAll()));
    if (!this.folderChanges) return;
    this.connection.workspace.onDidChangeWorkspaceFolders(async () => {
      const folders = await this.connection.workspace.getWorkspaceFolders();
      this.setFolders((folders ?? []).map((f) => f.uri));
      void this.closedLetters.refreshAll();
    });
  }
}

/**
 * Applies incremental changes. The text-document library mis-counts lines at a lone CR (a CR then
 * an inserted LF reads as two breaks), so a text holding a CR is rebuilt with our own line index,
 * which counts CR, LF and CRLF as LSP does.
 */
export function updateDocument(doc: TextDocument, changes: TextDocumentContentChangeEvent[], version: number): TextDocument {
  if (!doc.getText().includes('\r') && !changes.some((c) => c.text.includes('\r'))) return TextDocument.update(doc, changes, version);
  let text = doc.getText();
  for (const change of changes) {
    if (!('range' in change) || !change.range) {
      text = change.text;
      continue;
    }
    const lines = new LineIndex(text);
    const start = lines.offsetAt(change.range.start);
    const end = Math.max(start, lines.offsetAt(change.range.end));
    text = text.slice(0, start) + change.text + text.slice(end);
  }
  return TextDocument.create(doc.uri, doc.languageId, version, text);
}

/** Starts the server on the connection given (the transport comes from the command line). */
export function startServer(connection: Connection): ImrServer {
  const server = new ImrServer(connection);
  server.start();
  return server;
}

if (require.main === module) {
  const args = process.argv.slice(2);
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(USAGE + '\n');
    process.exit(0);
  }
  if (args.includes('--version')) {
    process.stdout.write(`${VERSION}\n`);
    process.exit(0);
  }
  startServer(createConnection(ProposedFeatures.all));
}
