/**
 * Findings as LSP diagnostics, and the code actions read back from them. A diagnostic carries in
 * its `data` the offsets of its finding and the edits of its fixes (as LSP ranges of the version it
 * was published for), so a quick fix is read from the diagnostic the editor sends, not found again.
 * LSP types only.
 */
import { CodeActionKind, DiagnosticSeverity, type CodeAction, type Diagnostic, type Range, type TextEdit } from 'vscode-languageserver-types';
import { docUrl } from '../checks';
import { suppressionFixes } from '../checks/suppress';
import type { Edit, Finding, Fix, Severity } from '../checks/types';
import type { LetterDocument } from '../features/document';
import type { LineIndex } from '../text/lineIndex';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** A fix as a diagnostic carries it: a title and LSP edits. */
export interface DiagnosticFix {
  title: string;
  edits: TextEdit[];
  preferred?: boolean;
}

/** What an IMR diagnostic's `data` holds besides the finding's own data. */
export interface DiagnosticData {
  start: number;
  end: number;
  fixes?: DiagnosticFix[];
}

/** Converts a finding to an LSP diagnostic; `data` keeps its offsets and its fixes for code actions. */
export function toDiagnostic(f: Finding, uri: string, lines: LineIndex): Diagnostic {
  const fixes = f.fixes?.length ? { fixes: f.fixes.map((fix) => toDiagnosticFix(fix, lines)) } : {};
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
    data: { ...(f.data ?? {}), start: f.start, end: f.end, ...fixes },
  };
}

function toDiagnosticFix(fix: Fix, lines: LineIndex): DiagnosticFix {
  return { title: fix.title, edits: toTextEdits(fix.edits, lines), ...(fix.preferred ? { preferred: true } : {}) };
}

function toTextEdits(edits: readonly Edit[], lines: LineIndex): TextEdit[] {
  return edits.map((e) => ({ range: lines.range(e.start, e.end), newText: e.newText }));
}

/** The edits of every safe fix, skipping any that overlap an edit already taken. */
export function safeFixEdits(findings: readonly Finding[]): Edit[] {
  const taken: Edit[] = [];
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

/** Whether the kinds asked for (`only`) include a kind. */
function wants(only: readonly string[] | undefined, kind: string): boolean {
  return !only || only.some((k) => kind === k || kind.startsWith(`${k}.`) || k.startsWith(kind));
}

/**
 * The code actions for a request: the quick fixes carried by the IMR diagnostics the editor sent
 * (those of the current version only), a "disable" fix for each, and `source.fixAll.imr`.
 */
export function codeActions(uri: string, doc: LetterDocument, diagnostics: readonly Diagnostic[], only?: readonly string[]): CodeAction[] {
  const actions: CodeAction[] = [];
  if (wants(only, CodeActionKind.QuickFix)) {
    for (const diagnostic of diagnostics) actions.push(...quickFixes(uri, doc, diagnostic));
  }
  if (wants(only, `${CodeActionKind.SourceFixAll}.imr`)) {
    const safe = safeFixEdits(doc.analysis.findings);
    if (safe.length) {
      actions.push({ title: 'Fix all safe IMR problems', kind: `${CodeActionKind.SourceFixAll}.imr`, edit: { changes: { [uri]: toTextEdits(safe, doc.lines) } } });
    }
  }
  return actions;
}

/** The fixes one diagnostic carries, then its "disable" fixes; none if it is not ours or is stale. */
function quickFixes(uri: string, doc: LetterDocument, diagnostic: Diagnostic): CodeAction[] {
  const data = diagnostic.data as Partial<DiagnosticData> | undefined;
  if (diagnostic.source !== 'imr' || typeof diagnostic.code !== 'string' || !data) return [];
  if (typeof data.start !== 'number' || typeof data.end !== 'number') return [];
  // Published for another version of the text: its offsets and edits no longer hold.
  if (!sameRange(doc.lines.range(data.start, data.end), diagnostic.range)) return [];
  const disable = suppressionFixes({ code: diagnostic.code, start: data.start } as Finding, doc.analysis.text).map((fix) => toDiagnosticFix(fix, doc.lines));
  return [...(Array.isArray(data.fixes) ? data.fixes : []), ...disable].map((fix) => ({
    title: fix.title,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    isPreferred: fix.preferred,
    edit: { changes: { [uri]: fix.edits } },
  }));
}

function sameRange(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}
