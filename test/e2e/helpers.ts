/**
 * Helpers for the in-editor tests. They use the public VS Code API only, wait for events or poll
 * with a deadline (never a fixed sleep), and work under both launchers (code-server and
 * @vscode/test-electron); screenshots are taken only under the code-server launcher.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';

/** The extension's id: `publisher.name` from package.json. */
export const EXTENSION_ID = 'imr-decision-tools.imr-decision-tools';

/** The language id of decision letters. */
export const LANGUAGE_ID = 'imr';

/** How long a helper waits by default before it fails, in milliseconds. */
export const DEFAULT_TIMEOUT_MS = 20_000;

/**
 * The repository root. The bundled tests live in `test/e2e/out/<suite>/`, four levels below it.
 */
export const repoRoot = path.resolve(__dirname, '..', '..', '..', '..');

/** The shared corpus of real letters (`../shared/corpus`), or `$IMR_CORPUS_DIR`. */
export function corpusDir(): string {
  const dir = process.env.IMR_CORPUS_DIR || path.resolve(repoRoot, '..', 'shared', 'corpus');
  if (!fs.existsSync(dir)) throw new Error(`no corpus folder at ${dir} (set IMR_CORPUS_DIR)`);
  return dir;
}

/** The path of a corpus letter by its number prefix ("000" ... "004"). */
export function letterPath(prefix: string): string {
  const name = fs
    .readdirSync(corpusDir())
    .filter((file) => file.endsWith('.txt'))
    .find((file) => file.startsWith(prefix));
  if (!name) throw new Error(`no corpus letter ${prefix} in ${corpusDir()}`);
  return path.join(corpusDir(), name);
}

/** The numbers of all corpus letters, sorted: ["000", ..., "004"]. */
export function letterPrefixes(): string[] {
  return fs
    .readdirSync(corpusDir())
    .filter((file) => /^\d{3}_.*\.txt$/.test(file))
    .map((file) => file.slice(0, 3))
    .sort();
}

let scratchDir: string | undefined;

/** The folder letters are copied into: the first workspace folder, or a temp folder without one. */
export function workspaceDir(): string {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (folder && folder.uri.scheme === 'file') return folder.uri.fsPath;
  scratchDir ??= fs.mkdtempSync(path.join(os.tmpdir(), 'imr-e2e-letters-'));
  return scratchDir;
}

/**
 * Copies a corpus letter into the workspace folder under a new name (`004.imr`, then `004-2.imr`,
 * ...), so that each test starts from the letter as it is, whatever earlier tests edited.
 */
export function copyLetter(prefix: string, extension = '.imr'): vscode.Uri {
  const dir = workspaceDir();
  let target = path.join(dir, `${prefix}${extension}`);
  for (let n = 2; fs.existsSync(target); n++) target = path.join(dir, `${prefix}-${n}${extension}`);
  fs.copyFileSync(letterPath(prefix), target);
  return vscode.Uri.file(target);
}

/** A letter open in an editor. */
export interface OpenLetter {
  uri: vscode.Uri;
  document: vscode.TextDocument;
  editor: vscode.TextEditor;
}

/**
 * Copies a corpus letter into the workspace with the given extension (`.imr`, `.txt`, `.md`) and
 * opens it in an editor. A `.txt` letter starts as plain text: use {@link waitForLanguage} to wait
 * for auto-detection to switch it.
 */
export async function openLetter(prefix: string, options: { extension?: string } = {}): Promise<OpenLetter> {
  const uri = copyLetter(prefix, options.extension ?? '.imr');
  const document = await vscode.workspace.openTextDocument(uri);
  const editor = await vscode.window.showTextDocument(document, { preview: false });
  return { uri, document, editor };
}

/** Options of the waiting helpers. */
export interface WaitOptions {
  /** Milliseconds before giving up (default {@link DEFAULT_TIMEOUT_MS}). */
  timeoutMs?: number;
  /** Milliseconds between polls (default 50). */
  intervalMs?: number;
  /** What is awaited, for the error message. */
  what?: string;
}

/**
 * Polls `probe` until it returns a truthy value and resolves with that value; rejects once the
 * deadline passes. The probe may be async; an exception in it fails at once.
 */
export async function waitFor<T>(probe: () => T | undefined | null | false | Promise<T | undefined | null | false>, options: WaitOptions = {}): Promise<T> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const intervalMs = options.intervalMs ?? 50;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() >= deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${options.what ?? 'a condition'}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

/**
 * Waits until the diagnostics of `uri` satisfy `accept` (default: there is at least one) and
 * resolves with them. Listens to `languages.onDidChangeDiagnostics`; the error on timeout lists
 * the diagnostics seen last.
 */
export function waitForDiagnostics(
  uri: vscode.Uri,
  accept: (diagnostics: vscode.Diagnostic[]) => boolean = (diagnostics) => diagnostics.length > 0,
  options: WaitOptions = {},
): Promise<vscode.Diagnostic[]> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  return new Promise((resolve, reject) => {
    const finish = (error?: Error): void => {
      clearTimeout(timer);
      subscription.dispose();
      if (error) reject(error);
      else resolve(vscode.languages.getDiagnostics(uri));
    };
    const check = (): void => {
      if (accept(vscode.languages.getDiagnostics(uri))) finish();
    };
    const subscription = vscode.languages.onDidChangeDiagnostics((event) => {
      if (event.uris.some((changed) => changed.toString() === uri.toString())) check();
    });
    const timer = setTimeout(() => {
      const seen = vscode.languages.getDiagnostics(uri).map(describeDiagnostic);
      const what = options.what ?? `diagnostics of ${path.basename(uri.fsPath)}`;
      finish(new Error(`timed out after ${timeoutMs} ms waiting for ${what}; last seen: ${JSON.stringify(seen)}`));
    }, timeoutMs);
    check();
  });
}

/**
 * Like {@link waitFor}, but resolves with `undefined` instead of failing when the deadline passes.
 * For pictures that should show a feature when it is there; tests that assert a feature use
 * {@link waitFor} or {@link waitForDiagnostics}.
 */
export async function waitForOptional<T>(
  probe: () => T | undefined | null | false | Promise<T | undefined | null | false>,
  options: WaitOptions = {},
): Promise<T | undefined> {
  try {
    return await waitFor(probe, options);
  } catch {
    return undefined;
  }
}

/** The outline of a document, from every document symbol provider (`vscode.executeDocumentSymbolProvider`). */
export async function symbolsOf(uri: vscode.Uri): Promise<vscode.DocumentSymbol[]> {
  const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[] | undefined>('vscode.executeDocumentSymbolProvider', uri);
  return symbols ?? [];
}

/** The hovers at a position, from every hover provider (`vscode.executeHoverProvider`). */
export async function hoversAt(uri: vscode.Uri, position: vscode.Position): Promise<vscode.Hover[]> {
  return (await vscode.commands.executeCommand<vscode.Hover[] | undefined>('vscode.executeHoverProvider', uri, position)) ?? [];
}

/** The plain text of hovers (markdown and plain strings joined), for assertions. */
export function hoverText(hovers: vscode.Hover[]): string {
  return hovers
    .flatMap((hover) => hover.contents)
    .map((content) => (typeof content === 'string' ? content : content.value))
    .join('\n');
}

/** The completion items at a position (`vscode.executeCompletionItemProvider`). */
export async function completionsAt(uri: vscode.Uri, position: vscode.Position, trigger?: string): Promise<vscode.CompletionItem[]> {
  const list = await vscode.commands.executeCommand<vscode.CompletionList | undefined>('vscode.executeCompletionItemProvider', uri, position, trigger);
  return list?.items ?? [];
}

/** The code actions for a range (`vscode.executeCodeActionProvider`), quick fixes and source actions. */
export async function codeActionsAt(uri: vscode.Uri, range: vscode.Range, kind?: string): Promise<vscode.CodeAction[]> {
  const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[] | undefined>(
    'vscode.executeCodeActionProvider',
    uri,
    range,
    kind,
  );
  return (actions ?? []).filter((action): action is vscode.CodeAction => 'title' in action && !('command' in action && typeof action.command === 'string'));
}

/** A short, readable form of a diagnostic for assertion messages. */
export function describeDiagnostic(diagnostic: vscode.Diagnostic): string {
  const code = typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code;
  return `${diagnostic.range.start.line + 1}:${diagnostic.range.start.character + 1} ${code ?? ''} ${diagnostic.message}`;
}

/** Resolves with the open document of `uri` once its language id is `languageId`. */
export function waitForLanguage(uri: vscode.Uri, languageId = LANGUAGE_ID, options: WaitOptions = {}): Promise<vscode.TextDocument> {
  return waitFor(
    () => vscode.workspace.textDocuments.find((document) => document.uri.toString() === uri.toString() && document.languageId === languageId),
    { what: `${path.basename(uri.fsPath)} to have language ${languageId}`, ...options },
  );
}

/** The extension under test; throws when VS Code does not know it. */
export function ourExtension(): vscode.Extension<unknown> {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  if (!extension) throw new Error(`extension ${EXTENSION_ID} is not installed in this VS Code`);
  return extension;
}

/**
 * Waits until the extension has been activated by one of its activation events (open a letter
 * first), then resolves with it. Activation awaits the language client's start, so it fails when
 * the language server does not start: that error is rethrown here.
 */
export async function waitForActivation(options: WaitOptions = {}): Promise<vscode.Extension<unknown>> {
  const extension = ourExtension();
  await waitFor(() => extension.isActive, { what: `${EXTENSION_ID} to activate`, ...options });
  await extension.activate(); // settles as activation did: rejects with its error
  return extension;
}

/** Activates the extension now (whatever its activation events) and resolves with it. */
export async function activateExtension(): Promise<vscode.Extension<unknown>> {
  const extension = ourExtension();
  await extension.activate();
  return extension;
}

/** The contributions of the extension's manifest (package.json `contributes`). */
export function contributes(): Record<string, unknown> {
  const manifest = ourExtension().packageJSON as { contributes?: Record<string, unknown> };
  return manifest.contributes ?? {};
}

/** The position of the `occurrence`-th (from 0) appearance of `text` in `document`. */
export function positionOf(document: vscode.TextDocument, text: string, occurrence = 0): vscode.Position {
  const content = document.getText();
  let offset = -1;
  for (let i = 0; i <= occurrence; i++) {
    offset = content.indexOf(text, offset + 1);
    if (offset < 0) throw new Error(`"${text}" occurs fewer than ${occurrence + 1} time(s) in ${path.basename(document.uri.fsPath)}`);
  }
  return document.positionAt(offset);
}

/**
 * Sets a setting for the duration of `body` and restores it afterwards: in the workspace folder
 * when there is one, else in the user settings. Configuration changes are events: wait for their
 * effect (for example with {@link waitForDiagnostics}) inside `body`.
 */
export async function withSetting<T>(section: string, value: unknown, body: () => Promise<T>): Promise<T> {
  const dot = section.lastIndexOf('.');
  const configuration = vscode.workspace.getConfiguration(section.slice(0, dot));
  const key = section.slice(dot + 1);
  const target = vscode.workspace.workspaceFolders?.length ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
  const inspected = configuration.inspect(key);
  const previous = target === vscode.ConfigurationTarget.Workspace ? inspected?.workspaceValue : inspected?.globalValue;
  await configuration.update(key, value, target);
  try {
    return await body();
  } finally {
    await configuration.update(key, previous, target);
  }
}

/**
 * Arranges the workbench for a picture: the Problems panel open; in the Explorer, the Timeline
 * removed to give the Outline room, and the Outline collapsed but for its last top-level entry
 * (a letter's issues section, so its items show); the focus back in the editor.
 */
export async function showProblemsAndOutline(): Promise<void> {
  const available = new Set(await vscode.commands.getCommands(true));
  const run = async (command: string): Promise<void> => {
    if (available.has(command)) await vscode.commands.executeCommand(command);
  };
  await vscode.commands.executeCommand('workbench.actions.view.problems');
  await run('timeline.removeView');
  await vscode.commands.executeCommand('outline.focus');
  await run('outline.collapse');
  await run('list.focusLast');
  await run('list.expand');
  await vscode.commands.executeCommand('workbench.action.focusActiveEditorGroup');
}

/** Moves the cursor to `position`, scrolls it into view and shows the hover there. */
export async function showHoverAt(editor: vscode.TextEditor, position: vscode.Position): Promise<void> {
  editor.selection = new vscode.Selection(position, position);
  editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.InCenter);
  await vscode.commands.executeCommand('editor.action.showHover');
}

/** Closes every editor, so that the next test starts from an empty editor area. */
export async function closeAllEditors(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/**
 * Asks the code-server launcher for a PNG of the workbench as it is now and waits until the file is
 * written; resolves with its path. Resolves with `undefined` under a launcher that takes no
 * screenshots (no `IMR_E2E_SCREENSHOT_DIR`).
 */
export async function screenshot(name: string, options: WaitOptions = {}): Promise<string | undefined> {
  const dir = process.env.IMR_E2E_SCREENSHOT_DIR;
  if (!dir) return undefined;
  const file = path.join(dir, `${name}.png`);
  fs.rmSync(file, { force: true });
  console.log(`[imr-e2e:screenshot] ${file}`);
  await waitFor(() => fs.existsSync(file), { timeoutMs: 30_000, intervalMs: 100, what: `screenshot ${file}`, ...options });
  return file;
}

/** What the extension's `activate` returns (client/src/extension.ts `ImrApi`). */
export interface ImrApi {
  statusBarText?(): string | undefined;
  lastStatusMessage?(): string | undefined;
}

/** The extension's API once it is active, else an empty one (reading `exports` earlier throws). */
export function extensionApi(): ImrApi {
  const extension = ourExtension();
  return extension.isActive ? ((extension.exports ?? {}) as ImrApi) : {};
}
