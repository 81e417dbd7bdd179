/**
 * The extension's client: starts the language server for IMR letters, switches letters opened as
 * text to the IMR language, and registers the commands, the status bar item and the check-all task.
 * The server parses and checks letters; the client reads only the beginning of a .txt / .md file,
 * to tell whether it looks like a letter (`autoDetect.ts`, through the shared `detect.ts`).
 */
import * as path from 'path';
import { commands, Uri, workspace, type ExtensionContext } from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { ImrNotifications, SETTINGS_SECTION, type InitializationOptions, type SetTrustedParams } from '../../server/src/features/requests';
import { IMR_LANGUAGE, registerAutoDetect } from './autoDetect';
import { CheckTaskProvider, checkWorkspace, registerCheckTask } from './checkTask';
import { exportJson, importMtusPdf, lastStatusMessage, normalizePdfText, setLanguage, showSummary } from './commands';
import { openLetterPdf, PdfLetterProvider } from './pdfLetter';
import { ReadOnlyDocuments } from './readOnlyDocuments';
import { restartingErrorHandler } from './restart';
import { localRuleLinks } from './ruleLinks';
import { pageLinksInDocument, pageLinksInHover, registerMtusPages } from './mtusPages';
import { DecisionStatus } from './statusBar';

let client: LanguageClient | undefined;

/** What the extension gives other extensions (and the in-editor tests). */
export interface ImrApi {
  /** The decision status bar item's text, or undefined while it is hidden. */
  statusBarText(): string | undefined;
  /** The last short message the extension put in the status bar. */
  lastStatusMessage(): string | undefined;
}

export async function activate(context: ExtensionContext): Promise<ImrApi> {
  const module = context.asAbsolutePath(path.join('server', 'out', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6011'] } },
  };
  const initializationOptions: InitializationOptions = { trusted: workspace.isTrusted, mtusStorage: Uri.joinPath(context.globalStorageUri, 'mtus').fsPath };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ language: IMR_LANGUAGE }],
    // Letters on disk are checked by the server too: it hears when they change (workspace diagnostics).
    synchronize: { configurationSection: SETTINGS_SECTION, fileEvents: workspace.createFileSystemWatcher('**/*.{imr,txt,md}') },
    initializationOptions,
    // A crashed server is restarted (the user is told once); one that keeps crashing is left stopped.
    errorHandler: restartingErrorHandler(() => client?.outputChannel.show(true)),
    // Rule links open the rule page packaged with the extension: no network needed.
    middleware: {
      handleDiagnostics: (uri, diagnostics, next) => next(uri, localRuleLinks(context.extensionUri, diagnostics)),
      // "Open page" links to a stored MTUS PDF open the page as text (or in a PDF viewer).
      provideHover: async (document, position, token, next) => pageLinksInHover(await next(document, position, token)),
      provideDocumentLinks: async (document, token, next) => pageLinksInDocument(await next(document, token)),
    },
  };
  client = new LanguageClient('imr', 'IMR Decision Tools', serverOptions, clientOptions);
  const current = () => client;

  // Letters opened as .txt / .md switch to IMR before (and independently of) the server start.
  context.subscriptions.push(...registerAutoDetect(), ...registerMtusPages(current));

  const readOnly = new ReadOnlyDocuments();
  context.subscriptions.push(readOnly);
  const pdfLetters = new PdfLetterProvider(current);
  const tasks = new CheckTaskProvider(context.asAbsolutePath(path.join('server', 'out', 'cli.js')), current);
  context.subscriptions.push(
    registerCheckTask(tasks),
    commands.registerCommand('imr.exportJson', () => exportJson(current, readOnly)),
    commands.registerCommand('imr.normalizePdfText', () => normalizePdfText(current)),
    commands.registerCommand('imr.showSummary', () => showSummary(current)),
    commands.registerCommand('imr.checkWorkspace', () => checkWorkspace(current)),
    commands.registerCommand('imr.setLanguage', () => setLanguage()),
    commands.registerCommand('imr.importMtusPdf', () => importMtusPdf(current)),
    pdfLetters.register(),
    commands.registerCommand('imr.openLetterPdf', (target?: Uri) => openLetterPdf(current, pdfLetters, target)),
    workspace.onDidGrantWorkspaceTrust(() => void client?.sendNotification(ImrNotifications.setTrusted, { trusted: true } satisfies SetTrustedParams)),
  );

  await client.start();
  const status = new DecisionStatus(current);
  context.subscriptions.push(status);
  return { statusBarText: () => status.text, lastStatusMessage };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
