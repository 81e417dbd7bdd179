/**
 * The language server: a thin LSP adapter over the pure engine. Each handler converts positions,
 * calls one function of the language service, and converts the answer back.
 */
import {
  CodeActionKind,
  createConnection,
  DiagnosticSeverity,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  type CodeAction,
  type Connection,
  type Diagnostic,
  type InitializeResult,
  type TextEdit,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { docUrl } from './checks';
import { suppressionFixes } from './checks/suppress';
import type { Finding, Fix, Severity } from './checks/types';
import { analyze, type Analysis } from './engine';
import { defaultKnowledge, type Knowledge } from './knowledge';
import { readWordLists } from './node/wordLists';
import { DEFAULT_SETTINGS, readSettings, type Settings } from './settings';
import { fileURLToPath } from 'url';
import { LineIndex } from './text/lineIndex';

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
  readonly documents = new TextDocuments(TextDocument);
  private readonly states = new Map<string, DocumentState>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly settingsCache = new Map<string, Promise<Settings>>();
  private pullConfiguration = false;
  private trusted = true;
  private rootPath: string | undefined;
  private baseKnowledge: Knowledge = defaultKnowledge();

  constructor(readonly connection: Connection) {}

  /** The analysis of an open document at its current version (cached). */
  stateOf(doc: TextDocument, settings: Settings = this.lastSettings.get(doc.uri) ?? DEFAULT_SETTINGS): DocumentState {
    const cached = this.states.get(doc.uri);
    if (cached && cached.version === doc.version) return cached;
    const text = doc.getText();
    const analysis = analyze(text, { knowledge: this.knowledgeFor(settings), rules: settings.rules });
    for (const failure of analysis.failures) this.connection.console.error(`check failed on ${doc.uri}: ${failure}`);
    const state: DocumentState = { uri: doc.uri, version: doc.version, analysis, lines: new LineIndex(text) };
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
      const drugs = this.baseKnowledge.drugs as { withExtra?: (names: string[]) => Knowledge['drugs'] };
      k = { ...this.baseKnowledge, drugs: drugs.withExtra ? drugs.withExtra([...settings.extraDrugs]) : this.baseKnowledge.drugs };
      if (this.knowledgeCache.size > 16) this.knowledgeCache.clear();
      this.knowledgeCache.set(key, k);
    }
    return k;
  }

  /** Replaces the knowledge (e.g. after an MTUS import) and re-checks every open letter. */
  setKnowledge(knowledge: Knowledge): void {
    this.baseKnowledge = knowledge;
    this.knowledgeCache.clear();
    this.states.clear();
    for (const doc of this.documents.all()) this.schedule(doc, 0);
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

  start(): void {
    const { connection, documents } = this;
    connection.onInitialize((params): InitializeResult => {
      this.pullConfiguration = !!params.capabilities.workspace?.configuration;
      const root = params.workspaceFolders?.[0]?.uri ?? params.rootUri;
      if (root?.startsWith('file:')) this.rootPath = fileURLToPath(root);
      const init = params.initializationOptions as { trusted?: boolean } | undefined;
      if (init && typeof init.trusted === 'boolean') this.trusted = init.trusted;
      return {
        capabilities: {
          textDocumentSync: TextDocumentSyncKind.Incremental,
          codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, `${CodeActionKind.SourceFixAll}.imr`] },
        },
        serverInfo: { name: 'imr-language-server', version: VERSION },
      };
    });
    connection.onDidChangeConfiguration(() => {
      this.settingsCache.clear();
      for (const doc of documents.all()) this.schedule(doc, 0);
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
    documents.listen(connection);
    connection.listen();
  }
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
