/**
 * The IMR language service: owns the analysis of each open document (cached per uri and version),
 * the knowledge, the validated settings, and answers every editor request from them. It knows no
 * connection and no file system: the documents, the settings source, the logger and the word-list
 * reader are injected (`ServiceHost`), so the server is a thin adapter and tests drive it in memory.
 */
import type { CodeAction, CompletionList, Diagnostic, DocumentLink, DocumentSymbol, FoldingRange, Hover, Position, SymbolInformation } from 'vscode-languageserver-types';
import { analyze, type Analysis, type RuleLevels } from '../engine';
import { completions } from '../features/completion';
import type { LetterDocument } from '../features/document';
import { foldingRanges } from '../features/folding';
import { hover } from '../features/hover';
import { documentLinks } from '../features/links';
import { normalizePdfText } from '../features/normalize';
import type { ExportResult, NormalizeParams, NormalizeResponse, SummaryResult } from '../features/requests';
import { decisionSummary, statusText, summaryMarkdown } from '../features/summary';
import { documentSymbols } from '../features/symbols';
import { indexLetter, workspaceSymbols, type IndexedLetter } from '../features/workspaceSymbols';
import { reanalyze } from '../incremental';
import { warmUpSteps } from './warmUp';
import { decisionToJson, findingsToJson } from '../json';
import { defaultKnowledge, type Knowledge } from '../knowledge';
import { parse } from '../parser/parse';
import { LineIndex } from '../text/lineIndex';
import { codeActions, toDiagnostic } from './diagnostics';
import { SettingsStore, type SettingsHost } from './settingsStore';

/** A document as the editor holds it (the LSP text-document library's documents fit). */
export interface ServiceDocument {
  readonly uri: string;
  readonly version: number;
  getText(): string;
}

/** Where the service writes what went wrong: the server's log. */
export interface Logger {
  error(message: string): void;
  warn(message: string): void;
}

/** The letters on disk that are not open (workspace symbols); the server gives a Node scanner. */
export interface WorkspaceLetterSource {
  letters(knowledge: Knowledge, skipUris: ReadonlySet<string>): Promise<IndexedLetter[]>;
  clear(): void;
}

/** What the service is given by its host. */
export interface ServiceHost extends SettingsHost {
  documents: { get(uri: string): ServiceDocument | undefined; all(): ServiceDocument[] };
  log: Logger;
  workspaceLetters?: WorkspaceLetterSource;
  /** The file path of a uri, for exported JSON (the uri itself when it names no file). */
  uriToPath(uri: string): string;
  /** The engine (`analyze`, and `reanalyze` after an edit, by default; as the Markdown service is given its parser). */
  analyze?: typeof analyze;
}

/** Parsed and checked state of one open letter, cached per document version. */
export interface DocumentState extends LetterDocument {
  uri: string;
  version: number;
  /** The knowledge the analysis used (bundled, plus the user's drug names and imports). */
  knowledge: Knowledge;
  /** The outline, computed once per version (editors ask for it often). */
  symbols?: DocumentSymbol[];
}

/** The pure language service; one per server. */
export class LanguageService {
  private readonly states = new Map<string, DocumentState>();
  readonly settings: SettingsStore;
  /** Built on first use, not at start-up: `initialize` is answered before the lexicon is indexed. */
  private knowledgeOverride: Knowledge | undefined;
  private readonly knowledgeCache = new Map<string, Knowledge>();

  constructor(private readonly host: ServiceHost) {
    this.settings = new SettingsStore(host);
  }

  /** The knowledge without the user's extra drug names. */
  get baseKnowledge(): Knowledge {
    return this.knowledgeOverride ?? defaultKnowledge();
  }

  /** Replaces the knowledge (e.g. after an MTUS import); open letters must be validated again. */
  setKnowledge(knowledge: Knowledge): void {
    this.knowledgeOverride = knowledge;
    this.knowledgeCache.clear();
    this.states.clear();
    this.host.workspaceLetters?.clear();
  }

  /**
   * The steps of warming the engine (`warmUp.ts`): knowledge built and code compiled on a letter of
   * our own, one analysis a step. A failure is logged once and ends it.
   */
  *warmUp(): Generator<void> {
    try {
      yield* warmUpSteps(this.baseKnowledge);
    } catch (e) {
      this.logFailure('warm-up', '(engine)', e);
    }
  }

  /** Forgets what is kept for a closed document. */
  close(uri: string): void {
    this.states.delete(uri);
    this.settings.forget(uri);
  }

  /** The analysis of an open document at its current version (cached), with the settings last read for it. */
  stateOf(doc: ServiceDocument): DocumentState {
    const cached = this.states.get(doc.uri);
    if (cached && cached.version === doc.version) return cached;
    const text = doc.getText();
    const settings = this.settings.last(doc.uri);
    const knowledge = this.knowledgeFor(settings.extraDrugs);
    // An edit of the version analysed last reads again only what it can change.
    const previous = cached && cached.version < doc.version ? cached.analysis : undefined;
    const analysis = this.safeAnalyze(doc.uri, text, knowledge, settings.rules, previous);
    const state: DocumentState = { uri: doc.uri, version: doc.version, analysis, lines: new LineIndex(text), knowledge };
    this.states.set(doc.uri, state);
    return state;
  }

  /**
   * The diagnostics of a document at its current version, after reading its settings; null when
   * the document changed or closed meanwhile (its own validation is on its way).
   */
  async validate(uri: string): Promise<{ uri: string; version: number; diagnostics: Diagnostic[] } | null> {
    const doc = this.host.documents.get(uri);
    if (!doc) return null;
    const version = doc.version;
    const changed = await this.settings.refresh(uri);
    const current = this.host.documents.get(uri);
    if (!current || current.version !== version) return null;
    if (changed) this.states.delete(uri);
    return this.guard('diagnostics', uri, null, () => {
      const state = this.stateOf(current);
      return { uri, version, diagnostics: state.analysis.findings.map((f) => toDiagnostic(f, uri, state.lines)) };
    });
  }

  /** The diagnostics of a letter that is not open, from its text on disk, with its folder's settings. */
  async diagnoseText(uri: string, text: string): Promise<Diagnostic[]> {
    await this.settings.refresh(uri);
    const settings = this.settings.last(uri);
    return this.guard('diagnostics', uri, [], () => {
      const analysis = this.safeAnalyze(uri, text, this.knowledgeFor(settings.extraDrugs), settings.rules);
      const lines = new LineIndex(text);
      return analysis.findings.map((f) => toDiagnostic(f, uri, lines));
    });
  }

  /** The outline. */
  documentSymbols(uri: string): DocumentSymbol[] {
    return this.onDocument('documentSymbols', uri, [], (s) => (s.symbols ??= documentSymbols(s)));
  }

  /** Folding ranges. */
  foldingRanges(uri: string): FoldingRange[] {
    return this.onDocument('foldingRanges', uri, [], (s) => foldingRanges(s));
  }

  /** The hover at a position. */
  hover(uri: string, position: Position): Hover | null {
    return this.onDocument('hover', uri, null, (s) => hover(s, s.lines.offsetAt(position), s.knowledge));
  }

  /** The completions at a position. */
  completion(uri: string, position: Position): CompletionList {
    return this.onDocument('completion', uri, { isIncomplete: false, items: [] }, (s) => completions(s, s.lines.offsetAt(position), s.knowledge));
  }

  /** Document links. */
  documentLinks(uri: string): DocumentLink[] {
    return this.onDocument('documentLinks', uri, [], (s) => documentLinks(s, s.knowledge));
  }

  /** Quick fixes read from the diagnostics sent, "disable" fixes, and `source.fixAll.imr`. */
  codeActions(uri: string, diagnostics: readonly Diagnostic[], only?: readonly string[]): CodeAction[] {
    return this.onDocument('codeActions', uri, [], (s) => codeActions(uri, s, diagnostics ?? [], only));
  }

  /** `imr/summary`. */
  summary(uri: string | undefined): SummaryResult | null {
    return this.onDocument('summary', uri, null, (s) => {
      const summary = decisionSummary(s);
      return { ...summary, version: s.version, status: statusText(summary), markdown: summaryMarkdown(summary) };
    });
  }

  /** `imr/exportJson`: the CLI's JSON entry for an open letter. */
  exportJson(uri: string | undefined): ExportResult | null {
    return this.onDocument('exportJson', uri, null, (s) => ({
      file: this.host.uriToPath(s.uri),
      decision: decisionToJson(s.analysis.decision, s.analysis.text, s.lines),
      diagnostics: findingsToJson(s.analysis.findings, s.analysis.text, s.lines),
    }));
  }

  /** `imr/normalize`: edits that turn PDF text (all, or a selection) into the markdown form. */
  normalize(uri: string | undefined, range: NormalizeParams['range']): NormalizeResponse | null {
    return this.onDocument('normalize', uri, null, (s) => {
      const offsets = range ? { start: s.lines.offsetAt(range.start), end: s.lines.offsetAt(range.end) } : undefined;
      const result = normalizePdfText(s, offsets && offsets.end > offsets.start ? offsets : undefined);
      const edits = result.edits.map((e) => ({ range: s.lines.range(e.start, e.end), newText: e.newText }));
      return { version: s.version, edits, message: result.message };
    });
  }

  /** Workspace symbols: open letters as they are in the editor, the others as they are on disk. */
  async workspaceSymbols(query: string): Promise<SymbolInformation[]> {
    return this.guardAsync('workspaceSymbols', '(workspace)', [], async () => {
      const open = this.host.documents.all().map((d) => {
        const s = this.stateOf(d);
        return indexLetter(d.uri, s, s.knowledge);
      });
      const skip = new Set(open.map((l) => l.uri));
      const onDisk = (await this.host.workspaceLetters?.letters(this.baseKnowledge, skip)) ?? [];
      return workspaceSymbols([...open, ...onDisk], query ?? '');
    });
  }

  /** Runs a feature on an open document's cached analysis, through the one error wrapper. */
  private onDocument<T>(feature: string, uri: string | undefined, fallback: T, run: (state: DocumentState) => T): T {
    const doc = typeof uri === 'string' ? this.host.documents.get(uri) : undefined;
    if (!doc) return fallback;
    return this.guard(feature, doc.uri, fallback, () => run(this.stateOf(doc)));
  }

  /**
   * The one place a failure of a feature (a bug, never the user's fault) is caught: it is logged
   * once with its stack, and the request answers `fallback` (empty).
   */
  guard<T>(feature: string, uri: string, fallback: T, run: () => T): T {
    try {
      return run();
    } catch (e) {
      this.logFailure(feature, uri, e);
      return fallback;
    }
  }

  private async guardAsync<T>(feature: string, uri: string, fallback: T, run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (e) {
      this.logFailure(feature, uri, e);
      return fallback;
    }
  }

  private logFailure(feature: string, uri: string, e: unknown): void {
    this.host.log.error(`${feature} failed on ${uri}: ${(e as Error)?.stack ?? String(e)}`);
  }

  private knowledgeFor(extraDrugs: readonly string[]): Knowledge {
    if (extraDrugs.length === 0) return this.baseKnowledge;
    const key = extraDrugs.join('\n');
    let k = this.knowledgeCache.get(key);
    if (!k) {
      k = { ...this.baseKnowledge, drugs: this.baseKnowledge.drugs.withExtra(extraDrugs) };
      if (this.knowledgeCache.size > 16) this.knowledgeCache.clear();
      this.knowledgeCache.set(key, k);
    }
    return k;
  }

  /**
   * Analyses a letter (from its previous analysis when there is one: `reanalyze`), logging the
   * checks that failed and the limits reached; a failure of the parser itself gives an empty
   * analysis and a log line instead of a dead server.
   */
  private safeAnalyze(uri: string, text: string, knowledge: Knowledge, rules: RuleLevels, previous?: Analysis): Analysis {
    let analysis: Analysis;
    try {
      if (this.host.analyze) analysis = this.host.analyze(text, { knowledge, rules });
      else analysis = previous ? reanalyze(previous, text, { knowledge, rules }) : analyze(text, { knowledge, rules });
    } catch (e) {
      this.logFailure('analysis', uri, e);
      return { text, decision: parse(''), findings: [], failures: [`parser: ${(e as Error)?.message ?? String(e)}`] };
    }
    for (const failure of analysis.failures) this.host.log.error(`check failed on ${uri}: ${failure}`);
    for (const limit of analysis.decision.limits) this.host.log.warn(`${uri}: ${limit}`);
    return analysis;
  }
}
