/**
 * code-server: VS Code's server and web workbench, installed by test/e2e/install.sh. Started on
 * 127.0.0.1 with an isolated user-data folder, no marketplace, no telemetry and a proxy that goes
 * nowhere, so nothing leaves the machine.
 */
import { spawn, type ChildProcess } from 'child_process';
import * as fs from 'fs';
import * as http from 'http';
import * as net from 'net';
import * as os from 'os';
import * as path from 'path';
import { delay, runBounded } from './processes';

/** The code-server release install.sh builds (VS Code 1.100.3). */
export const CODE_SERVER_VERSION = '4.100.3';

/** The only address anything is served on or fetched from. */
export const HOST = '127.0.0.1';

/** Where install.sh put code-server and playwright-core. */
export interface Installation {
  prefix: string;
  entry: string;
  playwrightCore: string;
}

/** Finds the cached installation; throws with the command to run when it is missing. */
export function findInstallation(): Installation {
  const cache = process.env.IMR_VSCODE_E2E_CACHE || path.join(os.homedir(), '.cache', 'imr-vscode-e2e');
  const prefix = path.join(cache, `code-server-${CODE_SERVER_VERSION}`);
  const entry = path.join(prefix, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
  const playwrightCore = path.join(prefix, 'node_modules', 'playwright-core');
  if (!fs.existsSync(path.join(prefix, '.complete')) || !fs.existsSync(entry) || !fs.existsSync(playwrightCore)) {
    throw new Error(`no code-server ${CODE_SERVER_VERSION} in ${prefix}: run bash test/e2e/install.sh first`);
  }
  return { prefix, entry, playwrightCore };
}

/** User settings that keep the workbench quiet, predictable and off the network. */
export const USER_SETTINGS = {
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'workbench.enableExperiments': false,
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.settings.enableNaturalLanguageSearch': false,
  'security.workspace.trust.enabled': false,
  'typescript.disableAutomaticTypeAcquisition': true,
  'npm.fetchOnlinePackageInfo': false,
  'git.enabled': false,
  'window.restoreWindows': 'none',
  'files.hotExit': 'off',
};

/** Folders of one run, all under its temp folder. */
export interface RunFolders {
  temp: string;
  userData: string;
  extensions: string;
  logs: string;
  screenshots: string;
}

/** Writes the user settings into `folders.userData`. */
export function writeUserSettings(folders: RunFolders): void {
  const user = path.join(folders.userData, 'User');
  fs.mkdirSync(user, { recursive: true });
  fs.writeFileSync(path.join(user, 'settings.json'), JSON.stringify(USER_SETTINGS, null, 2));
}

/** The environment for code-server: its own XDG folders, no gallery, and every proxy closed. */
export function serverEnvironment(folders: RunFolders): NodeJS.ProcessEnv {
  const closedProxy = 'http://127.0.0.1:9'; // a closed port: a stray HTTP(S) request fails locally
  const xdg = (name: string): string => {
    const dir = path.join(folders.temp, name);
    fs.mkdirSync(dir, { recursive: true });
    return dir;
  };
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    XDG_CONFIG_HOME: xdg('xdg-config'),
    XDG_DATA_HOME: xdg('xdg-data'),
    XDG_CACHE_HOME: xdg('xdg-cache'),
    EXTENSIONS_GALLERY: '{}', // code-server's default gallery is open-vsx.org
    IMR_E2E_SCREENSHOT_DIR: folders.screenshots, // inherited by the extension host
    HTTP_PROXY: closedProxy,
    HTTPS_PROXY: closedProxy,
    http_proxy: closedProxy,
    https_proxy: closedProxy,
    NO_PROXY: `${HOST},localhost`,
    no_proxy: `${HOST},localhost`,
  };
  for (const name of ['VSCODE_IPC_HOOK_CLI', 'ELECTRON_RUN_AS_NODE', 'PASSWORD', 'HASHED_PASSWORD', 'PORT', 'NODE_OPTIONS']) {
    delete env[name];
  }
  return env;
}

/** Arguments every code-server invocation shares. */
function commonArgs(folders: RunFolders): string[] {
  return [
    '--config', path.join(folders.temp, 'config.yaml'),
    '--user-data-dir', folders.userData,
    '--extensions-dir', folders.extensions,
    '--disable-telemetry',
    '--disable-update-check',
  ];
}

/** Installs a VSIX into the run's extensions folder with `code-server --install-extension`. */
export async function installExtension(installation: Installation, folders: RunFolders, vsix: string, timeoutMs: number): Promise<void> {
  const logFile = path.join(folders.logs, 'install-extension.log');
  const args = [installation.entry, ...commonArgs(folders), '--install-extension', vsix];
  const result = await runBounded(process.execPath, args, { env: serverEnvironment(folders), logFile, timeoutMs });
  const output = fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8').trim() : '';
  if (result.timedOut) throw new Error(`code-server --install-extension ${vsix} took over ${timeoutMs} ms\n${output}`);
  if (result.code !== 0 || !/was successfully installed/.test(output)) {
    throw new Error(`code-server --install-extension ${vsix} failed (exit code ${result.code})\n${output}`);
  }
}

/** A free TCP port on {@link HOST}. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on('error', reject);
    server.listen(0, HOST, () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Starts code-server on `port` as its own process group; its output goes to LOGS/code-server.log. */
export function startCodeServer(installation: Installation, folders: RunFolders, port: number, verbose: boolean): ChildProcess {
  const args = [
    installation.entry,
    ...commonArgs(folders),
    '--bind-addr', `${HOST}:${port}`,
    '--auth', 'none',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--disable-proxy',
    '--ignore-last-opened',
    '--disable-file-downloads',
    '--disable-file-uploads',
  ];
  if (verbose) args.push('--verbose');
  const out = fs.openSync(path.join(folders.logs, 'code-server.log'), 'w');
  try {
    return spawn(process.execPath, args, { env: serverEnvironment(folders), stdio: ['ignore', out, out], detached: true });
  } finally {
    fs.closeSync(out);
  }
}

/** Polls `/healthz` until code-server answers 200; throws if it exits or the deadline passes. */
export async function waitUntilServing(origin: string, server: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.exitCode !== null || server.signalCode !== null) {
      throw new Error(`code-server exited early (code ${server.exitCode}, signal ${server.signalCode}); see code-server.log`);
    }
    if ((await httpStatus(`${origin}/healthz`, 2000)) === 200) return;
    await delay(250);
  }
  throw new Error(`code-server did not answer ${origin}/healthz within ${timeoutMs} ms`);
}

function httpStatus(url: string, timeoutMs: number): Promise<number> {
  return new Promise((resolve) => {
    const request = http.get(url, { timeout: timeoutMs }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    request.on('timeout', () => request.destroy());
    request.on('error', () => resolve(0));
  });
}
