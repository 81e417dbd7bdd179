/**
 * The editor commands. Each asks the server (which holds the analysis of the open letter) and
 * shows or applies the answer; none reads letters itself.
 */
import {
  commands,
  languages,
  ProgressLocation,
  Selection,
  TextEditorRevealType,
  window,
  workspace,
  type QuickPickItem,
  type TextEditor,
} from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  ImrRequests,
  type ExportResult,
  type ImportMtusResult,
  type NormalizeParams,
  type NormalizeResponse,
  type SummaryResult,
} from '../../server/src/features/requests';
import { IMR_LANGUAGE } from './autoDetect';
import type { ReadOnlyDocuments } from './readOnlyDocuments';

type ClientRef = () => LanguageClient | undefined;

/** Status bar messages stay short (Ln/Col and the rest of the bar keep their room); the last one is kept for tests. */
const STATUS_MESSAGE_MS = 5000;
let lastStatus: string | undefined;

/** Shows a short message in the status bar for a few seconds. */
export function statusMessage(text: string): void {
  lastStatus = text;
  window.setStatusBarMessage(text, STATUS_MESSAGE_MS);
}

/** The last status bar message shown (the extension's API, for tests). */
export function lastStatusMessage(): string | undefined {
  return lastStatus;
}

/** The active editor when it shows a decision letter; otherwise says what to do and gives undefined. */
function letterEditor(): TextEditor | undefined {
  const editor = window.activeTextEditor;
  if (!editor || editor.document.languageId !== IMR_LANGUAGE) {
    void window.showInformationMessage('IMR: open a decision letter first (or run "IMR: Treat File as Decision Letter").');
    return undefined;
  }
  return editor;
}

function ready(client: ClientRef): LanguageClient | undefined {
  const c = client();
  if (!c || !c.isRunning()) {
    void window.showWarningMessage('IMR: the language server is not running.');
    return undefined;
  }
  return c;
}

/**
 * "IMR: Export Decision as JSON": the CLI's JSON model of the letter, as a read-only document
 * ("<letter>.json", nothing to save; Save As keeps a copy).
 */
export async function exportJson(client: ClientRef, documents: ReadOnlyDocuments): Promise<void> {
  const editor = letterEditor();
  const c = editor && ready(client);
  if (!editor || !c) return;
  const result = await c.sendRequest<ExportResult | null>(ImrRequests.exportJson, { uri: editor.document.uri.toString() });
  if (!result) return;
  const base = editor.document.uri.path.split('/').pop()?.replace(/\.[^.]*$/, '') || 'decision';
  await documents.show(`${base}.json`, `${JSON.stringify(result, null, 2)}\n`);
}

/**
 * "IMR: Normalize PDF Text": rejoins wrapped lines and marks headings and labels, as one undoable
 * edit of the selection (or the whole letter when nothing is selected).
 */
export async function normalizePdfText(client: ClientRef): Promise<void> {
  const editor = letterEditor();
  const c = editor && ready(client);
  if (!editor || !c) return;
  const doc = editor.document;
  const params: NormalizeParams = { uri: doc.uri.toString() };
  if (!editor.selection.isEmpty) params.range = c.code2ProtocolConverter.asRange(editor.selection);
  const version = doc.version;
  const response = await c.sendRequest<NormalizeResponse | null>(ImrRequests.normalize, params);
  if (!response) {
    void window.showWarningMessage('IMR: this text could not be normalized; the IMR Decision Tools output says why.');
    return;
  }
  if (response.edits.length === 0) {
    void window.showInformationMessage(`IMR: ${response.message}`);
    return;
  }
  if (doc.version !== version || response.version !== version) {
    void window.showWarningMessage('IMR: the letter changed while it was being normalized; run the command again.');
    return;
  }
  const applied = await editor.edit((builder) => {
    for (const e of response.edits) builder.replace(c.protocol2CodeConverter.asRange(e.range), e.newText);
  });
  if (!applied) void window.showWarningMessage('IMR: the edit could not be applied.');
  else statusMessage('IMR: normalized (Undo reverts)');
}

interface ItemPick extends QuickPickItem {
  range?: SummaryResult['items'][number]['selectionRange'];
  problems?: boolean;
}

/** What "IMR: Show Decision Summary" listed (the command's result, which the in-editor tests read). */
export interface SummaryShown {
  /** The entries' labels, in order: the items, then the problems. */
  labels: string[];
}

/** "IMR: Show Decision Summary": the items with outcomes and the problems; picking one goes there. */
export async function showSummary(client: ClientRef): Promise<SummaryShown | undefined> {
  const editor = letterEditor();
  const c = editor && ready(client);
  if (!editor || !c) return undefined;
  const summary = await c.sendRequest<SummaryResult | null>(ImrRequests.summary, { uri: editor.document.uri.toString() });
  if (!summary) return undefined;
  const picks: ItemPick[] = summary.items.map((item) => ({
    label: `${item.outcome === 'overturned' ? '$(pass)' : item.outcome === 'upheld' ? '$(circle-slash)' : '$(question)'} ${item.title}`,
    description: item.outcomeText,
    detail: [item.category, item.basis ? `MAXIMUS: ${item.basis}` : '', item.agrees === false ? '$(warning) the rationale concludes the opposite' : ''].filter(Boolean).join(' · ') || undefined,
    range: item.selectionRange,
  }));
  if (summary.problems.total > 0) {
    picks.push({ label: `$(warning) ${summary.problems.total === 1 ? '1 problem' : `${summary.problems.total} problems`}`, description: 'show the Problems panel', problems: true });
  }
  const title = `${summary.caseNumber ? `Case ${summary.caseNumber}` : 'Decision letter'} · ${summary.status}`;
  const picked = await window.showQuickPick(picks, { title, placeHolder: 'Go to a disputed item', matchOnDescription: true, matchOnDetail: true });
  if (picked) await goTo(c, editor, picked);
  return { labels: picks.map((p) => p.label) };
}

/** Goes to the item picked, or shows the Problems panel. */
async function goTo(c: LanguageClient, editor: TextEditor, picked: ItemPick): Promise<void> {
  if (picked.problems) {
    await commands.executeCommand('workbench.actions.view.problems');
    return;
  }
  if (picked.range) {
    const range = c.protocol2CodeConverter.asRange(picked.range);
    const target = await window.showTextDocument(editor.document, editor.viewColumn);
    target.selection = new Selection(range.start, range.end);
    target.revealRange(range, TextEditorRevealType.InCenterIfOutsideViewport);
  }
}

/** "IMR: Treat File as Decision Letter": switches the active editor to the IMR language. */
export async function setLanguage(): Promise<void> {
  const editor = window.activeTextEditor;
  if (!editor) return;
  if (editor.document.languageId === IMR_LANGUAGE) return;
  await languages.setTextDocumentLanguage(editor.document, IMR_LANGUAGE);
}

/** How "IMR: Import MTUS Guideline PDF…" ended (the command's result, which the in-editor tests read). */
export type ImportOutcome = 'no-server' | 'cancelled' | 'refused' | 'imported';

/**
 * Asks for an official MTUS guideline PDF and has the server import it: the text of each printed
 * page is stored locally, and hovers quote it from then on.
 */
export async function importMtusPdf(client: ClientRef): Promise<ImportOutcome> {
  const c = ready(client);
  if (!c) return 'no-server';
  const picked = await window.showOpenDialog({
    canSelectMany: false,
    filters: { 'MTUS guideline PDF': ['pdf'] },
    openLabel: 'Import',
    title: 'Import an MTUS guideline PDF',
  });
  const file = picked?.[0];
  if (!file) return 'cancelled';
  if (file.scheme !== 'file') {
    void window.showErrorMessage('IMR: only a PDF on this machine\'s disk can be imported.');
    return 'refused';
  }
  const outcome = await window.withProgress(
    { location: ProgressLocation.Notification, title: 'IMR: importing the MTUS guideline PDF…' },
    () => c.sendRequest<ImportMtusResult>(ImrRequests.importMtusPdf, { file: file.fsPath }),
  );
  if (!outcome.ok) {
    // A modal dialog shows the whole reason; a notification would cut it off.
    void window.showErrorMessage('IMR: the PDF was not imported.', { modal: true, detail: outcome.error });
    return 'refused';
  }
  const pages = outcome.firstPrinted !== null ? ` (printed pages ${outcome.firstPrinted}–${outcome.lastPrinted})` : '';
  void window.showInformationMessage(`IMR: imported ${outcome.name}${pages}. Hovers on its citations now quote the page.${outcome.warnings.length ? ` ${outcome.warnings.join(' ')}` : ''}`);
  return 'imported';
}
