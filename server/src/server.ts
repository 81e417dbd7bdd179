/**
 * The language server: a thin LSP adapter over the pure engine. Each handler converts positions,
 * calls one function of the language service, and converts the answer back.
 */
import {
  CodeActionKind,
  createConnection,
  DiagnosticSeverity,
  FileChangeType,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  type CodeAction,
  type Connection,
  type Diagnostic,
  type InitializeResult,
  type TextEdit,
} from 'vscode-languageserver/node';
import { TextDocument, type TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import { parse } from './parser/parse';
import { docUrl } from './checks';
import { suppressionFixes } from './checks/suppress';
import type { Finding, Fix, Severity } from './checks/types';
import { analyze, type Analysis } from './engine';
import { defaultKnowledge, type Knowledge } from './knowledge';
import { defaultMtusFolder, importMtusPdf, loadMtusStore } from './node/mtusStore';
import { letterPdfForEditor } from './node/pdfLetter';
import { readWordLists } from './node/wordLists';
import { DEFAULT_SETTINGS, readSettings, type Settings } from './settings';
import { fileURLToPath } from 'url';
import { LineIndex } from './text/lineIndex';
import { completions } from './features/completion';
import { foldingRanges } from './features/folding';
import { hover } from './features/hover';
import { mtusPageText } from './features/mtusPage';
import { documentLinks } from './features/links';
import { normalizePdfText } from './features/normalize';
import {
  ImrRequests,
  type ExportResult,
  type FindLettersParams,
  type FindLettersResult,
  type ImportMtusParams,
  type ImportMtusResult,
  type MtusPageParams,
  type OpenLetterPdfParams,
  type OpenLetterPdfResult,
  type NormalizeParams,
  type NormalizeResponse,
  type SummaryParams,
  type SummaryResult,
  type UriParams,
} from './features/requests';
import { decisionSummary, statusText, summaryMarkdown } from './features/summary';
import { documentSymbols } from './features/symbols';
import { indexLetter, workspaceSymbols } from './features/workspaceSymbols';
import { decisionToJson, findingsToJson } from './json';
import { relativeLetterPaths, WorkspaceLetters } from './node/workspace';
import { pathOf, WorkspaceDiagnostics } from './node/workspaceDiagnostics';

declare const __VERSION__: string;
const VERSION = typeof __VERSION__ === 'string' ? __VERSION__ : 'dev';

const USAGE = `usage: imr-language-server [--stdio | --node-ipc | --socket=PORT]

The IMR Decision Tools language server. It speaks the Language Server Protocol over the
transport given; editors start it for you.`;

/** How long to wait after the last edit before checking a letter again. */
const DEBOUNCE_MS = 150;

/** Parsed and checked state of one open letter, cached per document version. */
export interface DocumentState {
  uri: string;
  version: number;
  analysis: Analysis;
  lines: LineIndex;
  /** The knowledge the analysis used (bundled, plus the user's drug names and imports). */
  knowledge: Knowledge;
  /** The outline, computed once per version (editors ask for it often). */
  symbols?: ReturnType<typeof documentSymbols>;
}

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** Converts a finding to an LSP diagnostic; `data` keeps what code actions need. */
export function toDiagnostic(f: Finding, uri: string, lines: LineIndex): Diagnostic {
  return {
    range: lines.range(f.start, f.end),
    severity: SEVERITY[f.severity],
    code: f.code,
    codeDescription: { href: docUrl(f.code) },
    source: 'imr',
    message: f.message,
    ...(f.related?.length
      ? { relatedInformation: f.related.map((r) => ({ location: { uri, range: lines.range(r.start, r.end) }, message: r.message })) }
      : {}),
    data: { ...(f.data ?? {}), start: f.start, end: f.end },
  };
}

/** The language server's state and handlers; `connection` is any LSP connection (stdio, IPC, tests). */
export class ImrServer {
  readonly documents = new TextDocuments({ create: TextDocument.create, update: updateDocument });
  private readonly states = new Map<string, DocumentState>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly settingsCache = new Map<string, Promise<Settings>>();
  private pullConfiguration = false;
  private trusted = true;
  private mtusStorage: string | undefined;
  private mtusImported = false;
  private rootPath: string | undefined;
  /** Built on first use, not at start-up: `initialize` is answered before the lexicon is indexed. */
  private knowledgeOverride: Knowledge | undefined;
  private get baseKnowledge(): Knowledge {
    return this.knowledgeOverride ?? defaultKnowledge();
  }
  /** The letters on disk in the workspace folders (workspace symbols). */
  readonly workspaceLetters = new WorkspaceLetters([]);
  /** The client tells us when workspace folders change. */
  private folderChanges = false;
  /** The problems of the letters that are not open, read from disk (see startWorkspaceDiagnostics). */
  readonly closedLetters = new WorkspaceDiagnostics<Diagnostic>(this.workspaceLetters, {
    openPaths: () => new Set(this.documents.all().flatMap((d) => pathOf(d.uri) ?? [])),
    diagnose: (uri, text) => this.diagnoseClosed(uri, text),
    publish: (uri, diagnostics) => void this.connection.sendDiagnostics({ uri, diagnostics }),
  });

  constructor(readonly connection: Connection) {}

  /** The analysis of an open document at its current version (cached). */
  stateOf(doc: TextDocument, settings: Settings = this.lastSettings.get(doc.uri) ?? DEFAULT_SETTINGS): DocumentState {
    const cached = this.states.get(doc.uri);
    if (cached && cached.version === doc.version) return cached;
    const text = doc.getText();
    const knowledge = this.knowledgeFor(settings);
    const analysis = safeAnalyze(text, knowledge, settings, (message) => this.connection.console.error(`analysis failed on ${doc.uri}: ${message}`));
    for (const failure of analysis.failures) this.connection.console.error(`check failed on ${doc.uri}: ${failure}`);
    for (const limit of analysis.decision.limits) this.connection.console.warn(`${doc.uri}: ${limit}`);
    const state: DocumentState = { uri: doc.uri, version: doc.version, analysis, lines: new LineIndex(text), knowledge };
    this.states.set(doc.uri, state);
    return state;
  }

  private readonly lastSettings = new Map<string, Settings>();
  private readonly knowledgeCache = new Map<string, Knowledge>();

  private knowledgeFor(settings: Settings): Knowledge {
    if (settings.extraDrugs.length === 0) return this.baseKnowledge;
    const key = settings.extraDrugs.join('\n');
    let k = this.knowledgeCache.get(key);
    if (!k) {
      k = { ...this.baseKnowledge, drugs: this.baseKnowledge.drugs.withExtra(settings.extraDrugs) };
      if (this.knowledgeCache.size > 16) this.knowledgeCache.clear();
      this.knowledgeCache.set(key, k);
    }
    return k;
  }

  /** Replaces the knowledge (e.g. after an MTUS import) and re-checks every open letter. */
  setKnowledge(knowledge: Knowledge): void {
    this.knowledgeOverride = knowledge;
    this.knowledgeCache.clear();
    this.states.clear();
    this.workspaceLetters.clear();
    for (const doc of this.documents.all()) this.schedule(doc, 0);
    void this.closedLetters.refreshAll();
  }

  private settingsFor(uri: string): Promise<Settings> {
    if (!this.pullConfiguration) return Promise.resolve(DEFAULT_SETTINGS);
    let pending = this.settingsCache.get(uri);
    if (!pending) {
      pending = this.connection.workspace
        .getConfiguration({ scopeUri: uri, section: 'imr' })
        .then((raw: unknown) => {
          const { settings, problems } = readSettings(raw, { trusted: this.trusted });
          if (settings.drugFiles.length) {
            const lists = readWordLists(settings.drugFiles, this.rootPath);
            problems.push(...lists.problems);
            settings.extraDrugs = [...settings.extraDrugs, ...lists.names];
          }
          for (const p of problems) this.reportOnce(p);
          return settings;
        })
        .catch(() => DEFAULT_SETTINGS);
      this.settingsCache.set(uri, pending);
    }
    return pending;
  }

  private readonly reported = new Set<string>();

  /** Shows a settings problem once per session, in the log and as a message. */
  private reportOnce(problem: string): void {
    if (this.reported.has(problem)) return;
    this.reported.add(problem);
    this.connection.console.warn(problem);
    void this.connection.window.showWarningMessage(`IMR Decision Tools: ${problem}`);
  }

  /** Checks a document after a pause; a newer edit cancels the pending check. */
  schedule(doc: TextDocument, delay = DEBOUNCE_MS): void {
    const previous = this.timers.get(doc.uri);
    if (previous) clearTimeout(previous);
    this.timers.set(
      doc.uri,
      setTimeout(() => {
        this.timers.delete(doc.uri);
        void this.validate(doc.uri);
      }, delay),
    );
  }

  private async validate(uri: string): Promise<void> {
    const doc = this.documents.get(uri);
    if (!doc) return;
    const version = doc.version;
    const settings = await this.settingsFor(uri);
    const current = this.documents.get(uri);
    // Stale: the document changed or closed while settings were fetched; its own check is scheduled.
    if (!current || current.version !== version) return;
    if (this.lastSettings.get(uri) !== settings) {
      this.lastSettings.set(uri, settings);
      if (this.states.get(uri)?.version === version) this.states.delete(uri);
    }
    const state = this.stateOf(current, settings);
    const diagnostics = state.analysis.findings.map((f) => toDiagnostic(f, uri, state.lines));
    await this.connection.sendDiagnostics({ uri, version, diagnostics });
  }

  /** The diagnostics of a letter that is not open, from its text on disk, with its folder's settings. */
  private async diagnoseClosed(uri: string, text: string): Promise<Diagnostic[]> {
    const settings = await this.settingsFor(uri);
    const analysis = safeAnalyze(text, this.knowledgeFor(settings), settings, (message) => this.connection.console.error(`analysis failed on ${uri}: ${message}`));
    const lines = new LineIndex(text);
    return analysis.findings.map((f) => toDiagnostic(f, uri, lines));
  }

  /**
   * Workspace diagnostics: the server owns the problems of every letter in the workspace. Closed
   * letters are checked from disk at start, when a watched file changes, when a letter is closed,
   * and on `imr/checkWorkspace` (the Check All command); settings, folder and knowledge changes
   * call `closedLetters.refreshAll()` where they happen.
   */
  private startWorkspaceDiagnostics(): void {
    this.connection.onDidChangeWatchedFiles((params) => {
      for (const change of params.changes) void this.closedLetters.fileChanged(change.uri, change.type === FileChangeType.Deleted);
    });
    this.documents.onDidClose((e) => void this.closedLetters.closed(e.document.uri));
    this.connection.onRequest(ImrRequests.checkWorkspace, () => this.closedLetters.refreshAll());
  }

  /** Quick fixes for the diagnostics in range, plus "disable" fixes and source.fixAll.imr. */
  codeActions(uri: string, range: { start: { line: number; character: number }; end: { line: number; character: number } }, only?: string[]): CodeAction[] {
    const doc = this.documents.get(uri);
    if (!doc) return [];
    const state = this.stateOf(doc);
    const { lines, analysis } = state;
    const toEdits = (fix: Fix): TextEdit[] => fix.edits.map((e) => ({ range: lines.range(e.start, e.end), newText: e.newText }));
    const wantsFixAll = !only || only.some((k) => CodeActionKind.SourceFixAll.startsWith(k) || k.startsWith(CodeActionKind.SourceFixAll));
    const wantsQuickFix = !only || only.some((k) => k === CodeActionKind.QuickFix || k === 'quickfix' || CodeActionKind.QuickFix.startsWith(k));
    const actions: CodeAction[] = [];
    if (wantsQuickFix) {
      const from = lines.offsetAt(range.start);
      const to = lines.offsetAt(range.end);
      for (const f of analysis.findings) {
        if (f.end < from || f.start > to) continue;
        const diagnostic = toDiagnostic(f, uri, lines);
        for (const fix of [...(f.fixes ?? []), ...suppressionFixes(f, analysis.text)]) {
          actions.push({
            title: fix.title,
            kind: CodeActionKind.QuickFix,
            diagnostics: [diagnostic],
            isPreferred: fix.preferred,
            edit: { changes: { [uri]: toEdits(fix) } },
          });
        }
      }
    }
    if (wantsFixAll) {
      const safe = safeFixEdits(analysis.findings);
      if (safe.length) {
        actions.push({
          title: 'Fix all safe IMR problems',
          kind: `${CodeActionKind.SourceFixAll}.imr`,
          edit: { changes: { [uri]: safe.map((e) => ({ range: lines.range(e.start, e.end), newText: e.newText })) } },
        });
      }
    }
    return actions;
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

  /** Runs a feature on an open document's cached analysis; a failure is logged and gives `fallback`. */
  private feature<T>(uri: string | undefined, fallback: T, run: (state: DocumentState) => T): T {
    const doc = uri ? this.documents.get(uri) : undefined;
    if (!doc) return fallback;
    try {
      return run(this.stateOf(doc));
    } catch (e) {
      this.connection.console.error(`${uri}: ${(e as Error)?.stack ?? String(e)}`);
      return fallback;
    }
  }

  /** Workspace symbols: open letters as they are in the editor, the others as they are on disk. */
  async workspaceSymbols(query: string) {
    try {
      const open = this.documents.all().map((d) => {
        const s = this.stateOf(d);
        return indexLetter(d.uri, s, s.knowledge);
      });
      const onDisk = await this.workspaceLetters.letters(this.baseKnowledge, new Set(open.map((l) => l.uri)));
      return workspaceSymbols([...open, ...onDisk], query ?? '');
    } catch (e) {
      this.connection.console.error(`workspace symbols: ${(e as Error)?.stack ?? String(e)}`);
      return [];
    }
  }

  private summary(s: DocumentState): SummaryResult {
    const summary = decisionSummary(s);
    return { ...summary, version: s.version, status: statusText(summary), markdown: summaryMarkdown(summary) };
  }

  private exportJson(s: DocumentState): ExportResult {
    const file = s.uri.startsWith('file:') ? fileURLToPath(s.uri) : s.uri;
    return {
      file,
      decision: decisionToJson(s.analysis.decision, s.analysis.text, s.lines),
      diagnostics: findingsToJson(s.analysis.findings, s.analysis.text, s.lines),
    };
  }

  private normalize(s: DocumentState, range: NormalizeParams['range']): NormalizeResponse {
    const offsets = range ? { start: s.lines.offsetAt(range.start), end: s.lines.offsetAt(range.end) } : undefined;
    const result = normalizePdfText(s, offsets && offsets.end > offsets.start ? offsets : undefined);
    return {
      version: s.version,
      edits: result.edits.map((e) => ({ range: s.lines.range(e.start, e.end), newText: e.newText })),
      message: result.message,
    };
  }

  private async findLetters(p: FindLettersParams): Promise<FindLettersResult> {
    try {
      if (!p?.folderUri?.startsWith('file:')) return { files: [], truncated: false };
      return await relativeLetterPaths(fileURLToPath(p.folderUri));
    } catch {
      return { files: [], truncated: false };
    }
  }

  /** Where imported MTUS text is kept: `imr.mtus.folder` (trusted workspaces), else the extension's storage. */
  private async mtusFolder(): Promise<string> {
    if (this.pullConfiguration && this.trusted) {
      try {
        const value: unknown = await this.connection.workspace.getConfiguration({ section: 'imr.mtus.folder' });
        if (typeof value === 'string' && value.trim()) return value.trim();
      } catch {
        // No answer: fall back to the storage folder.
      }
    }
    return this.mtusStorage ?? defaultMtusFolder();
  }

  /** Loads the imported MTUS text (if any) into the knowledge and re-checks the open letters. */
  private async reloadMtus(): Promise<void> {
    const { guidelines, problems } = loadMtusStore(await this.mtusFolder());
    for (const p of problems) this.reportOnce(p);
    if (guidelines.length === 0 && !this.mtusImported) return;
    this.mtusImported = guidelines.length > 0;
    this.setKnowledge({ ...this.baseKnowledge, mtus: defaultKnowledge().mtus.withImported(guidelines) });
  }

  private async importMtus(params: ImportMtusParams): Promise<ImportMtusResult> {
    if (!params || typeof params.file !== 'string') return { ok: false, error: 'No PDF file was given.' };
    const outcome = await importMtusPdf(params.file, await this.mtusFolder());
    if (!outcome.ok) return outcome;
    await this.reloadMtus();
    return { ok: true, name: outcome.name, firstPrinted: outcome.firstPrinted, lastPrinted: outcome.lastPrinted, warnings: outcome.warnings };
  }

  start(): void {
    const { connection, documents } = this;
    connection.onInitialize((params): InitializeResult => {
      this.pullConfiguration = !!params.capabilities.workspace?.configuration;
      const root = params.workspaceFolders?.[0]?.uri ?? params.rootUri;
      if (root?.startsWith('file:')) this.rootPath = fileURLToPath(root);
      this.folderChanges = !!params.capabilities.workspace?.workspaceFolders;
      this.setFolders((params.workspaceFolders ?? []).map((f) => f.uri).concat(params.workspaceFolders ? [] : params.rootUri ? [params.rootUri] : []));
      const init = params.initializationOptions as { trusted?: boolean; mtusStorage?: string } | undefined;
      if (init && typeof init.trusted === 'boolean') this.trusted = init.trusted;
      if (init && typeof init.mtusStorage === 'string') this.mtusStorage = init.mtusStorage;
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
    });
    connection.onDidChangeConfiguration(() => {
      this.settingsCache.clear();
      void this.reloadMtus();
      for (const doc of documents.all()) this.schedule(doc, 0);
      void this.closedLetters.refreshAll();
    });
    connection.onNotification('imr/setTrusted', (params: { trusted?: boolean }) => {
      this.trusted = params?.trusted !== false;
      this.settingsCache.clear();
      for (const doc of documents.all()) this.schedule(doc, 0);
    });
    documents.onDidOpen((e) => this.schedule(e.document, 0));
    documents.onDidChangeContent((e) => this.schedule(e.document));
    documents.onDidClose((e) => {
      const timer = this.timers.get(e.document.uri);
      if (timer) clearTimeout(timer);
      this.timers.delete(e.document.uri);
      this.states.delete(e.document.uri);
      this.lastSettings.delete(e.document.uri);
      this.settingsCache.delete(e.document.uri);
      void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
    });
    connection.onCodeAction((params) => this.codeActions(params.textDocument.uri, params.range, params.context.only));
    connection.onInitialized(() => {
      // An MTUS import found at start re-checks every letter itself (setKnowledge).
      void this.reloadMtus().then(() => (this.mtusImported ? undefined : this.closedLetters.refreshAll()));
      if (!this.folderChanges) return;
      connection.workspace.onDidChangeWorkspaceFolders(async () => {
        const folders = await connection.workspace.getWorkspaceFolders();
        this.setFolders((folders ?? []).map((f) => f.uri));
        void this.closedLetters.refreshAll();
      });
    });
    // Editor features: one call into a feature module each, on the cached analysis of the version.
    connection.onDocumentSymbol((p) => this.feature(p.textDocument.uri, [], (s) => (s.symbols ??= documentSymbols(s))));
    connection.onFoldingRanges((p) => this.feature(p.textDocument.uri, [], (s) => foldingRanges(s)));
    connection.onHover((p) => this.feature(p.textDocument.uri, null, (s) => hover(s, s.lines.offsetAt(p.position), s.knowledge)));
    connection.onCompletion((p) => this.feature(p.textDocument.uri, { isIncomplete: false, items: [] }, (s) => completions(s, s.lines.offsetAt(p.position), s.knowledge)));
    connection.onDocumentLinks((p) => this.feature(p.textDocument.uri, [], (s) => documentLinks(s, s.knowledge)));
    connection.onWorkspaceSymbol((p) => this.workspaceSymbols(p.query));
    connection.onRequest(ImrRequests.summary, (p: SummaryParams) => this.feature(p?.uri, null, (s) => this.summary(s)));
    connection.onRequest(ImrRequests.exportJson, (p: UriParams) => this.feature(p?.uri, null, (s) => this.exportJson(s)));
    connection.onRequest(ImrRequests.normalize, (p: NormalizeParams) => this.feature(p?.uri, null, (s) => this.normalize(s, p.range)));
    connection.onRequest(ImrRequests.findLetters, (p: FindLettersParams) => this.findLetters(p));
    connection.onRequest(ImrRequests.importMtusPdf, (p: ImportMtusParams) => this.importMtus(p));
    connection.onRequest(ImrRequests.mtusPage, (p: MtusPageParams) =>
      typeof p?.file === 'string' && Number.isInteger(p.pdfPage) ? mtusPageText(this.baseKnowledge.mtus, p.file, p.pdfPage) : null,
    );
    this.startWorkspaceDiagnostics();
    connection.onRequest(ImrRequests.openLetterPdf, (p: OpenLetterPdfParams): Promise<OpenLetterPdfResult> =>
      typeof p?.file === 'string' ? letterPdfForEditor(p.file) : Promise.resolve({ ok: false, error: 'no PDF file given' }),
    );
    documents.listen(connection);
    connection.listen();
  }
}

/**
 * Analyses a letter; a failure of the parser itself (a bug, never the user's fault) gives an empty
 * analysis and a log line instead of taking the server down.
 */
function safeAnalyze(text: string, knowledge: Knowledge, settings: Settings, log: (message: string) => void): Analysis {
  try {
    return analyze(text, { knowledge, rules: settings.rules });
  } catch (e) {
    log((e as Error)?.stack ?? String(e));
    return { text, decision: parse(''), findings: [], failures: [`parser: ${(e as Error)?.message ?? String(e)}`] };
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

/** The edits of every safe fix, skipping any that overlap an edit already taken. */
export function safeFixEdits(findings: readonly Finding[]): Array<{ start: number; end: number; newText: string }> {
  const taken: Array<{ start: number; end: number; newText: string }> = [];
  for (const f of findings) {
    for (const fix of f.fixes ?? []) {
      if (!fix.safe) continue;
      if (fix.edits.some((e) => taken.some((t) => e.start < t.end && t.start < e.end))) continue;
      taken.push(...fix.edits);
      break;
    }
  }
  return taken;
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
