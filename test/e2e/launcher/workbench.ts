/**
 * The workbench page: headless Debian Chromium driven by playwright-core, opened on code-server with
 * the test payload. This is how VS Code runs its own browser integration tests: the workbench calls
 * `window.codeAutomationLog(type, args)` for each console line of the extension host and
 * `window.codeAutomationExit(code, logs)` when the tests' `run()` settles.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as util from 'util';
import { HOST } from './codeServer';
import { pidsWithArgument, reap, withTimeout } from './processes';

/** The part of playwright-core's API the launcher uses (it is loaded from the install cache). */
interface Playwright {
  chromium: { launchPersistentContext(userDataDir: string, options: object): Promise<BrowserContext> };
}
interface BrowserContext {
  pages(): Page[];
  newPage(): Promise<Page>;
  close(): Promise<void>;
  route(match: (url: URL) => boolean, handler: (route: Route) => Promise<void>): Promise<void>;
}
interface Route {
  request(): { url(): string };
  abort(errorCode: string): Promise<void>;
}
interface Page {
  on(event: 'pageerror', listener: (error: Error) => void): void;
  on(event: 'crash', listener: () => void): void;
  on(event: 'console', listener: (message: { type(): string; text(): string }) => void): void;
  on(event: 'response', listener: (response: { status(): number; url(): string }) => void): void;
  exposeFunction(name: string, callback: (...args: never[]) => unknown): Promise<void>;
  goto(url: string, options: { waitUntil: 'domcontentloaded'; timeout: number }): Promise<unknown>;
  screenshot(options: { timeout: number }): Promise<Buffer>;
  evaluate(expression: string): Promise<unknown>;
}

/** Chromium flags: headless, and no connection to anything but 127.0.0.1. */
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  // Chromium still looks up Google hosts (accounts, autofill, update) despite the flags above.
  `--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE ${HOST}`,
];

/** A test asks for a screenshot by logging this line, then waits for the file to appear. */
const SCREENSHOT_REQUEST = /^\[imr-e2e:screenshot\] (\/.+\.png)\s*$/;

/** Workbench log lines that say nothing about the tests (shown only with --verbose). */
const NOISE = [
  /^Ignoring fetching additional builtin extensions from gallery/,
  /^Updating additional builtin extensions cache/,
  /^(Resolving|Resolved) connection token/,
  /^Creating a socket/,
  /^\[Service Worker\]/,
  /^ChatSessionStore:/,
];

/**
 * Waits until the page's DOM has not changed for a moment (at most a few seconds), so that a
 * screenshot shows the debounced views (Problems, outline, hover) as they settled.
 */
const DOM_SETTLED = `new Promise((resolve) => {
  let quiet;
  const done = () => { observer.disconnect(); clearTimeout(quiet); clearTimeout(cap); resolve(true); };
  const observer = new MutationObserver(() => { clearTimeout(quiet); quiet = setTimeout(done, 500); });
  observer.observe(document.body, { childList: true, subtree: true, characterData: true });
  quiet = setTimeout(done, 500);
  const cap = setTimeout(done, 4000);
})`;

/** What the workbench needs to run the tests. */
export interface WorkbenchOptions {
  playwrightCore: string;
  chromiumPath: string;
  profileDir: string;
  logsDir: string;
  origin: string;
  port: number;
  extensionDevelopmentPath: string;
  extensionTestsPath: string;
  workspace: string;
  verbose: boolean;
  /** Milliseconds left for the whole run, asked before each step. */
  remaining(capMs: number): number;
  log(line: string): void;
}

/** A workbench being driven; `exitCode` settles with the tests' exit code. */
export interface Workbench {
  exitCode: Promise<number>;
  screenshot(file: string): Promise<void>;
  close(): Promise<void>;
  blockedRequests(): number;
}

/** Starts Chromium, opens the workbench with the test payload and relays the tests' output. */
export async function openWorkbench(options: WorkbenchOptions): Promise<Workbench> {
  const { log } = options;
  const playwright = require(options.playwrightCore) as Playwright;
  const automationLog = fs.createWriteStream(path.join(options.logsDir, 'automation.log'));
  const consoleLog = fs.createWriteStream(path.join(options.logsDir, 'browser-console.log'));
  const blocked = new Set<string>();

  const context = await withTimeout(
    playwright.chromium.launchPersistentContext(options.profileDir, {
      executablePath: options.chromiumPath,
      headless: true,
      args: CHROMIUM_ARGS,
      env: { ...process.env, XDG_CONFIG_HOME: path.join(options.profileDir, '.config'), XDG_CACHE_HOME: path.join(options.profileDir, '.cache') },
      viewport: { width: 1280, height: 800 },
      timeout: options.remaining(30_000),
      // The launcher's own signal handlers stop Chromium and code-server in order.
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
    }),
    options.remaining(40_000),
    'Chromium launch',
  );
  const close = async (): Promise<void> => {
    // Chromium's processes, found by the profile folder of this run, before they are orphaned.
    const browserPids = pidsWithArgument(options.profileDir);
    await withTimeout(context.close(), 15_000, 'closing Chromium').catch((error: Error) => log(error.message));
    await reap(browserPids, 5000, log);
    automationLog.end();
    consoleLog.end();
  };

  try {
    // The page may talk to the local server only.
    await context.route(
      (url) => url.hostname !== HOST,
      (route) => {
        const url = route.request().url();
        if (!blocked.has(url)) {
          blocked.add(url);
          log(`blocked non-local request: ${url}`);
        }
        return route.abort('blockedbyclient');
      },
    );
    const page = context.pages()[0] ?? (await context.newPage());

    let settle: (code: number) => void = () => {};
    const exitCode = new Promise<number>((resolve) => (settle = resolve));
    page.on('pageerror', (error) => log(`page error: ${error}`));
    page.on('crash', () => {
      log('page crashed');
      settle(1);
    });
    page.on('console', (message) => {
      consoleLog.write(`[${message.type()}] ${message.text()}\n`);
      if (options.verbose) log(`browser console.${message.type()}: ${message.text()}`);
    });
    page.on('response', (response) => {
      // vsda (VS Code's closed-source signing module) is not in OSS builds: a harmless 404.
      if (response.status() >= 400 && (options.verbose || !/\/vsda\//.test(response.url()))) {
        log(`HTTP ${response.status()} ${response.url()}`);
      }
    });

    let shots: Promise<void> = Promise.resolve();
    const screenshot = (file: string): Promise<void> =>
      (shots = shots.then(async () => {
        try {
          await withTimeout(page.evaluate(DOM_SETTLED), 6000, 'DOM to settle').catch(() => undefined);
          const png = await page.screenshot({ timeout: 10_000 });
          fs.mkdirSync(path.dirname(file), { recursive: true });
          fs.writeFileSync(`${file}.part`, png);
          fs.renameSync(`${file}.part`, file); // appears whole, for the waiting test
          log(`screenshot: ${file}`);
        } catch (error) {
          log(`screenshot ${file} failed: ${error}`);
        }
      }));

    await page.exposeFunction('codeAutomationLog', (type: string, args: unknown) => {
      // The arguments as given to console.* in the extension host, format string first.
      const line = util.format(...(Array.isArray(args) ? args : [args]));
      automationLog.write(`[${type}] ${line}\n`);
      const request = SCREENSHOT_REQUEST.exec(line);
      if (request) {
        void screenshot(request[1]);
        return;
      }
      if (!options.verbose && NOISE.some((pattern) => pattern.test(line))) return;
      (type === 'error' || type === 'warn' ? process.stderr : process.stdout).write(line + '\n');
    });
    await page.exposeFunction('codeAutomationExit', async (code: number, logs: unknown) => {
      saveWorkbenchLogs(options.logsDir, logs, log);
      await shots;
      settle(Number.isInteger(code) ? code : 1);
    });

    await page.goto(workbenchUrl(options), { waitUntil: 'domcontentloaded', timeout: options.remaining(60_000) });
    return { exitCode, screenshot, close, blockedRequests: () => blocked.size };
  } catch (error) {
    await close();
    throw error;
  }
}

/**
 * The workbench URL: the folder to open and the test payload. Payload paths are
 * `vscode-remote://HOST:PORT/abs/path` URIs, since the extension host runs in code-server.
 */
function workbenchUrl(options: WorkbenchOptions): string {
  const remote = (file: string): string =>
    `vscode-remote://${HOST}:${options.port}${file.split(path.sep).map(encodeURIComponent).join('/')}`;
  const query = new URLSearchParams();
  query.set(options.workspace.endsWith('.code-workspace') ? 'workspace' : 'folder', options.workspace);
  query.set(
    'payload',
    JSON.stringify([
      ['extensionDevelopmentPath', remote(options.extensionDevelopmentPath)],
      ['extensionTestsPath', remote(options.extensionTestsPath)],
      ['skipWelcome', 'true'],
    ]),
  );
  return `${options.origin}/?${query}`;
}

/** Writes the logs the workbench hands over at exit under LOGS/workbench. */
function saveWorkbenchLogs(logsDir: string, logs: unknown, log: (line: string) => void): void {
  if (!Array.isArray(logs)) return;
  try {
    for (const entry of logs as { relativePath: string; contents: string }[]) {
      const file = path.join(logsDir, 'workbench', entry.relativePath);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, entry.contents);
    }
  } catch (error) {
    log(`could not save the workbench logs: ${error}`);
  }
}
