/**
 * The extension's client: starts the language server for IMR letters and registers commands.
 * Everything that reads letters lives in the server.
 */
import * as path from 'path';
import { workspace, type ExtensionContext } from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';

let client: LanguageClient | undefined;

export async function activate(context: ExtensionContext): Promise<void> {
  const module = context.asAbsolutePath(path.join('server', 'out', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6011'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ language: 'imr' }],
    synchronize: { configurationSection: 'imr' },
    initializationOptions: { trusted: workspace.isTrusted },
  };
  client = new LanguageClient('imr', 'IMR Decision Tools', serverOptions, clientOptions);
  await client.start();
  context.subscriptions.push(
    workspace.onDidGrantWorkspaceTrust(() => void client?.sendNotification('imr/setTrusted', { trusted: true })),
  );
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
