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
import { exportJson, importMtusPdf, normalizePdfText, setLanguage, showSummary } from './commands';
import { restartingErrorHandler } from './restart';
import { DecisionStatus } from './statusBar';

let client: LanguageClient | undefined;

export async function activate(context: ExtensionContext): Promise<void> {
  const module = context.asAbsolutePath(path.join('server', 'out', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6011'] } },
  };
  const initializationOptions: InitializationOptions = { trusted: workspace.isTrusted, mtusStorage: Uri.joinPath(context.globalStorageUri, 'mtus').fsPath };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ language: IMR_LANGUAGE }],
    synchronize: { configurationSection: SETTINGS_SECTION },
    initializationOptions,
    // A crashed server is restarted (the user is told once); one that keeps crashing is left stopped.
    errorHandler: restartingErrorHandler(() => client?.outputChannel.show(true)),
  };
  client = new LanguageClient('imr', 'IMR Decision Tools', serverOptions, clientOptions);
  const current = () => client;

  // Letters opened as .txt / .md switch to IMR before (and independently of) the server start.
  context.subscriptions.push(...registerAutoDetect());

  const tasks = new CheckTaskProvider(context.asAbsolutePath(path.join('server', 'out', 'cli.js')), current);
  context.subscriptions.push(
    registerCheckTask(tasks),
    commands.registerCommand('imr.exportJson', () => exportJson(current)),
    commands.registerCommand('imr.normalizePdfText', () => normalizePdfText(current)),
    commands.registerCommand('imr.showSummary', () => showSummary(current)),
    commands.registerCommand('imr.checkWorkspace', () => checkWorkspace(tasks)),
    commands.registerCommand('imr.setLanguage', () => setLanguage()),
    commands.registerCommand('imr.importMtusPdf', () => importMtusPdf(current)),
    workspace.onDidGrantWorkspaceTrust(() => void client?.sendNotification(ImrNotifications.setTrusted, { trusted: true } satisfies SetTrustedParams)),
  );

  await client.start();
  context.subscriptions.push(new DecisionStatus(current));
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
