/**
 * Runs an extension's tests inside a real VS Code, offline: code-server (VS Code 1.100 server and web
 * workbench, Node extension host) on 127.0.0.1, its workbench shown by headless Debian Chromium
 * through playwright-core, the tests passed as the workbench's extension development and extension
 * tests paths. Relays the tests' output, takes the screenshots they ask for, stops everything it
 * started (by pid) and exits with the tests' exit code. `--help` lists the options.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parseArgs, USAGE, UsageError, type LaunchOptions } from './args';
import {
  CODE_SERVER_VERSION,
  HOST,
  findInstallation,
  freePort,
  installExtension,
  startCodeServer,
  waitUntilServing,
  writeUserSettings,
  type RunFolders,
} from './codeServer';
import { stopByArgument, stopOwned, TimeoutError, withTimeout } from './processes';
import { openWorkbench, type Workbench } from './workbench';

const EXIT_TIMEOUT = 124;
const EXIT_USAGE = 2;

function log(line: string): void {
  process.stderr.write(`[e2e] ${line}\n`);
}

/** Creates the run's temp folders. */
function makeFolders(options: LaunchOptions): RunFolders {
  const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'imr-e2e-'));
  const sub = (name: string): string => {
    const dir = path.join(temp, name);
    fs.mkdirSync(dir, { recursive: true });
    return dir;
  };
  const logs = options.logsDir ?? sub('logs');
  fs.mkdirSync(logs, { recursive: true });
  const screenshots = options.screenshotDir ?? path.join(logs, 'screenshots');
  fs.mkdirSync(screenshots, { recursive: true });
  return { temp, userData: sub('user-data'), extensions: sub('extensions'), logs, screenshots };
}

/** Runs the tests once; resolves with the exit code. */
async function launch(options: LaunchOptions): Promise<number> {
  const installation = findInstallation();
  const chromiumPath = process.env.CHROMIUM || '/usr/bin/chromium';
  if (!fs.existsSync(chromiumPath)) throw new Error(`${chromiumPath} not found: run bash test/e2e/install.sh`);

  const started = Date.now();
  const deadline = started + options.timeoutSeconds * 1000;
  const remaining = (capMs: number): number => Math.max(1000, Math.min(capMs, deadline - Date.now()));
  const elapsed = (): string => `${((Date.now() - started) / 1000).toFixed(1)} s`;

  const folders = makeFolders(options);
  writeUserSettings(folders);
  const profileDir = path.join(folders.temp, 'chromium-profile');
  const workspace = options.workspace ?? path.join(folders.temp, 'workspace');
  fs.mkdirSync(workspace, { recursive: true });

  let exitCode = 1;
  let serverPid: number | undefined;
  let workbench: Workbench | undefined;
  let cleaning: Promise<void> | undefined;
  const cleanup = (): Promise<void> =>
    (cleaning ??= (async () => {
      if (workbench) await workbench.close();
      // Also a browser still starting, or left by a failed close: found by its profile folder.
      await stopByArgument(profileDir, 5000, log);
      if (serverPid !== undefined) await stopOwned(serverPid, 5000, log);
      removeTemp(folders, options, exitCode);
    })());
  for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143], ['SIGHUP', 129]] as const) {
    process.once(signal, () => {
      log(`${signal}: stopping`);
      exitCode = code;
      void cleanup().finally(() => process.exit(code));
    });
  }

  try {
    for (const vsix of options.installExtensions) {
      await installExtension(installation, folders, vsix, remaining(120_000));
      log(`installed ${path.basename(vsix)} into ${folders.extensions} after ${elapsed()}`);
    }

    const port = await freePort();
    const origin = `http://${HOST}:${port}`;
    const server = startCodeServer(installation, folders, port, options.verbose);
    serverPid = server.pid;
    log(`code-server ${CODE_SERVER_VERSION} pid ${server.pid} on ${origin}`);
    await waitUntilServing(origin, server, remaining(60_000));
    log(`code-server ready after ${elapsed()}`);

    workbench = await openWorkbench({
      playwrightCore: installation.playwrightCore,
      chromiumPath,
      profileDir,
      logsDir: folders.logs,
      origin,
      port,
      extensionDevelopmentPath: options.extensionDevelopmentPath,
      extensionTestsPath: options.extensionTestsPath,
      workspace,
      verbose: options.verbose,
      remaining,
      log,
    });
    try {
      exitCode = await withTimeout(workbench.exitCode, remaining(Number.POSITIVE_INFINITY), `the tests (--timeout ${options.timeoutSeconds})`);
      if (options.screenshot) await workbench.screenshot(options.screenshot);
    } catch (error) {
      if (!(error instanceof TimeoutError)) throw error;
      log(error.message);
      exitCode = EXIT_TIMEOUT;
      await workbench.screenshot(options.screenshot ?? path.join(folders.logs, 'timeout.png'));
    }
  } catch (error) {
    log(`error: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
    if (exitCode === 0) exitCode = 1;
  }
  const blocked = workbench?.blockedRequests() ?? 0;
  await cleanup();
  if (blocked > 0) log(`${blocked} non-local request(s) blocked`);
  log(`tests exited with code ${exitCode} after ${elapsed()}`);
  return exitCode;
}

/** Removes the temp folder, keeping the logs of a failed run (or everything with --keep-temp). */
function removeTemp(folders: RunFolders, options: LaunchOptions, exitCode: number): void {
  if (options.keepTemp) {
    log(`temp folder kept: ${folders.temp}`);
    return;
  }
  const keepLogs = exitCode !== 0 && options.logsDir === undefined;
  for (const name of fs.readdirSync(folders.temp)) {
    const entry = path.join(folders.temp, name);
    if (keepLogs && entry === folders.logs) continue;
    fs.rmSync(entry, { recursive: true, force: true });
  }
  if (!keepLogs) fs.rmSync(folders.temp, { recursive: true, force: true });
  if (exitCode !== 0 || options.logsDir !== undefined) log(`logs: ${folders.logs}`);
}

function main(): void {
  let options: LaunchOptions | 'help';
  try {
    options = parseArgs(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    log(`error: ${error.message}\n${USAGE}`);
    process.exit(EXIT_USAGE);
  }
  if (options === 'help') {
    process.stdout.write(USAGE + '\n');
    process.exit(0);
  }
  launch(options).then(
    (code) => process.exit(code),
    (error: unknown) => {
      log(`error: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    },
  );
}

main();
